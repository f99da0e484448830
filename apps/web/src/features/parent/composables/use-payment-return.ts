import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { components } from '../../../api/schema';
import type { Booking } from './use-invitations';
import { pendingPaymentOf } from './use-checkout';

type Money = components['schemas']['MyBookingMoneyDto'];

export type ReturnOutcome = 'waiting' | 'paid' | 'not_yet' | 'cancelled' | 'failed';

const POLL_MS = 1000;
const POLL_TRIES = 20;

/**
 * After Stripe's payment page: waits (polling GET /api/v1/me/bookings/{id}/payments each second, about 20 s)
 * for the payment's webhook to have confirmed the place; when the family cancelled, says where the place stands.
 * Which payment to wait for was kept by the checkout; without it, a confirmed booking is enough.
 */
export function usePaymentReturn(bookingId: string, cancelled: boolean) {
  const outcome = ref<ReturnOutcome>('waiting');
  const money = shallowRef<Money | null>(null);
  const booking = shallowRef<Booking | null>(null);
  const childName = ref<string | null>(null);
  const eventTitle = ref<string | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const paymentId = pendingPaymentOf(bookingId);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const settled = (m: Money): boolean =>
    paymentId
      ? m.payments.some((p) => p.id === paymentId && p.status === 'paid')
      : m.state === 'confirmed' && !m.payments.some((p) => p.status === 'pending' && p.purpose !== 'balance');

  async function readMoney(): Promise<Money> {
    const m = await unwrap(
      api().GET('/api/v1/me/bookings/{bookingId}/payments', { params: { path: { bookingId } } }),
    );
    money.value = m;
    return m;
  }

  /** The child's name, the event and the hold's expiry, from the invitations (the payments answer has neither). */
  async function readBooking(): Promise<void> {
    const children = (await unwrap(api().GET('/api/v1/me/invitations'))).items;
    for (const entry of children) {
      const found = entry.invitations.find((i) => i.booking?.id === bookingId);
      if (found?.booking) {
        booking.value = found.booking;
        childName.value = entry.child.forename;
        eventTitle.value = found.event.title;
      }
    }
  }

  async function poll(tries: number): Promise<void> {
    if (stopped) {
      return;
    }
    try {
      if (settled(await readMoney())) {
        outcome.value = 'paid';
        return;
      }
    } catch (e) {
      error.value = toApiError(e);
      outcome.value = 'failed';
      return;
    }
    if (tries <= 1) {
      outcome.value = 'not_yet';
      return;
    }
    timer = setTimeout(() => void poll(tries - 1), POLL_MS);
  }

  async function start(): Promise<void> {
    try {
      await readBooking();
    } catch {
      // The names are a nicety: the payment is what this page is about.
    }
    if (!cancelled) {
      await poll(POLL_TRIES);
      return;
    }
    try {
      await readMoney();
      outcome.value = 'cancelled';
    } catch (e) {
      error.value = toApiError(e);
      outcome.value = 'failed';
    }
  }

  /** "Check again" after the wait ran out. */
  async function retry(): Promise<void> {
    outcome.value = 'waiting';
    error.value = null;
    await poll(POLL_TRIES);
  }

  onMounted(start);
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
  });
  return { outcome, money, booking, childName, eventTitle, error, retry };
}
