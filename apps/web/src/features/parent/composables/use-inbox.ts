import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';
import { useCursorList } from '../../../composables/use-cursor-list';

export type InboxMessage = components['schemas']['InboxMessageDto'];

/** The signed-in parent's messages in the app, newest first. */
export function useInbox() {
  const list = useCursorList<InboxMessage>((cursor) =>
    unwrap(api().GET('/api/v1/me/messages', { params: { query: { ...(cursor ? { cursor } : {}) } } })),
  );
  void list.reload();
  return list;
}

/** One message, opened: the school then knows it was read and sends no fallback email or text. */
export function useOpenMessage(id: () => string) {
  return useResource([id], () =>
    unwrap(api().POST('/api/v1/me/messages/{messageId}/read', { params: { path: { messageId: id() } } })),
  );
}
