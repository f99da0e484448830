import { watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { School } from '../../../api/types';
import { useCursorList } from '../../../composables/use-cursor-list';

/** The schools of one trust. */
export function useSchools(trustId: Ref<string>) {
  const list = useCursorList<School>((cursor) =>
    unwrap(
      api().GET('/api/v1/trusts/{trustId}/schools', {
        params: { path: { trustId: trustId.value }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );

  watch(trustId, () => void list.reload(), { immediate: true });

  return list;
}
