import { computed, ref, shallowRef, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';

export type MyEvening = components['schemas']['MyParentsEveningDto'];
export type BookForMe = components['schemas']['BookForMeDto'];

/** A parent's evening: each child's teachers with their free slots, holding, confirming and 'book for me'. */
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

  async function act(run: () => Promise<unknown>): Promise<void> {
    busy.value = true;
    actionError.value = null;
    try {
      await run();
      await evening.reload();
    } catch (e) {
      actionError.value = toApiError(e);
    } finally {
      busy.value = false;
    }
  }

  /** Per child and teacher: the appointment the parent has, or the free slots to choose from. */
  const choices = computed(() => {
    const e = evening.data.value;
    if (!e) {
      return [];
    }
    return e.children.flatMap((child) =>
      child.teachers.map((t) => ({
        key: `${child.pupilId}/${t.staffId}`,
        child,
        teacher: t,
        appointment:
          e.appointments.find((a) => a.pupilId === child.pupilId && a.staffId === t.staffId) ?? null,
        free: e.freeSlots.filter((s) => s.staffId === t.staffId),
      })),
    );
  });
  const holding = computed(() => (evening.data.value?.appointments ?? []).some((a) => a.state === 'held'));

  const hold = (pupilId: string, slotId: string) =>
    act(() =>
      unwrap(
        api().POST('/api/v1/me/parents-evenings/{eventId}/holds', {
          params: path(),
          body: { pupilId, slotId },
        }),
      ),
    );
  const confirm = () =>
    act(() => unwrap(api().POST('/api/v1/me/parents-evenings/{eventId}/confirm', { params: path() })));
  const bookForMe = (from: string, to: string, gapMinutes: number) =>
    act(async () => {
      const result = await unwrap(
        api().POST('/api/v1/me/parents-evenings/{eventId}/book-for-me', {
          params: path(),
          body: { from, to, gapMinutes },
        }),
      );
      unfitted.value = result.unfitted;
    });

  return { ...evening, choices, holding, busy, actionError, unfitted, hold, confirm, bookForMe };
}
