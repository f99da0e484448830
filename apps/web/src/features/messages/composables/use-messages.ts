import { onBeforeUnmount, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useCursorList } from '../../../composables/use-cursor-list';
import { useResource } from '../../../composables/use-resource';
import type { Message, Unreached } from '../message-types';

/** The school's messages, newest first. */
export function useMessages(schoolId: Ref<string>) {
  const list = useCursorList<Message>((cursor) =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/messages', {
        params: { path: { schoolId: schoolId.value }, query: { ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  watch(schoolId, () => void list.reload(), { immediate: true });
  return list;
}

/** One message with its delivery progress, read again every two seconds while deliveries are moving. */
export function useMessage(schoolId: Ref<string>, messageId: Ref<string>) {
  const message = useResource([schoolId, messageId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/messages/{messageId}', {
        params: { path: { schoolId: schoolId.value, messageId: messageId.value } },
      }),
    ),
  );
  const timer = setInterval(() => {
    const m = message.data.value;
    const moving =
      m && (m.status === 'sending' || (m.progress.email.queued ?? 0) + (m.progress.sms.queued ?? 0) > 0);
    if (moving && !message.loading.value) {
      void message.reload();
    }
  }, 2000);
  onBeforeUnmount(() => clearInterval(timer));
  return message;
}

/** Who the message has not reached, and why. */
export function useUnreached(schoolId: Ref<string>, messageId: Ref<string>) {
  const list = useCursorList<Unreached & { id: string }>(async (cursor) => {
    const page = await unwrap(
      api().GET('/api/v1/schools/{schoolId}/messages/{messageId}/unreached', {
        params: {
          path: { schoolId: schoolId.value, messageId: messageId.value },
          query: { limit: 100, ...(cursor ? { cursor } : {}) },
        },
      }),
    );
    return { ...page, items: page.items.map((u) => ({ ...u, id: u.recipientId })) };
  });
  watch([schoolId, messageId], () => void list.reload(), { immediate: true });
  return list;
}
