import { watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useCursorList } from '../../../composables/use-cursor-list';
import type { SyncRun } from '../directory-types';

const PAGE_SIZE = 20;

/** A school's syncs from its MIS, newest first, with their results and errors. */
export function useSyncRuns(schoolId: Ref<string>) {
  const list = useCursorList<SyncRun>((cursor) =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/sync-runs', {
        params: {
          path: { schoolId: schoolId.value },
          query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
        },
      }),
    ),
  );

  watch(schoolId, () => void list.reload(), { immediate: true });

  return list;
}
