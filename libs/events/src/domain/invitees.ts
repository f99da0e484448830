import { holdsPlace, type BookingState } from './booking';
import type { ConsentState } from './consent';
import type { SchoolEvent } from './event';

/**
 * Which of an event's invitees (for messages about it): all of them; `booked`, with a confirmed place;
 * `waitlisted`, on the waiting list whether or not a freed place is on offer to them; `not_responded`, with no
 * live booking (never booked, or cancelled); `consent_outstanding`, holding a place (confirmed or offered) on a
 * trip with a consent form whose consent is missing or stale.
 */
export const INVITEE_FILTERS = [
  'all',
  'booked',
  'waitlisted',
  'not_responded',
  'consent_outstanding',
] as const;
export type InviteeFilter = (typeof INVITEE_FILTERS)[number];

/** One invited pupil and where they stand: their live booking's state, if any, and its consent. */
export interface Invitee {
  readonly pupilId: string;
  readonly booking: Exclude<BookingState, 'cancelled'> | null;
  readonly consent: ConsentState;
}

export function inviteeMatches(filter: InviteeFilter, invitee: Invitee): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'booked':
      return invitee.booking === 'confirmed';
    case 'waitlisted':
      return invitee.booking === 'waitlisted' || invitee.booking === 'offered';
    case 'not_responded':
      return invitee.booking === null;
    case 'consent_outstanding':
      return (
        invitee.booking !== null &&
        holdsPlace(invitee.booking) &&
        (invitee.consent === 'missing' || invitee.consent === 'stale')
      );
  }
}

/**
 * Can families be messaged as this event's invitees? A trip or club that has invited them: published, or
 * published and since called off. A draft has invited nobody; a parents' evening books slots, not places.
 */
export function hasInvitees(event: SchoolEvent): boolean {
  return (event.kind === 'trip' || event.kind === 'club') && event.status !== 'draft';
}
