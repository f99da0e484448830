import { computed, ref, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';
import { useSubmit } from '../../../composables/use-submit';

export type RegisterLine = components['schemas']['RegisterLineDto'];

/**
 * One register (a club's session, or the trip) with marks being made: `marks` holds the unsaved ones, `save`
 * sends them all at once, and participation is read again after.
 */
export function useRegister(schoolId: Ref<string>, eventId: Ref<string>, sessionAt: Ref<string | null>) {
  const path = () => ({ path: { schoolId: schoolId.value, eventId: eventId.value } });
  const query = () => (sessionAt.value ? { sessionAt: sessionAt.value } : {});
  const register = useResource([schoolId, eventId, sessionAt], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/events/{eventId}/register', {
        params: { ...path(), query: query() },
      }),
    ),
  );
  const participation = useResource([schoolId, eventId], () =>
    unwrap(api().GET('/api/v1/schools/{schoolId}/events/{eventId}/participation', { params: path() })),
  );
  const marks = ref<Record<string, boolean>>({});
  watch(
    () => register.data.value,
    (data) => {
      marks.value = Object.fromEntries(
        (data?.lines ?? []).filter((l) => l.present !== null).map((l) => [l.bookingId, l.present === true]),
      );
    },
  );
  const save = useSubmit(async () => {
    register.data.value = await unwrap(
      api().PUT('/api/v1/schools/{schoolId}/events/{eventId}/register', {
        params: path(),
        body: {
          ...query(),
          marks: Object.entries(marks.value).map(([bookingId, present]) => ({ bookingId, present })),
        },
      }),
    );
    await participation.reload();
  });
  const lines = computed(() => register.data.value?.lines ?? []);
  return { ...register, lines, marks, save, participation };
}
