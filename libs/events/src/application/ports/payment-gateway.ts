/**
 * The card-payment provider (Stripe in production, its stand-in in development and tests). Amounts are integer
 * pence; `account` is the school's connected account (the school is the merchant), null for the platform's own.
 */
export interface CheckoutRequest {
  readonly account: string | null;
  readonly paymentId: string;
  readonly bookingId: string;
  readonly amountP: number;
  /** What the family sees on the payment page, e.g. "Science Museum trip: Ada". */
  readonly description: string;
  readonly successUrl: string;
  readonly cancelUrl: string;
  readonly expiresAt: Date;
  /** The same key for a retry of the same attempt, so the provider makes one session. */
  readonly idempotencyKey: string;
}

export interface CheckoutSession {
  readonly sessionId: string;
  readonly url: string;
  readonly expiresAt: Date;
}

export interface RefundRequest {
  readonly account: string | null;
  readonly paymentIntentId: string;
  readonly amountP: number;
  readonly idempotencyKey: string;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface RefundResult {
  readonly refundId: string;
  readonly amountP: number;
  readonly status: string;
}

/** What a signed webhook says, in the words the payments core needs. */
export type GatewayEvent =
  | {
      readonly kind: 'checkout_completed';
      readonly eventId: string;
      readonly account: string | null;
      readonly sessionId: string;
      readonly paymentIntentId: string | null;
      readonly amountP: number;
      /** False while an asynchronous payment method is still clearing. */
      readonly paid: boolean;
    }
  | {
      readonly kind: 'checkout_expired';
      readonly eventId: string;
      readonly account: string | null;
      readonly sessionId: string;
    }
  | {
      readonly kind: 'refund';
      readonly eventId: string;
      readonly account: string | null;
      readonly refundId: string;
      readonly paymentIntentId: string | null;
      readonly amountP: number;
      readonly status: string;
    }
  | { readonly kind: 'other'; readonly eventId: string; readonly type: string };

/** One line of the provider's balance: money in (a charge) or out (a refund), with the provider's fee. */
export interface BalanceLine {
  readonly id: string;
  readonly type: 'charge' | 'refund' | 'other';
  /** Signed: a refund is negative. */
  readonly amountP: number;
  readonly feeP: number;
  readonly netP: number;
  /** The payment a charge or refund belongs to. */
  readonly paymentIntentId: string | null;
  readonly refundId: string | null;
  readonly createdAt: Date;
}

/** The webhook's signature did not verify: refused, nothing changes. */
export class InvalidWebhookSignature extends Error {}

export abstract class PaymentGateway {
  abstract createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  /** Ends an open session so it can no longer be paid; answers 'complete' if it was paid first. */
  abstract expireCheckout(account: string | null, sessionId: string): Promise<'expired' | 'complete'>;
  /** A session's payment, for a hold that expires while its webhook is still on the way. */
  abstract checkoutPayment(
    account: string | null,
    sessionId: string,
  ): Promise<{ readonly paid: boolean; readonly paymentIntentId: string | null; readonly amountP: number }>;
  abstract refund(request: RefundRequest): Promise<RefundResult>;
  /** Verifies the signature over the exact bytes received; throws InvalidWebhookSignature. */
  abstract readWebhook(rawBody: Buffer | string, signature: string): GatewayEvent;
  abstract balance(account: string | null, from: Date, to: Date): AsyncIterable<BalanceLine>;
}
