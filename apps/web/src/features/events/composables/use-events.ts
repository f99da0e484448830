import { watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useCursorList } from '../../../composables/use-cursor-list';
import { useResource } from '../../../composables/use-resource';
import { useSubmit } from '../../../composables/use-submit';

export type SchoolEvent = components['schemas']['EventDto'];
export type Participant = components['schemas']['ParticipantPageDto']['items'][number];

/** The school's events, newest first. */
export function useEvents(schoolId: Ref<string>) {
  const list = useCursorList<SchoolEvent>((cursor) =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/events', {
        params: { path: { schoolId: schoolId.value }, query: { ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  watch(schoolId, () => void list.reload(), { immediate: true });
  return list;
}

/** One event, with publish and cancel. */
export function useEvent(schoolId: Ref<string>, eventId: Ref<string>) {
  const path = () => ({ path: { schoolId: schoolId.value, eventId: eventId.value } });
  const event = useResource([schoolId, eventId], () =>
    unwrap(api().GET('/api/v1/schools/{schoolId}/events/{eventId}', { params: path() })),
  );
  const publish = useSubmit(async () => {
    event.data.value = await unwrap(
      api().POST('/api/v1/schools/{schoolId}/events/{eventId}/publish', { params: path() }),
    );
  });
  const cancel = useSubmit(async () => {
    event.data.value = await unwrap(
      api().POST('/api/v1/schools/{schoolId}/events/{eventId}/cancel', { params: path() }),
    );
  });
  return { ...event, publish, cancel };
}

/** Participation: every booking with the pupil's name and state. */
export function useParticipants(schoolId: Ref<string>, eventId: Ref<string>) {
  const list = useCursorList<Participant & { id: string }>(async (cursor) => {
    const page = await unwrap(
      api().GET('/api/v1/schools/{schoolId}/events/{eventId}/bookings', {
        params: {
          path: { schoolId: schoolId.value, eventId: eventId.value },
          query: { limit: 200, ...(cursor ? { cursor } : {}) },
        },
      }),
    );
    return { ...page, items: page.items.map((p) => ({ ...p, id: p.bookingId })) };
  });
  watch([schoolId, eventId], () => void list.reload(), { immediate: true });
  return list;
}
