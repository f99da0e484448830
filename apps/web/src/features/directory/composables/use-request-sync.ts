import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useSubmit } from '../../../composables/use-submit';
import type { SyncMode, SyncRun } from '../directory-types';

/** Asks for a sync now: the worker picks it up; resolves to the queued run. */
export function useRequestSync(schoolId: Ref<string>) {
  return useSubmit((mode: SyncMode): Promise<SyncRun> =>
    unwrap(
      api().POST('/api/v1/schools/{schoolId}/sync-runs', {
        params: { path: { schoolId: schoolId.value } },
        body: { mode },
      }),
    ),
  );
}
