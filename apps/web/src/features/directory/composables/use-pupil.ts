import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../composables/use-resource';

/** One pupil with their groups, characteristics and contacts (in priority order). */
export function usePupil(schoolId: Ref<string>, pupilId: Ref<string>) {
  return useResource([schoolId, pupilId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/pupils/{pupilId}', {
        params: { path: { schoolId: schoolId.value, pupilId: pupilId.value } },
      }),
    ),
  );
}
