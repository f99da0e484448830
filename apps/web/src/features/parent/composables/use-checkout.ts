import { ref, shallowRef } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';

const KEY = 'rowan.checkout.';

/** The payment (its id) a booking's family was last sent to pay, so the return page knows which one to wait for. */
export function pendingPaymentOf(bookingId: string): string | null {
  try {
    return sessionStorage.getItem(`${KEY}${bookingId}`);
  } catch {
    return null;
  }
}

/**
 * Paying for a booking: asks for the card payment page (POST /api/v1/me/bookings/{id}/checkout) and sends the
 * browser there. Stripe brings the family back to /parent/payments/return.
 */
export function useCheckout() {
  const paying = ref<string | null>(null);
  const error = shallowRef<ApiError | null>(null);

  async function pay(bookingId: string): Promise<void> {
    paying.value = bookingId;
    error.value = null;
    try {
      const checkout = await unwrap(
        api().POST('/api/v1/me/bookings/{bookingId}/checkout', { params: { path: { bookingId } } }),
      );
      try {
        sessionStorage.setItem(`${KEY}${bookingId}`, checkout.paymentId);
      } catch {
        // Private browsing without storage: the return page then waits for the place to be confirmed.
      }
      window.location.assign(checkout.url);
    } catch (e) {
      error.value = toApiError(e);
      paying.value = null;
    }
  }

  return { paying, error, pay };
}
