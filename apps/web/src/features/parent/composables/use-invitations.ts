import { onMounted, ref, shallowRef } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { components } from '../../../api/schema';

export type ChildInvitations = components['schemas']['ChildInvitationsDto'];
export type Booking = components['schemas']['BookingDto'];

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

  async function act(key: string, run: () => Promise<Booking>): Promise<Booking | undefined> {
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

  const book = (eventId: string, pupilId: string) =>
    act(`${eventId}/${pupilId}`, () =>
      unwrap(
        api().POST('/api/v1/me/bookings', {
          body: { eventId, pupilId },
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

  onMounted(load);
  return { data, loading, error, busy, actionError, reload: load, book, cancel, accept };
}
