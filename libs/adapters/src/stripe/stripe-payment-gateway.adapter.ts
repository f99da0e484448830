import {
  InvalidWebhookSignature,
  PaymentProviderUnavailable,
  PaymentGateway,
  type BalanceLine,
  type CheckoutRequest,
  type CheckoutSession,
  type GatewayEvent,
  type RefundRequest,
  type RefundResult,
} from '@rowan/events';
import Stripe from 'stripe';

export interface StripeSettings {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** Where the API is, when not Stripe itself (the local stand-in): host, port and protocol are taken from it. */
  readonly apiUrl?: string;
}

/** Card payments through the official Stripe SDK: Checkout Sessions, refunds, balance, signed webhooks. */
export class StripePaymentGateway extends PaymentGateway {
  private readonly stripe: Stripe;

  constructor(private readonly settings: StripeSettings) {
    super();
    const target = settings.apiUrl ? new URL(settings.apiUrl) : null;
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...(target
        ? {
            host: target.hostname,
            port: Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
            protocol: target.protocol === 'https:' ? 'https' : 'http',
          }
        : {}),
    });
  }

  async createCheckout(r: CheckoutRequest): Promise<CheckoutSession> {
    const session = await this.call(() =>
      this.stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: { currency: 'gbp', unit_amount: r.amountP, product_data: { name: r.description } },
            },
          ],
          success_url: r.successUrl,
          cancel_url: r.cancelUrl,
          client_reference_id: r.bookingId,
          metadata: { bookingId: r.bookingId, paymentId: r.paymentId },
          payment_intent_data: { metadata: { bookingId: r.bookingId, paymentId: r.paymentId } },
          expires_at: Math.floor(r.expiresAt.getTime() / 1000),
        },
        { idempotencyKey: r.idempotencyKey, ...account(r.account) },
      ),
    );
    return {
      sessionId: session.id,
      url: session.url ?? '',
      expiresAt: new Date(session.expires_at * 1000),
    };
  }

  async expireCheckout(acct: string | null, sessionId: string): Promise<'expired' | 'complete'> {
    const session = await this.call(() =>
      this.stripe.checkout.sessions.retrieve(sessionId, {}, account(acct)),
    );
    if (session.status === 'complete') {
      return 'complete';
    }
    if (session.status === 'expired') {
      return 'expired';
    }
    try {
      await this.stripe.checkout.sessions.expire(sessionId, {}, account(acct));
      return 'expired';
    } catch (error) {
      // Paid between the read and the expiry: Stripe refuses to expire a completed session.
      const again = await this.call(() =>
        this.stripe.checkout.sessions.retrieve(sessionId, {}, account(acct)),
      );
      if (again.status === 'complete') {
        return 'complete';
      }
      throw unavailable(error);
    }
  }

  async checkoutPayment(
    acct: string | null,
    sessionId: string,
  ): Promise<{ paid: boolean; paymentIntentId: string | null; amountP: number }> {
    const session = await this.call(() =>
      this.stripe.checkout.sessions.retrieve(sessionId, {}, account(acct)),
    );
    return {
      paid: session.payment_status === 'paid',
      paymentIntentId: idOf(session.payment_intent),
      amountP: session.amount_total ?? 0,
    };
  }

  async refund(r: RefundRequest): Promise<RefundResult> {
    const refund = await this.call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: r.paymentIntentId,
          amount: r.amountP,
          reason: 'requested_by_customer',
          metadata: { ...r.metadata },
        },
        { idempotencyKey: r.idempotencyKey, ...account(r.account) },
      ),
    );
    return { refundId: refund.id, amountP: refund.amount, status: refund.status ?? 'pending' };
  }

  readWebhook(rawBody: Buffer | string, signature: string): GatewayEvent {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
    } catch {
      throw new InvalidWebhookSignature('The Stripe-Signature does not match the body');
    }
    const acct = event.account ?? null;
    if (
      event.type === 'checkout.session.completed' ||
      event.type === 'checkout.session.async_payment_succeeded'
    ) {
      const s = event.data.object;
      return {
        kind: 'checkout_completed',
        eventId: event.id,
        account: acct,
        sessionId: s.id,
        paymentIntentId: idOf(s.payment_intent),
        amountP: s.amount_total ?? 0,
        paid: s.payment_status === 'paid',
      };
    }
    if (event.type === 'checkout.session.expired') {
      return { kind: 'checkout_expired', eventId: event.id, account: acct, sessionId: event.data.object.id };
    }
    if (event.type === 'refund.created' || event.type === 'refund.updated') {
      const r = event.data.object;
      return {
        kind: 'refund',
        eventId: event.id,
        account: acct,
        refundId: r.id,
        paymentIntentId: idOf(r.payment_intent),
        amountP: r.amount,
        status: r.status ?? 'pending',
      };
    }
    return { kind: 'other', eventId: event.id, type: event.type };
  }

  async *balance(acct: string | null, from: Date, to: Date): AsyncIterable<BalanceLine> {
    const list = this.stripe.balanceTransactions.list(
      {
        created: { gte: Math.floor(from.getTime() / 1000), lt: Math.ceil(to.getTime() / 1000) },
        limit: 100,
        expand: ['data.source'],
      },
      account(acct),
    );
    try {
      for await (const t of list) {
        yield toLine(t);
      }
    } catch (error) {
      throw unavailable(error);
    }
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw unavailable(error);
    }
  }
}

function toLine(t: Stripe.BalanceTransaction): BalanceLine {
  const source =
    t.source && typeof t.source === 'object' ? (t.source as unknown as Record<string, unknown>) : null;
  const type =
    t.type === 'charge' || t.type === 'payment' ? 'charge' : t.type === 'refund' ? 'refund' : 'other';
  const sourceId = typeof t.source === 'string' ? t.source : ((source?.id as string | undefined) ?? null);
  return {
    id: t.id,
    type,
    amountP: t.amount,
    feeP: t.fee,
    netP: t.net,
    paymentIntentId: source ? idOf(source.payment_intent as string | { id: string } | null) : null,
    refundId: type === 'refund' ? sourceId : null,
    createdAt: new Date(t.created * 1000),
  };
}

const account = (acct: string | null): { stripeAccount?: string } => (acct ? { stripeAccount: acct } : {});
const idOf = (v: string | { id: string } | null | undefined): string | null =>
  v ? (typeof v === 'string' ? v : v.id) : null;

/** Whatever Stripe said, as a 503 naming it: nothing was paid or refunded. */
function unavailable(error: unknown): Error {
  return new PaymentProviderUnavailable(`Stripe did not take the request: ${(error as Error).message}`);
}
