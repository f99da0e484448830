import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, IdGenerator, ValidationFailed } from '@rowan/kernel';
import { planBookForMe } from '../../domain/book-for-me';
import type { TimeRange } from '../../domain/parents-evening';
import { ParentsEveningStore, type AppointmentRecord } from '../ports/parents-evening.store';
import { ParentEveningReader } from './parent-evening.reader';
import { ParentEveningSession } from './parent-evening-session.service';
import { assertOpen, bookedByOthers, familyKeyOf } from './parents-evening-access';
import { toAppointmentView, type BookForMeResult } from './parents-evening.view';

export interface BookForMeInput {
  readonly actor: Actor;
  readonly eventId: string;
  readonly window: TimeRange;
  readonly gapMinutes: number;
  readonly idempotencyKey?: string | null;
}

/**
 * 'Book for me': the earliest clash-free set of slots with every teacher of every invited child, inside the
 * parent's window and with the gap they asked for, booked all at once or not at all. Teachers the family has
 * already seen (the parent, or another parent or carer sharing the family's booking) are left out.
 */
@Injectable()
export class BookForMeUseCase {
  constructor(
    private readonly reader: ParentEveningReader,
    private readonly evenings: ParentsEveningStore,
    private readonly session: ParentEveningSession,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: BookForMeInput): Promise<BookForMeResult> {
    if (!(input.window.from.getTime() < input.window.to.getTime())) {
      throw new ValidationFailed('The window is not valid', [{ field: 'to', message: 'must be after from' }]);
    }
    const ctx = await this.reader.read(input.actor, input.eventId);
    const now = this.clock.now();
    const pupilIds = ctx.children.map((c) => c.id);
    const needs = await this.evenings.needsOf(ctx.event.id, pupilIds);
    const names = new Map((await this.evenings.teachers(ctx.event.id)).map((t) => [t.staffId, t.name]));
    const children = new Map(ctx.children.map((c) => [c.id, c]));
    await this.evenings.releaseExpired(ctx.event.id, now);
    const change = {
      actor: input.actor,
      event: ctx.event,
      now,
      idempotencyKey: input.idempotencyKey ?? null,
      requestHash: `book-for-me/${ctx.event.id}/${input.window.from.toISOString()}/${input.window.to.toISOString()}/${input.gapMinutes}`,
    };
    return this.session.run<BookForMeResult>(change, async (mine) => {
      assertOpen(ctx, now);
      const seen = [
        ...mine,
        ...bookedByOthers(ctx, input.actor.userId, await this.evenings.ofPupils(ctx.event.id, pupilIds)),
      ];
      const free = await this.evenings.freeSlots(ctx.event.id);
      const plan = planBookForMe({
        needs: needs.filter((n) => !seen.some((a) => a.pupilId === n.pupilId && a.staffId === n.staffId)),
        free,
        busy: mine.map((a) => ({ from: a.startsAt, to: a.endsAt })),
        window: input.window,
        gapMs: input.gapMinutes * 60_000,
      });
      if (plan.status === 'unfitted') {
        const answer: BookForMeResult = {
          status: 'unfitted',
          unfitted: plan.unfitted.map((n) => ({ ...n, teacherName: names.get(n.staffId) ?? '' })),
        };
        return { answer };
      }
      const slots = new Map(free.map((s) => [s.id, s]));
      const booked: AppointmentRecord[] = plan.picks.map((p) => {
        const slot = slots.get(p.slotId)!;
        return {
          id: this.ids.next(),
          schoolId: ctx.event.schoolId,
          eventId: ctx.event.id,
          slotId: slot.id,
          staffId: slot.staffId,
          pupilId: p.pupilId,
          parentUserId: input.actor.userId,
          familyKey: familyKeyOf(ctx, children.get(p.pupilId)!, input.actor.userId),
          state: 'confirmed',
          holdExpiresAt: null,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          createdAt: now,
        };
      });
      if (booked.length) {
        await this.evenings.insert(booked);
        this.audit.record(input.actor.userId, {
          action: 'appointment.booked_for_me',
          trustId: ctx.event.trustId,
          schoolId: ctx.event.schoolId,
          targetType: 'event',
          targetId: ctx.event.id,
          summary: `A parent had ${booked.length} appointments booked for them at “${ctx.event.title}”`,
          after: { appointments: booked.map((b) => ({ slotId: b.slotId, pupilId: b.pupilId })) },
        });
      }
      const answer: BookForMeResult = { status: 'booked', appointments: booked.map(toAppointmentView) };
      return { answer };
    });
  }
}
