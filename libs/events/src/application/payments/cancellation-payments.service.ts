import { Injectable, Logger } from '@nestjs/common';
import type { UserId } from '@rowan/kernel';
import type { SchoolEvent } from '../../domain/event';
import type { BookingRecord } from '../ports/booking.store';
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
  ) {}

  /** Inside the cancel's transaction. */
  async withdraw(booking: BookingRecord): Promise<void> {
    await this.payments.endPending(booking.id, 'withdrawn');
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
