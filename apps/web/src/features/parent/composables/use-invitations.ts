import { onMounted, ref, shallowRef } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { components } from '../../../api/schema';

export type ChildInvitations = components['schemas']['ChildInvitationsDto'];
export type Booking = components['schemas']['BookingDto'];
export type ConsentQuestion = components['schemas']['ConsentQuestionViewDto'];
export type ConsentAnswer = components['schemas']['ConsentAnswerDto'];

/** Each of my children's invitations, and the booking actions on them (GET /api/v1/me/invitations). */
export function useInvitations() {
  const data = ref<ChildInvitations[]>([]);
  const loading = ref(true);
  const error = shallowRef<ApiError | null>(null);
  const busy = ref<string | null>(null);
  const actionError = shallowRef<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = (await unwrap(api().GET('/api/v1/me/invitations'))).items;
    } catch (e) {
      error.value = toApiError(e);
    } finally {
      loading.value = false;
    }
  }

  async function act<T>(key: string, run: () => Promise<T>): Promise<T | undefined> {
    busy.value = key;
    actionError.value = null;
    try {
      const booking = await run();
      await load();
      return booking;
    } catch (e) {
      actionError.value = toApiError(e);
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  const book = (eventId: string, pupilId: string, answers?: ConsentAnswer[]) =>
    act(`${eventId}/${pupilId}`, () =>
      unwrap(
        api().POST('/api/v1/me/bookings', {
          body: { eventId, pupilId, ...(answers ? { consent: { answers } } : {}) },
          params: { header: { 'Idempotency-Key': `${eventId}-${pupilId}-${Date.now()}` } },
        }),
      ),
    );
  const cancel = (bookingId: string) =>
    act(bookingId, () =>
      unwrap(api().POST('/api/v1/me/bookings/{bookingId}/cancel', { params: { path: { bookingId } } })),
    );
  const accept = (bookingId: string) =>
    act(bookingId, () =>
      unwrap(api().POST('/api/v1/me/bookings/{bookingId}/accept', { params: { path: { bookingId } } })),
    );

  const giveConsent = (bookingId: string, answers: ConsentAnswer[]) =>
    act(bookingId, () =>
      unwrap(
        api().PUT('/api/v1/me/bookings/{bookingId}/consent', {
          params: { path: { bookingId } },
          body: { answers },
        }),
      ),
    );

  onMounted(load);
  return { data, loading, error, busy, actionError, reload: load, book, cancel, accept, giveConsent };
}
