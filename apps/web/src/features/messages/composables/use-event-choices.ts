import { computed, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../composables/use-resource';
import { formatDate } from '../../../lib/format';

/** One event whose invitees a message can go to. */
export interface EventChoice {
  readonly id: string;
  readonly label: string;
  readonly kind: 'trip' | 'club';
}

/**
 * For the composer's event picker: the school's published trips and clubs (the latest 200), and whether the
 * chosen one has a consent form, so "consent outstanding" is offered only where it means something.
 */
export function useEventChoices(schoolId: Ref<string>, eventId: Ref<string>) {
  const events = useResource([schoolId], async () => {
    const page = await unwrap(
      api().GET('/api/v1/schools/{schoolId}/events', {
        params: { path: { schoolId: schoolId.value }, query: { status: 'published', limit: 200 } },
      }),
    );
    return page.items.flatMap((e): EventChoice[] =>
      e.kind === 'trip' || e.kind === 'club'
        ? [{ id: e.id, kind: e.kind, label: `${e.title} (${e.kind}, ${formatDate(e.startsAt)})` }]
        : [],
    );
  });
  const form = useResource([schoolId, eventId], async () =>
    eventId.value
      ? unwrap(
          api().GET('/api/v1/schools/{schoolId}/events/{eventId}/consent-form', {
            params: { path: { schoolId: schoolId.value, eventId: eventId.value } },
          }),
        )
      : null,
  );
  const consentAsked = computed(() => (form.data.value?.questions.length ?? 0) > 0);
  return { choices: events.data, loading: events.loading, error: events.error, consentAsked };
}
