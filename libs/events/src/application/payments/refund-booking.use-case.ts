import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { IdGenerator, ValidationFailed, type SchoolId } from '@rowan/kernel';
import { BookingNotFound } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { BookingMoneyReader, type BookingMoneyView } from './booking-money.reader';
import { Refunds } from './refunds.service';

/** Staff give money back on a booking, in full or in part, through the provider; recorded and audited. */
@Injectable()
export class RefundBookingUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly refunds: Refunds,
    private readonly money: BookingMoneyReader,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    bookingId: string;
    amountP: number | null;
    reason: string;
  }): Promise<BookingMoneyView> {
    const { event } = await eventFor(this.catalogue, this.events, input.actor, input, 'payments:refund');
    const booking = await this.bookings.findById(input.bookingId);
    if (!booking || booking.eventId !== event.id) {
      throw BookingNotFound();
    }
    if (!input.reason.trim()) {
      throw new ValidationFailed('Say why the money is refunded', [
        { field: 'reason', message: 'must not be empty' },
      ]);
    }
    const refunded = await this.refunds.refund({
      booking,
      event,
      amountP: input.amountP,
      reason: input.reason.trim(),
      by: input.actor.userId,
      key: `refund-${this.ids.next()}`,
    });
    if (refunded === 0) {
      throw new ValidationFailed('Nothing was paid on this booking', [
        { field: 'amountP', message: 'nothing to refund' },
      ]);
    }
    return this.money.of(booking);
  }
}
