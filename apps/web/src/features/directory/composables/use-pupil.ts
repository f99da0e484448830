import { ref, shallowRef, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { PupilDetail } from '../directory-types';

/** One pupil with their groups, characteristics and contacts (in priority order). */
export function usePupil(schoolId: Ref<string>, pupilId: Ref<string>) {
  const data = shallowRef<PupilDetail | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const pupil = await unwrap(
        api().GET('/api/v1/schools/{schoolId}/pupils/{pupilId}', {
          params: { path: { schoolId: schoolId.value, pupilId: pupilId.value } },
        }),
      );
      if (mine === generation) {
        data.value = pupil;
      }
    } catch (e) {
      if (mine === generation) {
        data.value = null;
        error.value = toApiError(e);
      }
    } finally {
      if (mine === generation) {
        loading.value = false;
      }
    }
  }

  watch([schoolId, pupilId], () => void reload(), { immediate: true });

  return { data, loading, error, reload };
}
