import { watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { Membership } from '../../../api/types';
import { useCursorList } from '../../../composables/use-cursor-list';

const PAGE_SIZE = 50;

/** A school's staff memberships, newest first as the API sends them; parents are listed elsewhere. */
export function useMemberships(schoolId: Ref<string>) {
  const list = useCursorList<Membership>(async (cursor) => {
    const page = await unwrap(
      api().GET('/api/v1/schools/{schoolId}/memberships', {
        params: {
          path: { schoolId: schoolId.value },
          query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
        },
      }),
    );
    return {
      items: page.items.filter((m) => m.role !== 'parent' && m.role !== 'integration'),
      nextCursor: page.nextCursor,
    };
  });

  watch(schoolId, () => void list.reload(), { immediate: true });

  return list;
}
