import type { BookingState } from '../domain/booking';
import type { BookingRecord, BookingStore } from './ports/booking.store';

export interface BookingView {
  readonly id: string;
  readonly eventId: string;
  readonly pupilId: string;
  readonly state: BookingState;
  /** On the waiting list: 1 for the first. */
  readonly position: number | null;
  readonly offerExpiresAt: Date | null;
  /** Held for payment: the place goes if not paid by then. */
  readonly holdExpiresAt: Date | null;
  readonly createdAt: Date;
}

export function toBookingView(b: BookingRecord, position: number | null = null): BookingView {
  return {
    id: b.id,
    eventId: b.eventId,
    pupilId: b.pupilId,
    state: b.state,
    position: b.state === 'waitlisted' ? position : null,
    offerExpiresAt: b.state === 'offered' ? b.offerExpiresAt : null,
    holdExpiresAt: b.state === 'held' ? b.offerExpiresAt : null,
    createdAt: b.createdAt,
  };
}

/** The view with the waiting-list position, which is read only for a booking on the waiting list. */
export async function bookingView(store: BookingStore, b: BookingRecord): Promise<BookingView> {
  return toBookingView(b, b.state === 'waitlisted' ? await store.position(b) : null);
}
