import type { SchoolId } from '@rowan/kernel';
import { EventInvitees, type InviteeLookup } from '../application/ports/event-invitees';
import type { EventInviteeRule, InviteeFilter } from '../domain/message';

interface StoredEvent {
  readonly schoolId: SchoolId;
  readonly invitees: Partial<Record<InviteeFilter, readonly string[]>>;
  readonly consentForm: boolean;
}

/** Events as the hub sees them: per event, its school and the pupils each filter picks. */
export class InMemoryEventInvitees extends EventInvitees {
  private readonly events = new Map<string, StoredEvent>();
  readonly asked: EventInviteeRule[] = [];

  add(
    schoolId: SchoolId,
    eventId: string,
    invitees: Partial<Record<InviteeFilter, readonly string[]>>,
    consentForm = false,
  ): void {
    this.events.set(eventId, { schoolId, invitees, consentForm });
  }

  find(schoolId: SchoolId, rule: EventInviteeRule): Promise<InviteeLookup> {
    this.asked.push(rule);
    const event = this.events.get(rule.eventId);
    if (!event || event.schoolId !== schoolId) {
      return Promise.resolve({ status: 'unknown_event' });
    }
    if (rule.invitees === 'consent_outstanding' && !event.consentForm) {
      return Promise.resolve({ status: 'no_consent_form' });
    }
    return Promise.resolve({ status: 'found', pupilIds: event.invitees[rule.invitees] ?? [] });
  }
}
