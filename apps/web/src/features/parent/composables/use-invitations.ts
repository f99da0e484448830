import { onMounted, ref, shallowRef } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useCheckout } from './use-checkout';

export type ChildInvitations = components['schemas']['ChildInvitationsDto'];
export type Booking = components['schemas']['BookingDto'];
export type ConsentQuestion = components['schemas']['ConsentQuestionViewDto'];
export type ConsentAnswer = components['schemas']['ConsentAnswerDto'];

/**
 * Each of my children's invitations, and the booking actions on them (GET /api/v1/me/invitations). A priced
 * place comes back held: booking (or accepting an offer) then goes straight on to pay for it.
 */
export function useInvitations() {
  const data = ref<ChildInvitations[]>([]);
  const loading = ref(true);
  const error = shallowRef<ApiError | null>(null);
  const busy = ref<string | null>(null);
  const actionError = shallowRef<ApiError | null>(null);
  const checkout = useCheckout();

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

  /** Sends the family to pay; a refusal (the hold lapsed, payments are down) shows like any other. */
  async function pay(bookingId: string): Promise<void> {
    busy.value = bookingId;
    actionError.value = null;
    await checkout.pay(bookingId);
    if (checkout.error.value) {
      actionError.value = checkout.error.value;
      busy.value = null;
      await load();
    }
  }

  async function thenPay(booking: Booking | undefined): Promise<void> {
    if (booking?.state === 'held') {
      await pay(booking.id);
    }
  }

  const bookPlace = (eventId: string, pupilId: string, answers?: ConsentAnswer[]) =>
    act(`${eventId}/${pupilId}`, () =>
      unwrap(
        api().POST('/api/v1/me/bookings', {
          body: { eventId, pupilId, ...(answers ? { consent: { answers } } : {}) },
          params: { header: { 'Idempotency-Key': `${eventId}-${pupilId}-${Date.now()}` } },
        }),
      ),
    );
  const book = async (eventId: string, pupilId: string, answers?: ConsentAnswer[]) =>
    thenPay(await bookPlace(eventId, pupilId, answers));
  const cancel = (bookingId: string) =>
    act(bookingId, () =>
      unwrap(api().POST('/api/v1/me/bookings/{bookingId}/cancel', { params: { path: { bookingId } } })),
    );
  const accept = async (bookingId: string) =>
    thenPay(
      await act(bookingId, () =>
        unwrap(api().POST('/api/v1/me/bookings/{bookingId}/accept', { params: { path: { bookingId } } })),
      ),
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
  return { data, loading, error, busy, actionError, reload: load, book, cancel, accept, giveConsent, pay };
}
