import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, IdGenerator, NotFound } from '@rowan/kernel';
import { EventConflict, NotEligible } from '../../domain/events.errors';
import { rangesOverlap, SLOT_HOLD_MS } from '../../domain/parents-evening';
import { ParentsEveningStore, type AppointmentRecord } from '../ports/parents-evening.store';
import { ParentEveningReader } from './parent-evening.reader';
import { ParentEveningSession } from './parent-evening-session.service';
import { assertOpen, bookedByOthers, familyKeyOf } from './parents-evening-access';
import { toAppointmentView, type AppointmentView } from './parents-evening.view';

export interface HoldSlotInput {
  readonly actor: Actor;
  readonly eventId: string;
  readonly pupilId: string;
  readonly slotId: string;
  readonly idempotencyKey?: string | null;
}

/**
 * A parent holds one slot with one of their child's teachers while choosing the rest. In one transaction, with
 * the parent's row locked: no second slot with the same teacher for the child (nor one the family already has),
 * and none overlapping another the parent holds (siblings); the slot's unique key gives a race one winner. The
 * hold's expiry is a job on the `events` queue.
 */
@Injectable()
export class HoldEveningSlotUseCase {
  constructor(
    private readonly reader: ParentEveningReader,
    private readonly evenings: ParentsEveningStore,
    private readonly session: ParentEveningSession,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: HoldSlotInput): Promise<AppointmentView> {
    const ctx = await this.reader.read(input.actor, input.eventId);
    const child = this.reader.invited(ctx, input.pupilId);
    const now = this.clock.now();
    const teachers = new Set((await this.evenings.needsOf(ctx.event.id, [child.id])).map((n) => n.staffId));
    await this.evenings.releaseExpired(ctx.event.id, now);
    const change = {
      actor: input.actor,
      event: ctx.event,
      now,
      idempotencyKey: input.idempotencyKey ?? null,
      requestHash: `hold/${ctx.event.id}/${child.id}/${input.slotId}`,
    };
    return this.session.run(change, async (mine) => {
      assertOpen(ctx, now);
      const slot = await this.evenings.slot(ctx.event.id, input.slotId);
      if (!slot) {
        throw new NotFound('Slot', 'EVENTS.SLOT_NOT_FOUND');
      }
      if (!teachers.has(slot.staffId)) {
        throw new NotEligible(`${child.forename} does not see this teacher at this evening`);
      }
      if (mine.some((a) => a.pupilId === child.id && a.staffId === slot.staffId)) {
        throw new EventConflict(
          `${child.forename} already has a slot with this teacher`,
          'EVENTS.ALREADY_BOOKED_TEACHER',
        );
      }
      const family = bookedByOthers(
        ctx,
        input.actor.userId,
        await this.evenings.ofPupils(ctx.event.id, [child.id]),
      );
      if (family.some((a) => a.staffId === slot.staffId)) {
        throw new EventConflict(
          `Another parent or carer has already booked ${child.forename} with this teacher`,
          'EVENTS.ALREADY_BOOKED_TEACHER',
        );
      }
      const range = { from: slot.startsAt, to: slot.endsAt };
      if (mine.some((a) => rangesOverlap(range, { from: a.startsAt, to: a.endsAt }))) {
        throw new EventConflict('This slot overlaps another you hold', 'EVENTS.SLOT_CLASH');
      }
      const held: AppointmentRecord = {
        id: this.ids.next(),
        schoolId: ctx.event.schoolId,
        eventId: ctx.event.id,
        slotId: slot.id,
        staffId: slot.staffId,
        pupilId: child.id,
        parentUserId: input.actor.userId,
        familyKey: familyKeyOf(ctx, child, input.actor.userId),
        state: 'held',
        holdExpiresAt: new Date(now.getTime() + SLOT_HOLD_MS),
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        createdAt: now,
      };
      await this.evenings.insert([held]);
      this.audit.record(input.actor.userId, {
        action: 'appointment.held',
        trustId: ctx.event.trustId,
        schoolId: ctx.event.schoolId,
        targetType: 'appointment',
        targetId: held.id,
        summary: `A parent held a slot for ${child.forename} at “${ctx.event.title}”`,
        after: { slotId: slot.id, pupilId: child.id, staffId: slot.staffId, state: 'held' },
      });
      return { answer: toAppointmentView(held), held: [held] };
    });
  }
}
