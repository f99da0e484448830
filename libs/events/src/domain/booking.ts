import { EventConflict } from './events.errors';

/**
 * A booking's life.
 * - `confirmed`: has a place. `held`: a place is kept while the family pays, until the hold expires.
 * - `waitlisted`: waits in order. `offered`: a freed place is kept for them until the offer expires.
 * - `cancelled`: gone (by the parent, by staff, an offer not taken up, or a hold not paid for).
 */
export const BOOKING_STATES = ['confirmed', 'held', 'waitlisted', 'offered', 'cancelled'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

export type BookingAction = 'cancel' | 'accept' | 'pay' | 'expire';

const MOVES: Readonly<Record<BookingAction, Partial<Record<BookingState, BookingState>>>> = {
  cancel: { confirmed: 'cancelled', held: 'cancelled', waitlisted: 'cancelled', offered: 'cancelled' },
  accept: { offered: 'confirmed' },
  pay: { held: 'confirmed' },
  expire: { offered: 'cancelled', held: 'cancelled' },
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
  return state === 'confirmed' || state === 'held' || state === 'offered';
}

const PAST: Record<BookingAction, string> = {
  cancel: 'cancelled',
  accept: 'accepted',
  pay: 'paid for',
  expire: 'expired',
};

/** What booking answers: a place, or a place in the queue. */
export type BookingOutcome =
  | { readonly status: 'confirmed' }
  | { readonly status: 'held' }
  | { readonly status: 'waitlisted'; readonly position: number };
