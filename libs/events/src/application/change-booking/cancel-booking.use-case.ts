import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import type { SchoolEvent } from '../../domain/event';
import { BookingNotFound, ChangesClosed } from '../../domain/events.errors';
import { toBookingView, type BookingView } from '../booking.view';
import { eventFor } from '../event-scope';
import { BookingStore, type BookingRecord } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { Guardianship } from '../ports/guardianship';
import { ownBooking } from './own-booking';
import { CancellationPayments } from '../payments/cancellation-payments.service';
import { WaitingList } from './waiting-list.service';

async function cancel(
  deps: { waitingList: WaitingList; audit: AuditTrail; uow: UnitOfWork; money: CancellationPayments },
  actor: Actor,
  booking: BookingRecord,
  event: SchoolEvent,
  who: string,
): Promise<BookingView> {
  const offer = await deps.uow.transaction(async () => {
    const next = await deps.waitingList.end(booking, 'cancel');
    await deps.money.withdraw(booking);
    deps.audit.record(actor.userId, {
      action: 'booking.cancelled',
      trustId: event.trustId,
      schoolId: event.schoolId,
      targetType: 'booking',
      targetId: booking.id,
      summary: `${who} cancelled a ${booking.state} booking for “${event.title}”${next ? '; the place was offered to the waiting list' : ''}`,
      before: { state: booking.state },
      after: { state: 'cancelled', offeredTo: next?.bookingId ?? null },
    });
    return next;
  });
  await deps.waitingList.scheduleExpiry(offer);
  await deps.money.settle(booking, event, { userId: actor.userId, parent: who === 'A parent' });
  return toBookingView({ ...booking, state: 'cancelled' });
}

/** A parent cancels their child's booking, until the school's cut-off. */
@Injectable()
export class CancelMyBookingUseCase {
  constructor(
    private readonly guardianship: Guardianship,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly waitingList: WaitingList,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly money: CancellationPayments,
  ) {}

  async execute(input: { actor: Actor; bookingId: string }): Promise<BookingView> {
    const { booking, event } = await ownBooking(
      { guardianship: this.guardianship, bookings: this.bookings, events: this.events },
      input.actor,
      input.bookingId,
    );
    if (!event.bookable(this.clock.now())) {
      throw ChangesClosed();
    }
    return cancel(
      { waitingList: this.waitingList, audit: this.audit, uow: this.uow, money: this.money },
      input.actor,
      booking,
      event,
      'A parent',
    );
  }
}

/** Staff cancel a booking for a parent (no cut-off applies to them). */
@Injectable()
export class StaffCancelBookingUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly waitingList: WaitingList,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly money: CancellationPayments,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    bookingId: string;
  }): Promise<BookingView> {
    const { event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:manage');
    const booking = await this.bookings.findById(input.bookingId);
    if (!booking || booking.eventId !== event.id) {
      throw BookingNotFound();
    }
    return cancel(
      { waitingList: this.waitingList, audit: this.audit, uow: this.uow, money: this.money },
      input.actor,
      booking,
      event,
      'Staff',
    );
  }
}
