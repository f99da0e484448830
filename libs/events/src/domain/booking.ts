import { EventConflict } from './events.errors';

/**
 * A booking's life. `held` (a place kept while a payment completes) arrives with payments.
 * - `confirmed`: has a place. `waitlisted`: waits in order. `offered`: a freed place is kept for them until the
 *   offer expires. `cancelled`: gone (by the parent, by staff, or an offer not taken up).
 */
export const BOOKING_STATES = ['confirmed', 'waitlisted', 'offered', 'cancelled'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

export type BookingAction = 'cancel' | 'accept' | 'expire';

const MOVES: Readonly<Record<BookingAction, Partial<Record<BookingState, BookingState>>>> = {
  cancel: { confirmed: 'cancelled', waitlisted: 'cancelled', offered: 'cancelled' },
  accept: { offered: 'confirmed' },
  expire: { offered: 'cancelled' },
};

/** The state an action leads to, or a 409 when the booking cannot do it now. */
export function nextState(from: BookingState, action: BookingAction): BookingState {
  const to = MOVES[action][from];
  if (!to) {
    throw new EventConflict(`A ${from} booking cannot be ${PAST[action]}`, 'EVENTS.BOOKING_STATE');
  }
  return to;
}

/** Does a booking in this state hold one of the event's places? */
export function holdsPlace(state: BookingState): boolean {
  return state === 'confirmed' || state === 'offered';
}

const PAST: Record<BookingAction, string> = { cancel: 'cancelled', accept: 'accepted', expire: 'expired' };

/** What booking answers: a place, or a place in the queue. */
export type BookingOutcome =
  { readonly status: 'confirmed' } | { readonly status: 'waitlisted'; readonly position: number };
