import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { EventConflict } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { toEventView, type EventView } from '../event.view';
import { EventRepository } from '../ports/event.repository';

/** Staff call an event off; it takes no more bookings. */
@Injectable()
export class CancelEventUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; eventId: string }): Promise<EventView> {
    const { school, event } = await eventFor(
      this.catalogue,
      this.events,
      input.actor,
      input,
      'events:manage',
    );
    const from = event.status;
    const now = this.clock.now();
    if (from === 'cancelled' || !(await this.events.moveStatus(event.id, from, 'cancelled', now))) {
      throw new EventConflict('The event is already cancelled', 'EVENTS.NOT_CANCELLABLE');
    }
    event.status = 'cancelled';
    event.updatedAt = now;
    this.audit.record(input.actor.userId, {
      action: 'event.cancelled',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'event',
      targetId: event.id,
      summary: `Cancelled the ${event.kind} “${event.title}”`,
      before: { status: from },
      after: { status: 'cancelled' },
    });
    await this.uow.commit();
    return toEventView(event);
  }
}
