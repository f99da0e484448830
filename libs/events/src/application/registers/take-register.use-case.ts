import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, ValidationFailed, type SchoolId } from '@rowan/kernel';
import type { SchoolEvent } from '../../domain/event';
import { EventConflict } from '../../domain/events.errors';
import { sessionOf } from '../../domain/staffing';
import { eventFor } from '../event-scope';
import { EventRepository } from '../ports/event.repository';
import { RegisterStore, type RegisterLine, type RegisterMark } from '../ports/register.store';

/** Which register: a club's session (given), or the trip itself (its start). */
export function registerSession(event: SchoolEvent, sessionAt: Date | null): Date {
  if (event.kind === 'trip') {
    if (sessionAt) {
      throw new ValidationFailed('A trip has one register', [
        { field: 'sessionAt', message: 'only a club has sessions' },
      ]);
    }
    return event.startsAt;
  }
  const session = sessionAt ? sessionOf(event, sessionAt) : null;
  if (!session) {
    throw new ValidationFailed('Say which session', [
      { field: 'sessionAt', message: 'must be one of the club’s sessions' },
    ]);
  }
  return new Date(session);
}

/** Staff mark confirmed bookings present or absent on a register; marking again changes the mark. */
@Injectable()
export class TakeRegisterUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly registers: RegisterStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly eventId: string;
    readonly sessionAt: Date | null;
    readonly marks: readonly RegisterMark[];
  }): Promise<RegisterLine[]> {
    const { school, event } = await eventFor(
      this.catalogue,
      this.events,
      input.actor,
      input,
      'events:manage',
    );
    if (event.status !== 'published') {
      throw new EventConflict('Only a published event has a register', 'EVENTS.NO_REGISTER');
    }
    const session = registerSession(event, input.sessionAt);
    const ids = [...new Set(input.marks.map((m) => m.bookingId))];
    const confirmed = new Set(await this.registers.confirmedAmong(event.id, ids));
    const unknown = ids.filter((id) => !confirmed.has(id));
    if (unknown.length) {
      throw new ValidationFailed('Only confirmed bookings of this event can be marked', [
        { field: 'marks', message: `not a confirmed booking: ${unknown.join(', ')}` },
      ]);
    }
    const now = this.clock.now();
    const present = input.marks.filter((m) => m.present).length;
    await this.uow.transaction(async () => {
      await this.registers.mark(school.id, event.id, session, input.marks, input.actor.userId, now);
      this.audit.record(input.actor.userId, {
        action: 'event.register_taken',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'event',
        targetId: event.id,
        summary: `Register for “${event.title}” (${session.toISOString()}): ${present} present, ${input.marks.length - present} absent`,
        after: { sessionAt: session.toISOString(), present, absent: input.marks.length - present },
      });
    });
    return this.registers.register(event.id, session);
  }
}
