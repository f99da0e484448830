import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { EventConflict } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { EventRepository } from '../ports/event.repository';
import { Notifier } from '../ports/notifier';
import { PaymentStore } from '../ports/payment.store';

export interface ReminderSent {
  readonly messageId: string;
  readonly pupils: number;
  readonly outstandingP: number;
}

/**
 * The office reminds the families of an event who still owe money (a balance, or a place staff booked for them)
 * through the communications hub: one tracked message, naming each family's children; at most one a day.
 */
@Injectable()
export class RemindUnpaidUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly payments: PaymentStore,
    private readonly notifier: Notifier,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; eventId: string }): Promise<ReminderSent> {
    const { school, event } = await eventFor(
      this.catalogue,
      this.events,
      input.actor,
      input,
      'payments:read',
    );
    const unpaid = await this.payments.unpaid(event.id);
    if (!unpaid.length || event.status !== 'published') {
      throw new EventConflict('No family owes anything on this event', 'PAYMENTS.NOTHING_TO_REMIND');
    }
    const now = this.clock.now();
    const due = unpaid.map((u) => u.dueAt).filter((d): d is Date => d !== null);
    const { messageId } = await this.notifier.remindToPay({
      actor: input.actor,
      schoolId: school.id,
      eventId: event.id,
      title: event.title,
      startsAt: event.startsAt,
      pupilIds: unpaid.map((u) => u.pupilId),
      dueBy: due.length ? new Date(Math.min(...due.map((d) => d.getTime()))) : null,
      day: now.toISOString().slice(0, 10),
    });
    const outstandingP = unpaid.reduce((sum, u) => sum + u.amountP, 0);
    await this.uow.transaction(async () =>
      this.audit.record(input.actor.userId, {
        action: 'payments.reminded',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'event',
        targetId: event.id,
        summary: `Reminded ${unpaid.length} families of “${event.title}” to pay £${(outstandingP / 100).toFixed(2)} in all`,
        after: { messageId, pupils: unpaid.length, outstandingP },
      }),
    );
    return { messageId, pupils: unpaid.length, outstandingP };
  }
}
