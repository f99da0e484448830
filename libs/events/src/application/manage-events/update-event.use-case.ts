import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import type { EventDetails } from '../../domain/event';
import { eventFor } from '../event-scope';
import { toEventView, type EventView } from '../event.view';
import { EventRepository } from '../ports/event.repository';

/** Staff change a draft event (409 `EVENTS.NOT_EDITABLE` once published or cancelled). */
@Injectable()
export class UpdateEventUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
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
    const before = { title: event.title, capacity: event.capacity, startsAt: event.startsAt };
    event.edit(input.changes, this.clock.now());
    this.audit.record(input.actor.userId, {
      action: 'event.updated',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'event',
      targetId: event.id,
      summary: `Edited the ${event.kind} “${event.title}”`,
      before,
      after: { title: event.title, capacity: event.capacity, startsAt: event.startsAt },
    });
    await this.uow.commit();
    return toEventView(event);
  }
}
