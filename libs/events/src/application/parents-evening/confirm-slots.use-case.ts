import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, UnitOfWork } from '@rowan/kernel';
import { EventConflict } from '../../domain/events.errors';
import { ParentsEveningStore } from '../ports/parents-evening.store';
import { ParentEveningReader } from './parent-evening.reader';
import { toAppointmentView, type AppointmentView } from './parents-evening.view';

/** The parent confirms every slot they still hold on the evening; an expired hold is gone. */
@Injectable()
export class ConfirmEveningSlotsUseCase {
  constructor(
    private readonly reader: ParentEveningReader,
    private readonly evenings: ParentsEveningStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; eventId: string }): Promise<AppointmentView[]> {
    const ctx = await this.reader.read(input.actor, input.eventId);
    const now = this.clock.now();
    if (!ctx.event.bookable(now)) {
      throw new EventConflict('Booking for this event has closed', 'EVENTS.BOOKING_CLOSED');
    }
    return this.uow.transaction(async () => {
      await this.evenings.lockParent(ctx.event.id, input.actor.userId);
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
      return (await this.evenings.mine(ctx.event.id, input.actor.userId)).map(toAppointmentView);
    });
  }
}
