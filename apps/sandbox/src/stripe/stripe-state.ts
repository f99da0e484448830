import { invalid, noSuch } from './stripe-errors';
import {
  availableOn,
  type BalanceTransactionRecord,
  type ChargeRecord,
  type FeeDetail,
  ID_PREFIXES,
  nowSeconds,
  type PaymentIntentRecord,
  type RefundRecord,
  type SessionRecord,
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

export type EventSink = (type: string, account: string | null, object: StripeJson) => void;

/** The stand-in's objects and what the API, the hosted page and the controls do to them. */
export class StripeState {
  readonly sessions = new Map<string, SessionRecord>();
  readonly intents = new Map<string, PaymentIntentRecord>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly balanceTransactions = new Map<string, BalanceTransactionRecord>();
  /** The PaymentIntent of a session's payment attempts (Stripe makes one on the first attempt). */
  readonly attempts = new Map<string, string>();
  private sequence = 0;

  constructor(
    private readonly checkoutUrl: (sessionId: string) => string,
    readonly emit: EventSink,
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

  addCharge(
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

  addBalanceTransaction(input: Omit<BalanceTransactionRecord, 'id' | 'sequence'>): BalanceTransactionRecord {
    const txn = { ...input, id: stripeId(ID_PREFIXES.balanceTransaction), sequence: this.sequence++ };
    this.balanceTransactions.set(txn.id, txn);
    return txn;
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
