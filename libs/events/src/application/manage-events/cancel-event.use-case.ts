import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { EventConflict } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { toEventView, type EventView } from '../event.view';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { Notifier } from '../ports/notifier';
import { PaymentStore } from '../ports/payment.store';
import { CancellationPayments } from '../payments/cancellation-payments.service';

/**
 * Staff call an event off: it takes no more bookings, every booking and waiting-list place is cancelled (and
 * anything still to pay withdrawn) in the same transaction, those families are told by a tracked message, and
 * whatever they paid is refunded in full.
 */
@Injectable()
export class CancelEventUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly notifier: Notifier,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly payments: PaymentStore,
    private readonly money: CancellationPayments,
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
    if (from === 'cancelled') {
      throw new EventConflict('The event is already cancelled', 'EVENTS.NOT_CANCELLABLE');
    }
    const booked = await this.uow.transaction(async () => {
      if (!(await this.events.moveStatus(event.id, from, 'cancelled', now))) {
        throw new EventConflict('The event is already cancelled', 'EVENTS.NOT_CANCELLABLE');
      }
      const pupils = await this.bookings.cancelAll(event.id, now);
      await this.payments.withdrawEvent(event.id);
      this.audit.record(input.actor.userId, {
        action: 'event.cancelled',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'event',
        targetId: event.id,
        summary: `Cancelled the ${event.kind} “${event.title}” and ${pupils.length} bookings`,
        before: { status: from },
        after: { status: 'cancelled', bookingsCancelled: pupils.length },
      });
      return pupils;
    });
    event.status = 'cancelled';
    event.updatedAt = now;
    if (booked.length) {
      await this.notifier.tellCancelled({
        actor: input.actor,
        schoolId: school.id,
        eventId: event.id,
        title: event.title,
        startsAt: event.startsAt,
        pupilIds: booked,
      });
    }
    await this.money.eventCalledOff(event, input.actor.userId);
    // Every place was freed with the bookings.
    return { ...toEventView(event), taken: 0 };
  }
}
