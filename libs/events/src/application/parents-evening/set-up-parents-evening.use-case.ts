import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, IdGenerator, UnitOfWork, ValidationFailed, type SchoolId } from '@rowan/kernel';
import type { Eligibility } from '../../domain/eligibility';
import { SchoolEvent } from '../../domain/event';
import { checkSetup, generateSlots, type EveningSetup } from '../../domain/parents-evening';
import { toEventView, type EventView } from '../event.view';
import { EventRepository } from '../ports/event.repository';
import { ParentsEveningStore } from '../ports/parents-evening.store';

export interface SetUpParentsEveningInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly title: string;
  readonly description: string;
  readonly bookingCutoff: Date | null;
  readonly eligibility: Eligibility;
  readonly setup: EveningSetup;
}

/**
 * Staff draft a parents' evening: its teachers (from the directory's staff), their windows and breaks, and the
 * slots generated from them. Publishing (the event's ordinary publish) invites the eligible pupils' parents.
 */
@Injectable()
export class SetUpParentsEveningUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly evenings: ParentsEveningStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: SetUpParentsEveningInput): Promise<EventView> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'events:manage');
    checkSetup(input.setup);
    const staffIds = input.setup.teachers.map((t) => t.staffId);
    const known = new Set((await this.evenings.knownStaff(school.id, staffIds)).map((t) => t.staffId));
    const unknown = input.setup.teachers.findIndex((t) => !known.has(t.staffId));
    if (unknown >= 0) {
      throw new ValidationFailed('The parents’ evening is not valid', [
        { field: `teachers.${unknown}.staffId`, message: 'is not a member of staff at this school' },
      ]);
    }
    const slots = generateSlots(input.setup).map((s) => ({ ...s, id: this.ids.next() }));
    if (!slots.length) {
      throw new ValidationFailed('The parents’ evening is not valid', [
        { field: 'teachers', message: 'the windows leave no slot of this length' },
      ]);
    }
    const starts = slots.map((s) => s.startsAt.getTime());
    const ends = slots.map((s) => s.endsAt.getTime());
    const event = SchoolEvent.create(
      { id: this.ids.next(), schoolId: school.id, trustId: school.trustId, by: input.actor.userId },
      {
        kind: 'parents_evening',
        title: input.title,
        description: input.description,
        startsAt: new Date(Math.min(...starts)),
        endsAt: new Date(Math.max(...ends)),
        sessions: [],
        capacity: slots.length,
        reservedPlaces: 0,
        priceP: null,
        bookingCutoff: input.bookingCutoff,
        eligibility: input.eligibility,
      },
      this.clock.now(),
    );
    await this.uow.transaction(async () => {
      this.events.add(event);
      await this.evenings.create(school.id, event.id, input.setup, slots);
      this.audit.record(input.actor.userId, {
        action: 'event.created',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'event',
        targetId: event.id,
        summary: `Drafted the parents’ evening “${event.title}” with ${staffIds.length} teachers and ${slots.length} slots`,
        after: { kind: event.kind, teachers: staffIds, slots: slots.length, eligibility: event.eligibility },
      });
    });
    return toEventView(event);
  }
}
