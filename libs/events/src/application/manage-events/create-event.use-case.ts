import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, IdGenerator, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { SchoolEvent, type EventDetails } from '../../domain/event';
import { toEventView, type EventView } from '../event.view';
import { EventRepository } from '../ports/event.repository';

/** Staff draft a trip or a club; nobody is invited until it is published. */
@Injectable()
export class CreateEventUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; details: EventDetails }): Promise<EventView> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'events:manage');
    const event = SchoolEvent.create(
      { id: this.ids.next(), schoolId: school.id, trustId: school.trustId, by: input.actor.userId },
      input.details,
      this.clock.now(),
    );
    this.events.add(event);
    this.audit.record(input.actor.userId, {
      action: 'event.created',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'event',
      targetId: event.id,
      summary: `Drafted the ${event.kind} “${event.title}”`,
      after: { kind: event.kind, capacity: event.capacity, eligibility: event.eligibility },
    });
    await this.uow.commit();
    return toEventView(event);
  }
}
