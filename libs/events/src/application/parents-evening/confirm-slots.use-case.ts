import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock } from '@rowan/kernel';
import { EventConflict } from '../../domain/events.errors';
import { ParentsEveningStore } from '../ports/parents-evening.store';
import { ParentEveningReader } from './parent-evening.reader';
import { ParentEveningSession } from './parent-evening-session.service';
import { assertOpen } from './parents-evening-access';
import { toAppointmentView, type AppointmentView } from './parents-evening.view';

/** The parent confirms every slot they still hold on the evening; an expired hold is gone. */
@Injectable()
export class ConfirmEveningSlotsUseCase {
  constructor(
    private readonly reader: ParentEveningReader,
    private readonly evenings: ParentsEveningStore,
    private readonly session: ParentEveningSession,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    actor: Actor;
    eventId: string;
    idempotencyKey?: string | null;
  }): Promise<AppointmentView[]> {
    const ctx = await this.reader.read(input.actor, input.eventId);
    const now = this.clock.now();
    const change = {
      actor: input.actor,
      event: ctx.event,
      now,
      idempotencyKey: input.idempotencyKey ?? null,
      requestHash: `confirm/${ctx.event.id}`,
    };
    return this.session.run(change, async () => {
      assertOpen(ctx, now);
      const confirmed = await this.evenings.confirmHolds(ctx.event.id, input.actor.userId, now);
      if (!confirmed) {
        throw new EventConflict(
          'You hold no slot on this evening (a hold lasts ten minutes)',
          'EVENTS.NO_HOLDS',
        );
      }
      this.audit.record(input.actor.userId, {
        action: 'appointment.confirmed',
        trustId: ctx.event.trustId,
        schoolId: ctx.event.schoolId,
        targetType: 'event',
        targetId: ctx.event.id,
        summary: `A parent confirmed ${confirmed} appointments at “${ctx.event.title}”`,
        after: { confirmed },
      });
      return {
        answer: (await this.evenings.mine(ctx.event.id, input.actor.userId)).map(toAppointmentView),
      };
    });
  }
}
