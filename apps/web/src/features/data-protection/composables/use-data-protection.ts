import { ref, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../composables/use-resource';
import { useSubmit } from '../../../composables/use-submit';

/** A school's retention (leavers kept, next anonymisation, the runs so far). */
export function useRetention(schoolId: Ref<string>) {
  const overview = useResource([schoolId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/retention', { params: { path: { schoolId: schoolId.value } } }),
    ),
  );
  const runs = useResource([schoolId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/retention-runs', {
        params: { path: { schoolId: schoolId.value }, query: { limit: 20 } },
      }),
    ),
  );
  return { overview, runs };
}

/** A school's contract end: read by staff; recorded and withdrawn by the trust. */
export function useContract(schoolId: Ref<string>) {
  const contract = useResource([schoolId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/contract', { params: { path: { schoolId: schoolId.value } } }),
    ),
  );
  const endsOn = ref('');
  const recording = useSubmit(async () => {
    contract.data.value = await unwrap(
      api().PUT('/api/v1/schools/{schoolId}/contract/end', {
        params: { path: { schoolId: schoolId.value } },
        body: { endsOn: endsOn.value },
      }),
    );
    return contract.data.value;
  });
  const withdrawing = useSubmit(async () => {
    // A refusal throws (the client's problems middleware), so reaching the reload means it was withdrawn.
    await api().DELETE('/api/v1/schools/{schoolId}/contract/end', {
      params: { path: { schoolId: schoolId.value } },
    });
    await contract.reload();
    return true;
  });
  return { contract, endsOn, recording, withdrawing };
}

/** The trust's record of schools whose data was destroyed. */
export function useSchoolDeletions(trustId: Ref<string>) {
  return useResource([trustId], () =>
    unwrap(
      api().GET('/api/v1/trusts/{trustId}/school-deletions', {
        params: { path: { trustId: trustId.value }, query: { limit: 50 } },
      }),
    ),
  );
}
