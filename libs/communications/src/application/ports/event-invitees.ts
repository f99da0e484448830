import type { SchoolId } from '@rowan/kernel';
import type { EventInviteeRule } from '../../domain/message';

/**
 * What the events context answers about an event's invitees: the pupils that match, or why there are none to
 * give. `unknown_event`: no published (or since cancelled) trip or club of this id at this school, which is
 * also the answer for another school's event. `no_consent_form`: consent was asked about an event without one.
 */
export type InviteeLookup =
  | { readonly status: 'found'; readonly pupilIds: readonly string[] }
  | { readonly status: 'unknown_event' }
  | { readonly status: 'no_consent_form' };

/** The events context as communications sees it: who an event invited, and where each one's booking stands. */
export abstract class EventInvitees {
  abstract find(schoolId: SchoolId, rule: EventInviteeRule): Promise<InviteeLookup>;
}
