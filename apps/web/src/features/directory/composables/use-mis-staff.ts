import { watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useCursorList } from '../../../composables/use-cursor-list';
import type { MisStaffMember } from '../directory-types';

const PAGE_SIZE = 50;

/** A school's current staff as its MIS records them, by surname; `search` is the start of a name or email. */
export function useMisStaff(schoolId: Ref<string>, search: Ref<string>) {
  const list = useCursorList<MisStaffMember>((cursor) =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/staff', {
        params: {
          path: { schoolId: schoolId.value },
          query: {
            limit: PAGE_SIZE,
            ...(cursor ? { cursor } : {}),
            ...(search.value ? { search: search.value } : {}),
          },
        },
      }),
    ),
  );

  watch([schoolId, search], () => void list.reload(), { immediate: true });

  return list;
}
