import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { createHash } from 'node:crypto';
import { Clock, IdGenerator, ValidationFailed, type SchoolId } from '@rowan/kernel';
import { BookingNotFound, EventConflict } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { PaymentStore } from '../ports/payment.store';
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
    private readonly payments: PaymentStore,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    bookingId: string;
    amountP: number | null;
    reason: string;
    /** With a key, a retried request refunds once and answers with the booking's money as it now stands. */
    idempotencyKey?: string | null;
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
    const key = input.idempotencyKey ?? null;
    if (key) {
      const hash = createHash('sha256')
        .update(JSON.stringify([booking.id, input.amountP, input.reason.trim()]))
        .digest('hex');
      const claim = await this.payments.claimRefundKey(booking.schoolId, key, hash, this.clock.now());
      if (claim === 'different') {
        throw new EventConflict(
          'This Idempotency-Key was used for a different refund',
          'EVENTS.IDEMPOTENCY_KEY_REUSED',
        );
      }
      if (claim === 'in_progress') {
        throw new EventConflict(
          'This refund is still being made; try again shortly',
          'EVENTS.REFUND_IN_PROGRESS',
        );
      }
      if (claim === 'replay') {
        return this.money.of(booking);
      }
    }
    let refunded: number;
    try {
      refunded = await this.refunds.refund({
        booking,
        event,
        amountP: input.amountP,
        reason: input.reason.trim(),
        by: input.actor.userId,
        // Stripe's own idempotency key: per request when the caller sent one, else per call.
        key: key
          ? `refund-${createHash('sha256').update(`${booking.schoolId}/${key}`).digest('hex').slice(0, 32)}`
          : `refund-${this.ids.next()}`,
      });
    } catch (error) {
      if (key) {
        await this.payments.settleRefundKey(booking.schoolId, key, 'release');
      }
      throw error;
    }
    if (key) {
      await this.payments.settleRefundKey(booking.schoolId, key, refunded === 0 ? 'release' : 'done');
    }
    if (refunded === 0) {
      throw new ValidationFailed('Nothing was paid on this booking', [
        { field: 'amountP', message: 'nothing to refund' },
      ]);
    }
    return this.money.of(booking);
  }
}
