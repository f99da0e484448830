import { computed, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../composables/use-resource';
import { verdictOf } from '../tamper-check';

/** The tamper check of a school's audit log: its hash chain recomputed by the API. */
export function useAuditVerification(schoolId: Ref<string>) {
  const resource = useResource([schoolId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/audit-records/verification', {
        params: { path: { schoolId: schoolId.value } },
      }),
    ),
  );
  /** What the check says, in a sentence; null while it runs. */
  const verdict = computed(() => (resource.data.value ? verdictOf(resource.data.value) : null));
  return { ...resource, verdict };
}
