import { computed, ref, shallowRef, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { ApiError, toApiError } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';

export type MyEvening = components['schemas']['MyParentsEveningDto'];
export type BookForMe = components['schemas']['BookForMeDto'];
export type EveningChoice = ReturnType<typeof useParentsEveningBooking>['choices']['value'][number];

/**
 * A parent's evening: each child's teachers with their free slots, holding, confirming, cancelling and 'book for
 * me'. Each request carries an Idempotency-Key kept until it gets an answer, so pressing again after a dropped
 * connection gets the first answer rather than a second booking.
 */
export function useParentsEveningBooking(eventId: Ref<string>) {
  const evening = useResource([eventId], () =>
    unwrap(
      api().GET('/api/v1/me/parents-evenings/{eventId}', { params: { path: { eventId: eventId.value } } }),
    ),
  );
  const busy = ref(false);
  const actionError = shallowRef<ApiError | null>(null);
  const unfitted = shallowRef<BookForMe['unfitted']>([]);
  const path = () => ({ path: { eventId: eventId.value } });
  const keys = new Map<string, string>();

  async function act(run: () => Promise<unknown>): Promise<boolean> {
    busy.value = true;
    actionError.value = null;
    try {
      await run();
      await evening.reload();
      return true;
    } catch (e) {
      actionError.value = toApiError(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** The key for this request: the same one until the API answers (with anything but a network failure). */
  async function once<T>(request: string, send: (header: { 'Idempotency-Key': string }) => Promise<T>) {
    const key = keys.get(request) ?? crypto.randomUUID();
    keys.set(request, key);
    try {
      const answer = await send({ 'Idempotency-Key': key });
      keys.delete(request);
      return answer;
    } catch (e) {
      if (e instanceof ApiError) {
        keys.delete(request);
      }
      throw e;
    }
  }

  /** Per child and teacher: the appointment the parent has, one another carer booked, or the free slots. */
  const choices = computed(() => {
    const e = evening.data.value;
    if (!e) {
      return [];
    }
    const same = (a: { pupilId: string; staffId: string }, pupilId: string, staffId: string) =>
      a.pupilId === pupilId && a.staffId === staffId;
    return e.children.flatMap((child) =>
      child.teachers.map((t) => ({
        key: `${child.pupilId}-${t.staffId}`,
        child,
        teacher: t,
        appointment: e.appointments.find((a) => same(a, child.pupilId, t.staffId)) ?? null,
        bookedByOther: e.bookedByOthers.find((a) => same(a, child.pupilId, t.staffId)) ?? null,
        free: e.freeSlots.filter((s) => s.staffId === t.staffId),
      })),
    );
  });
  const holding = computed(() => (evening.data.value?.appointments ?? []).some((a) => a.state === 'held'));

  const hold = (pupilId: string, slotId: string) =>
    act(() =>
      once(`hold/${pupilId}/${slotId}`, (header) =>
        unwrap(
          api().POST('/api/v1/me/parents-evenings/{eventId}/holds', {
            params: { ...path(), header },
            body: { pupilId, slotId },
          }),
        ),
      ),
    );
  const confirm = () =>
    act(() =>
      once('confirm', (header) =>
        unwrap(
          api().POST('/api/v1/me/parents-evenings/{eventId}/confirm', { params: { ...path(), header } }),
        ),
      ),
    );
  const cancel = (appointmentId: string) =>
    act(() =>
      unwrap(
        api().POST('/api/v1/me/parents-evenings/{eventId}/appointments/{appointmentId}/cancel', {
          params: { path: { eventId: eventId.value, appointmentId } },
        }),
      ),
    );
  const bookForMe = (from: string, to: string, gapMinutes: number) =>
    act(async () => {
      const result = await once(`book-for-me/${from}/${to}/${gapMinutes}`, (header) =>
        unwrap(
          api().POST('/api/v1/me/parents-evenings/{eventId}/book-for-me', {
            params: { ...path(), header },
            body: { from, to, gapMinutes },
          }),
        ),
      );
      unfitted.value = result.unfitted;
    });

  return { ...evening, choices, holding, busy, actionError, unfitted, hold, confirm, cancel, bookForMe };
}
