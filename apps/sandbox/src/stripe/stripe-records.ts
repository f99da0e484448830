import { randomBytes } from 'node:crypto';

/**
 * What the Stripe stand-in keeps in memory. Every record belongs to one account: `null` is the platform
 * account, `acct_...` a connected account (the `Stripe-Account` header). Amounts are integer pence.
 */

export type Metadata = Record<string, string>;

export interface LineItemRecord {
  readonly name: string;
  readonly unitAmount: number;
  readonly quantity: number;
  readonly currency: string;
}

export interface SessionRecord {
  readonly id: string;
  readonly account: string | null;
  readonly created: number;
  readonly expiresAt: number;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid';
  readonly amountTotal: number;
  readonly currency: string;
  readonly lineItems: readonly LineItemRecord[];
  readonly successUrl: string | null;
  readonly cancelUrl: string | null;
  readonly clientReferenceId: string | null;
  readonly customerEmail: string | null;
  readonly metadata: Metadata;
  readonly paymentIntentData: {
    readonly metadata: Metadata;
    readonly description: string | null;
    readonly applicationFeeAmount: number | null;
  };
  paymentIntentId: string | null;
  /** Card declines on the hosted page so far. */
  declines: number;
}

export interface PaymentIntentRecord {
  readonly id: string;
  readonly account: string | null;
  readonly created: number;
  readonly amount: number;
  readonly currency: string;
  status: 'requires_payment_method' | 'succeeded';
  amountReceived: number;
  latestChargeId: string | null;
  lastPaymentError: { code: string; decline_code: string; message: string; type: 'card_error' } | null;
  readonly metadata: Metadata;
  readonly description: string | null;
  readonly applicationFeeAmount: number | null;
}

export interface ChargeRecord {
  readonly id: string;
  readonly account: string | null;
  readonly created: number;
  readonly amount: number;
  readonly currency: string;
  amountRefunded: number;
  readonly paymentIntentId: string | null;
  readonly balanceTransactionId: string;
  readonly metadata: Metadata;
  readonly description: string | null;
  readonly applicationFeeAmount: number | null;
}

export interface RefundRecord {
  readonly id: string;
  readonly account: string | null;
  readonly created: number;
  readonly amount: number;
  readonly currency: string;
  readonly chargeId: string;
  readonly paymentIntentId: string | null;
  readonly reason: 'duplicate' | 'fraudulent' | 'requested_by_customer' | null;
  readonly metadata: Metadata;
  readonly balanceTransactionId: string;
}

export interface FeeDetail {
  readonly amount: number;
  readonly application: string | null;
  readonly currency: string;
  readonly description: string;
  readonly type: 'stripe_fee' | 'application_fee';
}

export interface BalanceTransactionRecord {
  readonly id: string;
  readonly account: string | null;
  readonly created: number;
  /** Insertion order, to list newest first when several share a second. */
  readonly sequence: number;
  readonly type: 'charge' | 'refund';
  amount: number;
  readonly fee: number;
  readonly feeDetails: readonly FeeDetail[];
  readonly currency: string;
  readonly sourceId: string;
  readonly availableOn: number;
  readonly description: string | null;
}

export const ID_PREFIXES = {
  session: 'cs_test_',
  paymentIntent: 'pi_',
  charge: 'ch_',
  refund: 're_',
  balanceTransaction: 'txn_',
  event: 'evt_',
} as const;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id shaped like Stripe's: the prefix, then 24 (Checkout: 58) base62 characters. */
export function stripeId(prefix: string): string {
  const length = prefix === ID_PREFIXES.session ? 58 : 24;
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) {
    id += ALPHABET[byte % ALPHABET.length];
  }
  return id;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Stripe's UK card pricing, for the fees the balance transactions show: 1.5% + 20p. */
export const stripeFee = (amount: number): number => Math.round(amount * 0.015) + 20;

/** Funds from a charge become available two days later, at midnight UTC (as Stripe's `available_on`). */
export function availableOn(created: number): number {
  const day = 86_400;
  return (Math.floor(created / day) + 2) * day;
}

export const formatPounds = (pence: number, currency = 'gbp'): string =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() }).format(pence / 100);
