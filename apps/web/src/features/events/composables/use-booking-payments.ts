import { ref, shallowRef, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useForm } from '../../../composables/use-form';
import { formatPence, parsePounds } from '../../../lib/format';

export type BookingMoney = components['schemas']['BookingMoneyDto'];

/** One booking's money (GET …/bookings/{bookingId}/payments), read when staff open it. */
export function useBookingPayments(schoolId: Ref<string>, eventId: Ref<string>, bookingId: Ref<string>) {
  const data = shallowRef<BookingMoney | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await unwrap(
        api().GET('/api/v1/schools/{schoolId}/events/{eventId}/bookings/{bookingId}/payments', {
          params: { path: { schoolId: schoolId.value, eventId: eventId.value, bookingId: bookingId.value } },
        }),
      );
    } catch (e) {
      error.value = toApiError(e);
    } finally {
      loading.value = false;
    }
  }

  return { data, loading, error, load };
}

/**
 * The refund form: an amount in pounds (empty or everything refundable means "in full", sent without `amountP`)
 * and the reason. The API's field errors (`amountP`, `reason`) show beside the fields.
 */
export function useRefund(
  target: Ref<{ schoolId: string; eventId: string; bookingId: string; refundableP: number } | null>,
) {
  // One Idempotency-Key per refund asked for: sending the same one again (a double click, a retry after a lost
  // answer) refunds once; changing the amount or reason is a new refund with a new key.
  let attempt = { request: '', key: '' };
  return useForm({
    idPrefix: 'refund',
    initial: { amountP: '', reason: '' },
    validate: (v) => {
      const errors: Partial<Record<'amountP' | 'reason', string>> = {};
      const pence = v.amountP.trim() ? parsePounds(v.amountP) : null;
      const max = target.value?.refundableP ?? 0;
      if (v.amountP.trim() && (pence === null || pence < 1)) {
        errors.amountP = 'Enter an amount in pounds, like 9.25';
      } else if (pence !== null && pence > max) {
        errors.amountP = `At most ${formatPence(max)} can be refunded`;
      }
      if (!v.reason.trim()) {
        errors.reason = 'Say why you are refunding';
      }
      return errors;
    },
    save: (v) => {
      const t = target.value;
      if (!t) {
        throw new Error('No booking to refund');
      }
      const pence = v.amountP.trim() ? parsePounds(v.amountP) : null;
      const request = JSON.stringify([t.bookingId, pence, v.reason.trim()]);
      if (request !== attempt.request) {
        attempt = { request, key: crypto.randomUUID() };
      }
      return unwrap(
        api().POST('/api/v1/schools/{schoolId}/events/{eventId}/bookings/{bookingId}/refunds', {
          params: {
            path: { schoolId: t.schoolId, eventId: t.eventId, bookingId: t.bookingId },
            header: { 'Idempotency-Key': attempt.key },
          },
          body: {
            reason: v.reason.trim(),
            ...(pence !== null && pence !== t.refundableP ? { amountP: pence } : {}),
          },
        }),
      );
    },
  });
}
