import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator, UnitOfWork } from '@rowan/kernel';
import { PaymentGateway } from '../ports/payment-gateway';
import { PaymentStore } from '../ports/payment.store';
import { Settlement, type SettleOutcome } from './settlement.service';

/** `not_ready`: about a payment not recorded yet (its own event is still to come); the provider should retry. */
export type PaymentEventOutcome =
  SettleOutcome | 'duplicate' | 'waiting_for_funds' | 'recorded' | 'ignored' | 'not_ready';

/**
 * A provider webhook, signature verified. Each event id is acted on once; and since every effect is also
 * conditional on the state it moves from (and the ledger keys money by the provider's ids), events delivered
 * late, out of order or again leave the state one in-order delivery would.
 */
@Injectable()
export class RecordPaymentEventUseCase {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly payments: PaymentStore,
    private readonly settlement: Settlement,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Throws InvalidWebhookSignature for a body the provider did not sign; nothing changes then. */
  async execute(input: { rawBody: Buffer | string; signature: string }): Promise<PaymentEventOutcome> {
    const event = this.gateway.readWebhook(input.rawBody, input.signature);
    if (await this.payments.seen(event.eventId)) {
      return 'duplicate';
    }
    const outcome = await this.act(event);
    if (outcome === 'not_ready') {
      return outcome;
    }
    // Marked last: a delivery that failed half-way is acted on again when the provider retries it.
    await this.uow.transaction(() => this.payments.firstSight(event.eventId, event.kind, this.clock.now()));
    return outcome;
  }

  private async act(event: ReturnType<PaymentGateway['readWebhook']>): Promise<PaymentEventOutcome> {
    switch (event.kind) {
      case 'checkout_completed':
        if (!event.paid || !event.paymentIntentId) {
          return 'waiting_for_funds';
        }
        return this.settlement.paid(event.sessionId, event.paymentIntentId, event.amountP);
      case 'checkout_expired':
        await this.uow.transaction(() => this.payments.moveCheckout(event.sessionId, 'open', 'expired'));
        return 'recorded';
      case 'refund':
        return this.refunded(event.refundId, event.paymentIntentId, event.amountP, event.status);
      case 'other':
        return 'ignored';
    }
  }

  /** A refund made outside Rowan (or one whose answer was lost) is recorded from its webhook. */
  private async refunded(
    refundId: string,
    paymentIntentId: string | null,
    amountP: number,
    status: string,
  ): Promise<PaymentEventOutcome> {
    if (status === 'failed' || status === 'canceled' || !paymentIntentId) {
      return 'ignored';
    }
    if (await this.payments.entryByReference('refund', refundId)) {
      return 'ignored';
    }
    const payment = await this.payments.paymentByIntent(paymentIntentId);
    if (!payment || !(await this.payments.entryByReference('payment', paymentIntentId))) {
      return 'not_ready';
    }
    await this.uow.transaction(() =>
      this.payments.addEntries([
        {
          id: this.ids.next(),
          schoolId: payment.schoolId,
          eventId: payment.eventId,
          bookingId: payment.bookingId,
          entry: 'refund',
          amountP,
          reference: refundId,
          paymentId: payment.id,
          note: 'Refund recorded from Stripe',
          createdBy: null,
          createdAt: this.clock.now(),
        },
      ]),
    );
    return 'recorded';
  }
}
