import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import type { EventDetails } from '../../domain/event';
import { ConsentRenewal } from '../consent/consent-forms.service';
import { eventFor } from '../event-scope';
import { toEventView, type EventView } from '../event.view';
import { EventRepository } from '../ports/event.repository';

/**
 * Staff change a draft event; once published only its title, description and dates (409 `EVENTS.NOT_EDITABLE`
 * for anything else, and for a cancelled event). Moving a published trip's dates makes the consents given
 * stale, and those families are asked to consent again.
 */
@Injectable()
export class UpdateEventUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly renewal: ConsentRenewal,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    changes: Partial<EventDetails>;
  }): Promise<EventView> {
    const { school, event } = await eventFor(
      this.catalogue,
      this.events,
      input.actor,
      input,
      'events:manage',
    );
    const before = {
      title: event.title,
      capacity: event.capacity,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    };
    const now = this.clock.now();
    const { datesMoved } = event.editPublished(input.changes, now);
    const stale = await this.uow.transaction(async () => {
      const pupils = datesMoved ? await this.renewal.markStale(event, now) : [];
      this.audit.record(input.actor.userId, {
        action: 'event.updated',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'event',
        targetId: event.id,
        summary: `Edited the ${event.kind} “${event.title}”`,
        before,
        after: {
          title: event.title,
          capacity: event.capacity,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          ...(datesMoved ? { consentsMadeStale: pupils.length } : {}),
        },
      });
      return pupils;
    });
    await this.renewal.askAgain(input.actor, event, stale);
    return toEventView(event);
  }
}
