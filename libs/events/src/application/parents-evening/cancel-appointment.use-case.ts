import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, NotFound, UnitOfWork, type SchoolId } from '@rowan/kernel';
import type { SchoolEvent } from '../../domain/event';
import { ChangesClosed, EventConflict, EventNotFound } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { EventRepository } from '../ports/event.repository';
import { Notifier } from '../ports/notifier';
import { ParentsEveningStore, type AppointmentRecord } from '../ports/parents-evening.store';
import { ParentEveningReader } from './parent-evening.reader';
import { toAppointmentView, type AppointmentView } from './parents-evening.view';

const AppointmentNotFound = () => new NotFound('Appointment', 'EVENTS.APPOINTMENT_NOT_FOUND');

/** Removes the appointment (its slot is free at once) and audits it, in one transaction. */
async function cancel(
  deps: { evenings: ParentsEveningStore; audit: AuditTrail; uow: UnitOfWork },
  actor: Actor,
  event: SchoolEvent,
  a: AppointmentRecord,
  who: string,
): Promise<AppointmentView> {
  await deps.uow.transaction(async () => {
    if (!(await deps.evenings.remove(a.id, a.state))) {
      throw new EventConflict(
        'The appointment changed meanwhile; reload and try again',
        'EVENTS.APPOINTMENT_CHANGED',
      );
    }
    deps.audit.record(actor.userId, {
      action: 'appointment.cancelled',
      trustId: event.trustId,
      schoolId: event.schoolId,
      targetType: 'appointment',
      targetId: a.id,
      summary: `${who} cancelled a ${a.state === 'held' ? 'held slot' : 'booked appointment'} at “${event.title}”`,
      before: {
        state: a.state,
        slotId: a.slotId,
        staffId: a.staffId,
        pupilId: a.pupilId,
        parentUserId: a.parentUserId,
        startsAt: a.startsAt.toISOString(),
      },
      after: { state: 'cancelled' },
    });
  });
  return { ...toAppointmentView(a), state: 'cancelled', holdExpiresAt: null };
}

/**
 * A parent cancels an appointment (or lets go of a hold) they made for their child, until the evening's booking
 * cut-off and before it begins. Another parent's appointment, even for the same child, is not theirs to cancel.
 */
@Injectable()
export class CancelMyAppointmentUseCase {
  constructor(
    private readonly reader: ParentEveningReader,
    private readonly evenings: ParentsEveningStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; eventId: string; appointmentId: string }): Promise<AppointmentView> {
    const ctx = await this.reader.read(input.actor, input.eventId);
    const a = await this.evenings.appointment(ctx.event.id, input.appointmentId);
    if (!a || a.parentUserId !== input.actor.userId || !ctx.own.some((c) => c.id === a.pupilId)) {
      throw AppointmentNotFound();
    }
    const now = this.clock.now();
    if (!ctx.event.bookable(now)) {
      throw ChangesClosed();
    }
    if (a.startsAt.getTime() <= now.getTime()) {
      throw new EventConflict('This appointment has already begun', 'EVENTS.APPOINTMENT_STARTED');
    }
    return cancel(
      { evenings: this.evenings, audit: this.audit, uow: this.uow },
      input.actor,
      ctx.event,
      a,
      'A parent',
    );
  }
}

/**
 * Staff cancel an appointment for a parent (a phone call to the office); no cut-off applies to them. A booked
 * appointment's family is told by a tracked message (a hold was never theirs to rely on).
 */
@Injectable()
export class StaffCancelAppointmentUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly evenings: ParentsEveningStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly notifier: Notifier,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    appointmentId: string;
  }): Promise<AppointmentView> {
    const { event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:manage');
    if (event.kind !== 'parents_evening') {
      throw EventNotFound();
    }
    const a = await this.evenings.appointment(event.id, input.appointmentId);
    if (!a || a.schoolId !== event.schoolId) {
      throw AppointmentNotFound();
    }
    const view = await cancel(
      { evenings: this.evenings, audit: this.audit, uow: this.uow },
      input.actor,
      event,
      a,
      'Staff',
    );
    if (a.state === 'confirmed') {
      const teacher = (await this.evenings.teachers(event.id)).find((t) => t.staffId === a.staffId);
      await this.notifier.tellAppointmentCancelled({
        actor: input.actor,
        schoolId: event.schoolId,
        eventId: event.id,
        title: event.title,
        startsAt: event.startsAt,
        pupilIds: [a.pupilId],
        appointmentId: a.id,
        teacher: teacher?.name ?? 'their teacher',
        at: a.startsAt,
      });
    }
    return view;
  }
}
