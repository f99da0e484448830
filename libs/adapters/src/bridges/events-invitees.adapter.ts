import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EventInvitees, type EventInviteeRule, type InviteeLookup } from '@rowan/communications';
import { FindInviteesUseCase, type InviteeFilter as EventsFilter } from '@rowan/events';
import type { SchoolId } from '@rowan/kernel';

/** The hub's words for which invitees, in the events context's words (the same today, kept apart on purpose). */
const FILTERS: Record<EventInviteeRule['invitees'], EventsFilter> = {
  all: 'all',
  booked: 'booked',
  waitlisted: 'waitlisted',
  not_responded: 'not_responded',
  consent_outstanding: 'consent_outstanding',
};

/**
 * Communications asks the events context, through its public use case, who an event invited. Resolved when
 * first used rather than injected: EventsModule imports CommunicationsModule (its Notifier sends through the
 * hub), so a constructor dependency here would make the two modules import each other.
 */
@Injectable()
export class EventsInvitees extends EventInvitees {
  private useCase?: FindInviteesUseCase;

  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async find(schoolId: SchoolId, rule: EventInviteeRule): Promise<InviteeLookup> {
    this.useCase ??= this.modules.get(FindInviteesUseCase, { strict: false });
    return this.useCase.execute({ schoolId, eventId: rule.eventId, filter: FILTERS[rule.invitees] });
  }
}
