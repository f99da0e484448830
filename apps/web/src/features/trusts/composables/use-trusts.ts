import { api, unwrap } from '../../../api/client';
import type { Trust } from '../../../api/types';
import { useCursorList } from '../../../composables/use-cursor-list';

/** Every trust on Rowan (platform operators only). */
export function useTrusts() {
  const list = useCursorList<Trust>((cursor) =>
    unwrap(api().GET('/api/v1/trusts', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } })),
  );
  void list.reload();
  return list;
}
