import { ref, shallowRef, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { paths } from '../../../api/schema';

type OverviewPath = paths['/api/v1/trusts/{trustId}/directory-overview']['get'];
export type DirectoryOverview = OverviewPath['responses'][200]['content']['application/json'];
export type SchoolOverview = DirectoryOverview['schools'][number];

/** Each school of a trust with its directory counts and last MIS sync. */
export function useDirectoryOverview(trustId: Ref<string>) {
  const schools = shallowRef<readonly SchoolOverview[] | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const overview = await unwrap(
        api().GET('/api/v1/trusts/{trustId}/directory-overview', {
          params: { path: { trustId: trustId.value } },
        }),
      );
      if (mine === generation) {
        schools.value = [...overview.schools].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
      }
    } catch (e) {
      if (mine === generation) {
        schools.value = null;
        error.value = toApiError(e);
      }
    } finally {
      if (mine === generation) {
        loading.value = false;
      }
    }
  }

  watch(trustId, () => void reload(), { immediate: true });

  return { schools, loading, error, reload };
}
