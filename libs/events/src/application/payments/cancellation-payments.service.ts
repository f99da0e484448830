import { Injectable, Logger } from '@nestjs/common';
import type { UserId } from '@rowan/kernel';
import type { SchoolEvent } from '../../domain/event';
import { BookingStore, type BookingRecord } from '../ports/booking.store';
import { PaymentGateway } from '../ports/payment-gateway';
import { PaymentStore } from '../ports/payment.store';
import { Refunds } from './refunds.service';

/**
 * A booking's money when the booking is cancelled: what was still to pay is withdrawn (in the cancel's
 * transaction); then its open checkouts are closed, and a parent who cancels gets back what the school's rule
 * gives (everything, everything but the deposit, or nothing). Staff refund separately, as they judge.
 */
@Injectable()
export class CancellationPayments {
  private readonly logger = new Logger(CancellationPayments.name);

  constructor(
    private readonly payments: PaymentStore,
    private readonly gateway: PaymentGateway,
    private readonly refunds: Refunds,
    private readonly bookings: BookingStore,
  ) {}

  /** Inside the cancel's transaction. */
  async withdraw(booking: BookingRecord): Promise<void> {
    await this.payments.endPending(booking.id, 'withdrawn');
  }

  /**
   * The event was called off (after its transaction): every family gets back all they paid. A refund Stripe
   * refuses now is left for the office (the booking still shows it as refundable); answers how many failed.
   */
  async eventCalledOff(event: SchoolEvent, by: UserId): Promise<{ refunded: number; failed: number }> {
    let refunded = 0;
    let failed = 0;
    for (const bookingId of await this.payments.paidBookingIds(event.id)) {
      const booking = await this.bookings.findById(bookingId);
      if (!booking) {
        continue;
      }
      try {
        await this.settle(booking, event, { userId: by, parent: false });
        refunded += await this.refunds.refund({
          booking,
          event,
          amountP: null,
          reason: 'The school called the event off: refunded in full',
          by,
          key: `called-off-${booking.id}`,
        });
      } catch (error) {
        failed++;
        this.logger.warn(`Could not refund booking ${booking.id}: ${(error as Error).message}`);
      }
    }
    return { refunded, failed };
  }

  /** After it commits. Answers the pence refunded. */
  async settle(
    booking: BookingRecord,
    event: SchoolEvent,
    by: { userId: UserId; parent: boolean },
  ): Promise<number> {
    for (const checkout of await this.payments.openCheckoutsOf(booking.id)) {
      try {
        // A checkout paid meanwhile is refunded when its webhook arrives (the payment was withdrawn).
        await this.gateway.expireCheckout(checkout.account, checkout.sessionId);
      } catch (error) {
        this.logger.warn(`Could not close checkout ${checkout.sessionId}: ${(error as Error).message}`);
      }
    }
    if (!by.parent) {
      return 0;
    }
    const { cancellationRefund } = await this.payments.settings(booking.schoolId);
    if (cancellationRefund === 'none') {
      return 0;
    }
    const entries = await this.payments.entriesOf(booking.id);
    const paid = entries.filter((e) => e.entry === 'payment').reduce((sum, e) => sum + e.amountP, 0);
    const refunded = entries.filter((e) => e.entry === 'refund').reduce((sum, e) => sum + e.amountP, 0);
    const deposits = (await this.payments.paymentsOf(booking.id))
      .filter((p) => p.purpose === 'deposit' && p.status === 'paid')
      .reduce((sum, p) => sum + p.amountP, 0);
    const amountP = paid - refunded - (cancellationRefund === 'keep_deposit' ? deposits : 0);
    if (amountP <= 0) {
      return 0;
    }
    return this.refunds.refund({
      booking,
      event,
      amountP,
      reason:
        cancellationRefund === 'keep_deposit'
          ? 'The family cancelled: refunded but for the deposit, as the school’s rule says'
          : 'The family cancelled: refunded in full, as the school’s rule says',
      by: by.userId,
      key: `cancel-${booking.id}`,
    });
  }
}
