import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@rowan/access';
import { Clock, IdGenerator, UnitOfWork } from '@rowan/kernel';
import { EventConflict } from '../../domain/events.errors';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { PaymentStore, type PaymentRecord } from '../ports/payment.store';
import { Refunds } from './refunds.service';

export type SettleOutcome =
  'confirmed' | 'balance_paid' | 'reinstated' | 'refunded' | 'already_settled' | 'unknown_checkout';

/**
 * A checkout was paid: the money goes in the ledger once (under the PaymentIntent's id), and a place held for
 * it is confirmed once. Every step is conditional on the state it moves from, so a webhook delivered twice, or
 * racing the hold's expiry, settles once.
 *
 * Paid after the hold expired (or after the booking was cancelled): the payment is **honoured** when the
 * booking lapsed and a place is still free (the booking is confirmed again); otherwise it is **refunded in
 * full, automatically**.
 */
@Injectable()
export class Settlement {
  private readonly logger = new Logger(Settlement.name);

  constructor(
    private readonly payments: PaymentStore,
    private readonly bookings: BookingStore,
    private readonly events: EventRepository,
    private readonly refunds: Refunds,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async paid(sessionId: string, paymentIntentId: string, amountP: number): Promise<SettleOutcome> {
    const checkout = await this.payments.checkout(sessionId);
    const known = checkout ? await this.payments.payment(checkout.paymentId) : null;
    const booking = known ? await this.bookings.findById(known.bookingId) : null;
    const event = booking ? await this.events.findForWorker(booking.eventId) : null;
    if (!checkout || !known || !booking || !event) {
      return 'unknown_checkout';
    }
    const now = this.clock.now();
    const outcome = await this.uow.transaction(async (): Promise<SettleOutcome> => {
      const payment = (await this.payments.lockPayment(known.id)) as PaymentRecord;
      await this.payments.moveCheckout(sessionId, 'open', 'complete');
      await this.payments.moveCheckout(sessionId, 'expired', 'complete');
      await this.payments.addEntries([
        {
          id: this.ids.next(),
          schoolId: payment.schoolId,
          eventId: payment.eventId,
          bookingId: payment.bookingId,
          entry: 'payment',
          amountP,
          reference: paymentIntentId,
          paymentId: payment.id,
          note: `Card payment (${payment.purpose})`,
          createdBy: null,
          createdAt: now,
        },
      ]);
      switch (payment.status) {
        case 'pending':
          await this.payments.movePayment(payment.id, ['pending'], 'paid', { paymentIntentId, paidAt: now });
          if (await this.bookings.move(booking.id, 'held', 'confirmed', now)) {
            this.record(
              'booking.paid',
              event,
              booking.id,
              `A family paid £${pounds(amountP)} and the place on “${event.title}” is confirmed`,
            );
            return 'confirmed';
          }
          this.record(
            'payment.received',
            event,
            booking.id,
            `A family paid £${pounds(amountP)} towards “${event.title}”`,
          );
          return 'balance_paid';
        case 'lapsed':
          if (await this.reinstate(booking, now)) {
            await this.payments.movePayment(payment.id, ['lapsed'], 'paid', { paymentIntentId, paidAt: now });
            this.record(
              'booking.reinstated',
              event,
              booking.id,
              `A payment arrived after the hold on “${event.title}” expired; a place was free, so the booking is confirmed again`,
            );
            return 'reinstated';
          }
          await this.payments.movePayment(payment.id, ['lapsed'], 'refund_due', {
            paymentIntentId,
            paidAt: now,
          });
          return 'refunded';
        case 'withdrawn':
          await this.payments.movePayment(payment.id, ['withdrawn'], 'refund_due', {
            paymentIntentId,
            paidAt: now,
          });
          return 'refunded';
        case 'refund_due':
          return 'refunded';
        case 'paid':
        case 'refunded':
          return 'already_settled';
      }
    });
    if (outcome === 'refunded') {
      await this.refundLate(known.id);
    }
    return outcome;
  }

  /** A payment that found no place: all of it goes back (a retry makes the same refund at the provider). */
  private async refundLate(paymentId: string): Promise<void> {
    const payment = await this.payments.payment(paymentId);
    const booking = payment ? await this.bookings.findById(payment.bookingId) : null;
    const event = booking ? await this.events.findForWorker(booking.eventId) : null;
    if (!payment || payment.status !== 'refund_due' || !booking || !event) {
      return;
    }
    await this.refunds.refund({
      booking,
      event,
      amountP: null,
      reason: 'Paid after the place was let go: refunded automatically',
      by: null,
      key: `late-${payment.id}`,
    });
    await this.payments.movePayment(payment.id, ['refund_due'], 'refunded');
    this.logger.log(`Refunded late payment ${payment.id} for booking ${booking.id}`);
  }

  /** A lapsed booking takes a place again if one is free and the child has not booked again meanwhile. */
  private async reinstate(
    booking: { id: string; eventId: string; open: boolean; state: string },
    now: Date,
  ): Promise<boolean> {
    const current = await this.bookings.findById(booking.id);
    if (current?.state !== 'cancelled' || !(await this.bookings.takePlace(booking.eventId, booking.open))) {
      return false;
    }
    try {
      if (await this.bookings.move(booking.id, 'cancelled', 'confirmed', now)) {
        return true;
      }
    } catch (error) {
      if (!(error instanceof EventConflict)) {
        throw error;
      }
    }
    await this.bookings.freePlace(booking.eventId, booking.open);
    return false;
  }

  private record(
    action: string,
    event: { trustId: string; schoolId: string },
    bookingId: string,
    summary: string,
  ): void {
    this.audit.record(null, {
      action,
      trustId: event.trustId as never,
      schoolId: event.schoolId as never,
      targetType: 'booking',
      targetId: bookingId,
      summary,
    });
  }
}

const pounds = (p: number) => (p / 100).toFixed(2);
