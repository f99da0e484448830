import { invalid, noSuch } from './stripe-errors';
import {
  type BalanceTransactionRecord,
  type ChargeRecord,
  type FeeDetail,
  formatPounds,
  ID_PREFIXES,
  type Metadata,
  nowSeconds,
  type PaymentIntentRecord,
  type RefundRecord,
  type SessionRecord,
  stripeFee,
  stripeId,
} from './stripe-records';
import { renderCharge, renderPaymentIntent, renderRefund } from './stripe-render';
import type { StripeState } from './stripe-state';

export interface NewRefund {
  readonly paymentIntentId?: string;
  readonly chargeId?: string;
  readonly amount?: number;
  readonly reason: RefundRecord['reason'];
  readonly metadata: Metadata;
}

export type PlantedMismatch =
  | { readonly kind: 'amount'; readonly balanceTransactionId: string; readonly amount: number }
  | {
      readonly kind: 'extra';
      readonly account?: string | null;
      readonly amount: number;
      readonly description?: string;
    };

/** Money moving: a card paid or declined on the hosted page, refunds, and mismatches planted for tests. */
export class StripePayments {
  constructor(private readonly state: StripeState) {}

  /** A test card that succeeds: PaymentIntent, Charge and balance transaction, then the session completes. */
  pay(sessionId: string): SessionRecord {
    const session = this.openSession(sessionId);
    const now = nowSeconds();
    const intent = this.intentFor(session, now);
    const fee = stripeFee(session.amountTotal);
    const applicationFee = session.paymentIntentData.applicationFeeAmount;
    const feeDetails: FeeDetail[] = [
      {
        amount: fee,
        application: null,
        currency: session.currency,
        description: 'Stripe processing fees',
        type: 'stripe_fee',
      },
      ...(applicationFee
        ? [
            {
              amount: applicationFee,
              application: 'ca_rowan_sandbox',
              currency: session.currency,
              description: 'Application fee',
              type: 'application_fee' as const,
            },
          ]
        : []),
    ];
    const charge = this.state.addCharge({
      account: session.account,
      created: now,
      amount: session.amountTotal,
      currency: session.currency,
      paymentIntentId: intent.id,
      metadata: { ...intent.metadata },
      description: intent.description,
      applicationFeeAmount: applicationFee,
      feeDetails,
    });
    intent.status = 'succeeded';
    intent.amountReceived = intent.amount;
    intent.latestChargeId = charge.id;
    intent.lastPaymentError = null;
    session.status = 'complete';
    session.paymentStatus = 'paid';
    session.paymentIntentId = intent.id;
    this.state.emit('payment_intent.succeeded', session.account, renderPaymentIntent(intent));
    this.state.emit('charge.succeeded', session.account, renderCharge(charge));
    this.state.emit('checkout.session.completed', session.account, this.state.renderSession(session));
    return session;
  }

  /** A declined card: the session stays open; its PaymentIntent reports the failure. */
  decline(sessionId: string): SessionRecord {
    const session = this.openSession(sessionId);
    const intent = this.intentFor(session, nowSeconds());
    intent.lastPaymentError = {
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
      type: 'card_error',
    };
    session.declines++;
    this.state.emit('payment_intent.payment_failed', session.account, renderPaymentIntent(intent));
    return session;
  }

  createRefund(account: string | null, input: NewRefund): RefundRecord {
    const charge = this.refundableCharge(account, input);
    const left = charge.amount - charge.amountRefunded;
    if (left === 0) {
      throw invalid(`Charge ${charge.id} has already been refunded.`, undefined, 'charge_already_refunded');
    }
    const amount = input.amount ?? left;
    if (amount > left) {
      throw invalid(
        `Refund amount (${formatPounds(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatPounds(left, charge.currency)})`,
        'amount',
        'amount_too_large',
      );
    }
    const now = nowSeconds();
    const refundId = stripeId(ID_PREFIXES.refund);
    const txn = this.state.addBalanceTransaction({
      account,
      created: now,
      type: 'refund',
      amount: -amount,
      fee: 0,
      feeDetails: [],
      currency: charge.currency,
      sourceId: refundId,
      availableOn: now,
      description: 'REFUND FOR CHARGE',
    });
    const refund: RefundRecord = {
      id: refundId,
      account,
      created: now,
      amount,
      currency: charge.currency,
      chargeId: charge.id,
      paymentIntentId: charge.paymentIntentId,
      reason: input.reason,
      metadata: input.metadata,
      balanceTransactionId: txn.id,
    };
    this.state.refunds.set(refund.id, refund);
    charge.amountRefunded += amount;
    this.state.emit('charge.refunded', account, renderCharge(charge));
    this.state.emit('refund.created', account, renderRefund(refund));
    return refund;
  }

  /** Changes a recorded balance transaction's amount, or adds a charge nobody asked for. */
  plantMismatch(mismatch: PlantedMismatch): BalanceTransactionRecord {
    if (mismatch.kind === 'amount') {
      const txn = this.state.balanceTransactions.get(mismatch.balanceTransactionId);
      if (!txn) {
        throw noSuch('balance_transaction', mismatch.balanceTransactionId);
      }
      txn.amount = mismatch.amount;
      return txn;
    }
    const now = nowSeconds();
    const charge = this.state.addCharge({
      account: mismatch.account ?? null,
      created: now,
      amount: mismatch.amount,
      currency: 'gbp',
      paymentIntentId: null,
      metadata: {},
      description: mismatch.description ?? 'A payment Rowan never asked for',
      applicationFeeAmount: null,
      feeDetails: [
        {
          amount: stripeFee(mismatch.amount),
          application: null,
          currency: 'gbp',
          description: 'Stripe processing fees',
          type: 'stripe_fee',
        },
      ],
    });
    return this.state.balanceTransactions.get(charge.balanceTransactionId)!;
  }

  private openSession(id: string): SessionRecord {
    const session = this.state.anySession(id);
    if (session.status !== 'open') {
      throw invalid(
        `This Checkout Session is ${session.status}: it can no longer be paid.`,
        'session',
        'checkout_session_not_open',
      );
    }
    return session;
  }

  private intentFor(session: SessionRecord, now: number): PaymentIntentRecord {
    const existing = this.state.intents.get(this.state.attempts.get(session.id) ?? '');
    if (existing) {
      return existing;
    }
    const intent: PaymentIntentRecord = {
      id: stripeId(ID_PREFIXES.paymentIntent),
      account: session.account,
      created: now,
      amount: session.amountTotal,
      currency: session.currency,
      status: 'requires_payment_method',
      amountReceived: 0,
      latestChargeId: null,
      lastPaymentError: null,
      metadata: { ...session.paymentIntentData.metadata },
      description: session.paymentIntentData.description,
      applicationFeeAmount: session.paymentIntentData.applicationFeeAmount,
    };
    this.state.intents.set(intent.id, intent);
    this.state.attempts.set(session.id, intent.id);
    return intent;
  }

  private refundableCharge(account: string | null, input: NewRefund): ChargeRecord {
    if (input.chargeId) {
      return this.state.charge(input.chargeId, account);
    }
    if (!input.paymentIntentId) {
      throw invalid(
        'One of `charge` or `payment_intent` is required.',
        'payment_intent',
        'parameter_missing',
      );
    }
    const intent = this.state.intent(input.paymentIntentId, account);
    if (intent.status !== 'succeeded' || !intent.latestChargeId) {
      throw invalid(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        'payment_intent',
        'charge_not_refundable',
      );
    }
    return this.state.charge(intent.latestChargeId, account);
  }
}
