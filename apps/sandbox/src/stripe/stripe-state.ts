import { invalid, noSuch, StripeApiError } from './stripe-errors';
import {
  availableOn,
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
import {
  renderBalanceTransaction,
  renderCharge,
  renderPaymentIntent,
  renderRefund,
  renderSession,
  type StripeJson,
} from './stripe-render';

export type NewSession = Omit<
  SessionRecord,
  'id' | 'status' | 'paymentStatus' | 'paymentIntentId' | 'declines'
>;

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

export type EventSink = (type: string, account: string | null, object: StripeJson) => void;

/** The stand-in's objects and what the API, the hosted page and the controls do to them. */
export class StripeState {
  readonly sessions = new Map<string, SessionRecord>();
  readonly intents = new Map<string, PaymentIntentRecord>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly balanceTransactions = new Map<string, BalanceTransactionRecord>();
  /** The PaymentIntent of a session's payment attempts (Stripe makes one on the first attempt). */
  private readonly attempts = new Map<string, string>();
  private sequence = 0;

  constructor(
    private readonly checkoutUrl: (sessionId: string) => string,
    private readonly emit: EventSink,
  ) {}

  reset(): void {
    for (const map of [this.sessions, this.intents, this.charges, this.refunds, this.balanceTransactions]) {
      map.clear();
    }
    this.attempts.clear();
  }

  createSession(input: NewSession): SessionRecord {
    const session: SessionRecord = {
      ...input,
      id: stripeId(ID_PREFIXES.session),
      status: 'open',
      paymentStatus: 'unpaid',
      paymentIntentId: null,
      declines: 0,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** A session of this account (expiring it first if its time has come), else 404 as Stripe answers. */
  session(id: string, account: string | null): SessionRecord {
    return this.owned(this.sessions, id, account, 'checkout.session', 'session');
  }

  /** A session whatever its account (the hosted page and the controls know only its id). */
  anySession(id: string): SessionRecord {
    const session = this.sessions.get(id);
    if (!session) {
      throw noSuch('checkout.session', id, 'session');
    }
    this.expireIfDue(session);
    return session;
  }

  intent(id: string, account: string | null): PaymentIntentRecord {
    return this.owned(this.intents, id, account, 'payment_intent', 'intent');
  }

  charge(id: string, account: string | null): ChargeRecord {
    return this.owned(this.charges, id, account, 'charge', 'id');
  }

  refund(id: string, account: string | null): RefundRecord {
    return this.owned(this.refunds, id, account, 'refund', 'id');
  }

  balanceTransaction(id: string, account: string | null): BalanceTransactionRecord {
    return this.owned(this.balanceTransactions, id, account, 'balance_transaction', 'id');
  }

  renderSession(session: SessionRecord): StripeJson {
    return renderSession(session, this.checkoutUrl(session.id));
  }

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
    const charge = this.addCharge({
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
    this.emit('payment_intent.succeeded', session.account, renderPaymentIntent(intent));
    this.emit('charge.succeeded', session.account, renderCharge(charge));
    this.emit('checkout.session.completed', session.account, this.renderSession(session));
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
    this.emit('payment_intent.payment_failed', session.account, renderPaymentIntent(intent));
    return session;
  }

  expire(session: SessionRecord): SessionRecord {
    if (session.status !== 'open') {
      throw invalid(
        `Only Checkout Sessions with a status of \`open\` can be expired. This session has a status of \`${session.status}\`.`,
        'session',
      );
    }
    session.status = 'expired';
    this.emit('checkout.session.expired', session.account, this.renderSession(session));
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
    const txn = this.addBalanceTransaction({
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
    this.refunds.set(refund.id, refund);
    charge.amountRefunded += amount;
    this.emit('charge.refunded', account, renderCharge(charge));
    this.emit('refund.created', account, renderRefund(refund));
    return refund;
  }

  /** Changes a recorded balance transaction's amount, or adds a charge nobody asked for. */
  plantMismatch(mismatch: PlantedMismatch): BalanceTransactionRecord {
    if (mismatch.kind === 'amount') {
      const txn = this.balanceTransactions.get(mismatch.balanceTransactionId);
      if (!txn) {
        throw noSuch('balance_transaction', mismatch.balanceTransactionId);
      }
      txn.amount = mismatch.amount;
      return txn;
    }
    const now = nowSeconds();
    const charge = this.addCharge({
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
    return this.balanceTransactions.get(charge.balanceTransactionId)!;
  }

  /** Newest first (ties in the same second by creation order). */
  balanceTransactionsOf(account: string | null): BalanceTransactionRecord[] {
    return [...this.balanceTransactions.values()]
      .filter((txn) => txn.account === account)
      .sort((a, b) => b.created - a.created || b.sequence - a.sequence);
  }

  /** Any object by its id, for `expand[]` (or null when it is not this account's). */
  render(id: string, account: string | null): StripeJson | null {
    const now = nowSeconds();
    const lookups: Array<[Map<string, { account: string | null }>, (record: never) => StripeJson]> = [
      [this.sessions, (s: SessionRecord) => this.renderSession(s)],
      [this.intents, renderPaymentIntent],
      [this.charges, renderCharge],
      [this.refunds, renderRefund],
      [this.balanceTransactions, (t: BalanceTransactionRecord) => renderBalanceTransaction(t, now)],
    ];
    for (const [map, render] of lookups) {
      const record = map.get(id);
      if (record && record.account === account) {
        return render(record as never);
      }
    }
    return null;
  }

  private openSession(id: string): SessionRecord {
    const session = this.anySession(id);
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
    const existing = this.intents.get(this.attempts.get(session.id) ?? '');
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
    this.intents.set(intent.id, intent);
    this.attempts.set(session.id, intent.id);
    return intent;
  }

  private addCharge(
    input: Omit<ChargeRecord, 'id' | 'amountRefunded' | 'balanceTransactionId'> & { feeDetails: FeeDetail[] },
  ): ChargeRecord {
    const { feeDetails, ...fields } = input;
    const chargeId = stripeId(ID_PREFIXES.charge);
    const txn = this.addBalanceTransaction({
      account: input.account,
      created: input.created,
      type: 'charge',
      amount: input.amount,
      fee: feeDetails.reduce((sum, fee) => sum + fee.amount, 0),
      feeDetails,
      currency: input.currency,
      sourceId: chargeId,
      availableOn: availableOn(input.created),
      description: input.description,
    });
    const charge: ChargeRecord = { ...fields, id: chargeId, amountRefunded: 0, balanceTransactionId: txn.id };
    this.charges.set(charge.id, charge);
    return charge;
  }

  private addBalanceTransaction(
    input: Omit<BalanceTransactionRecord, 'id' | 'sequence'>,
  ): BalanceTransactionRecord {
    const txn = { ...input, id: stripeId(ID_PREFIXES.balanceTransaction), sequence: this.sequence++ };
    this.balanceTransactions.set(txn.id, txn);
    return txn;
  }

  private refundableCharge(account: string | null, input: NewRefund): ChargeRecord {
    if (input.chargeId) {
      return this.charge(input.chargeId, account);
    }
    if (!input.paymentIntentId) {
      throw invalid(
        'One of `charge` or `payment_intent` is required.',
        'payment_intent',
        'parameter_missing',
      );
    }
    const intent = this.intent(input.paymentIntentId, account);
    if (intent.status !== 'succeeded' || !intent.latestChargeId) {
      throw invalid(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        'payment_intent',
        'charge_not_refundable',
      );
    }
    return this.charge(intent.latestChargeId, account);
  }

  private owned<T extends { account: string | null }>(
    map: Map<string, T>,
    id: string,
    account: string | null,
    kind: string,
    param: string,
  ): T {
    const record = map.get(id);
    if (!record || record.account !== account) {
      throw noSuch(kind, id, param);
    }
    if (kind === 'checkout.session') {
      this.expireIfDue(record as unknown as SessionRecord);
    }
    return record;
  }

  /** Stripe expires a session soon after its `expires_at`; the stand-in does it when the session is next read. */
  private expireIfDue(session: SessionRecord): void {
    if (session.status === 'open' && nowSeconds() >= session.expiresAt) {
      this.expire(session);
    }
  }
}

export const isStripeApiError = (error: unknown): error is StripeApiError => error instanceof StripeApiError;
