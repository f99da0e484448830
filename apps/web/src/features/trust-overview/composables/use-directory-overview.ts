import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';

type OverviewPath = paths['/api/v1/trusts/{trustId}/directory-overview']['get'];
export type DirectoryOverview = OverviewPath['responses'][200]['content']['application/json'];
export type SchoolOverview = DirectoryOverview['schools'][number];

/** Each school of a trust with its directory counts and last MIS sync, by name. */
export function useDirectoryOverview(trustId: Ref<string>) {
  const {
    data: schools,
    loading,
    error,
    reload,
  } = useResource([trustId], async () => {
    const overview = await unwrap(
      api().GET('/api/v1/trusts/{trustId}/directory-overview', {
        params: { path: { trustId: trustId.value } },
      }),
    );
    return [...overview.schools].sort((a, b) =>
      a.name.localeCompare(b.name, 'en-GB'),
    ) as readonly SchoolOverview[];
  });
  return { schools, loading, error, reload };
}
