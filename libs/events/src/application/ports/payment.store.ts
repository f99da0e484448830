import type { Page, PageRequest, SchoolId, UserId } from '@rowan/kernel';

/**
 * - `pending`: to be paid (a checkout may be open). `paid`: the money arrived.
 * - `lapsed`: the hold expired unpaid. `withdrawn`: the booking was cancelled before it was paid.
 * - `refund_due`: paid after it lapsed or was withdrawn, with no place to give: refunded automatically.
 * - `refunded`: that automatic refund was made.
 */
export type PaymentStatus = 'pending' | 'paid' | 'lapsed' | 'withdrawn' | 'refund_due' | 'refunded';
/** `full`: everything at once; `deposit` when booking and `balance` by its date. */
export type PaymentPurpose = 'full' | 'deposit' | 'balance';

export interface PaymentRecord {
  readonly id: string;
  readonly schoolId: SchoolId;
  readonly eventId: string;
  readonly bookingId: string;
  readonly purpose: PaymentPurpose;
  readonly amountP: number;
  readonly dueAt: Date | null;
  readonly status: PaymentStatus;
  readonly paymentIntentId: string | null;
  readonly paidAt: Date | null;
  readonly createdAt: Date;
}

export interface CheckoutRecord {
  readonly sessionId: string;
  readonly paymentId: string;
  readonly schoolId: SchoolId;
  readonly account: string | null;
  readonly url: string;
  readonly status: 'open' | 'complete' | 'expired';
  readonly expiresAt: Date;
  readonly createdAt: Date;
}

export const LEDGER_ENTRIES = ['charge', 'subsidy', 'discount', 'payment', 'refund'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRIES)[number];

/** One line of a booking's money, in pence (always positive; the kind says which way). */
export interface LedgerEntry {
  readonly id: string;
  readonly schoolId: SchoolId;
  readonly eventId: string;
  readonly bookingId: string;
  readonly entry: LedgerEntryKind;
  readonly amountP: number;
  /** The provider's id: the PaymentIntent of a payment, the Refund of a refund. Unique per kind. */
  readonly reference: string | null;
  readonly paymentId: string | null;
  readonly note: string;
  readonly createdBy: UserId | null;
  readonly createdAt: Date;
}

/** One booking's money on an event, for the payments report. */
export interface BookingMoneyRow {
  readonly bookingId: string;
  readonly pupilId: string;
  readonly forename: string;
  readonly surname: string;
  readonly state: string;
  readonly chargeP: number;
  readonly subsidyP: number;
  readonly discountP: number;
  readonly paidP: number;
  readonly refundedP: number;
}

/** What parents get back when they cancel a paid booking themselves. */
export const CANCELLATION_REFUNDS = ['full', 'keep_deposit', 'none'] as const;
export type CancellationRefund = (typeof CANCELLATION_REFUNDS)[number];

export interface SchoolPaymentSettings {
  /** The school's connected account (the school is the merchant); null: the platform's own account. */
  readonly stripeAccountId: string | null;
  readonly cancellationRefund: CancellationRefund;
}

/**
 * Payments, checkouts and the ledger. Reads by provider id (session, payment intent) are not limited to a
 * school: webhooks carry no signed-in person, and the ids are the provider's own, unguessable.
 */
export abstract class PaymentStore {
  abstract insertPayments(payments: readonly PaymentRecord[]): Promise<void>;
  abstract paymentsOf(bookingId: string): Promise<PaymentRecord[]>;
  abstract payment(id: string): Promise<PaymentRecord | null>;
  /** Reads and locks the payment row for the rest of the caller's transaction. */
  abstract lockPayment(id: string): Promise<PaymentRecord | null>;
  abstract countCheckouts(paymentId: string): Promise<number>;
  abstract paymentByIntent(paymentIntentId: string): Promise<PaymentRecord | null>;
  /** Moves a payment only if it is still in one of `from`; true if it moved. */
  abstract movePayment(
    id: string,
    from: readonly PaymentStatus[],
    to: PaymentStatus,
    change?: { readonly paymentIntentId?: string; readonly paidAt?: Date },
  ): Promise<boolean>;
  /** The event was called off: every pending payment of its bookings is withdrawn. */
  abstract withdrawEvent(eventId: string): Promise<void>;
  /** Bookings of the event with money paid in. */
  abstract paidBookingIds(eventId: string): Promise<string[]>;
  /** Confirmed bookings of the event with something still to pay: the pupil, how much, by when. */
  abstract unpaid(eventId: string): Promise<{ pupilId: string; amountP: number; dueAt: Date | null }[]>;
  /** Each booking of the event with money on it (a charge at least), in booking order; cursor paged. */
  abstract moneyOfEvent(
    schoolId: SchoolId,
    eventId: string,
    page: PageRequest,
  ): Promise<Page<BookingMoneyRow>>;
  /** Every pending payment of the booking becomes `to` (the booking ended). */
  abstract endPending(bookingId: string, to: 'lapsed' | 'withdrawn'): Promise<void>;

  abstract insertCheckout(checkout: CheckoutRecord): Promise<void>;
  abstract checkout(sessionId: string): Promise<CheckoutRecord | null>;
  abstract openCheckoutOf(paymentId: string, now: Date): Promise<CheckoutRecord | null>;
  abstract openCheckoutsOf(bookingId: string): Promise<CheckoutRecord[]>;
  abstract moveCheckout(
    sessionId: string,
    from: 'open' | 'expired',
    to: 'complete' | 'expired',
  ): Promise<boolean>;

  /** Adds entries; one with a reference already in the ledger for its kind is skipped. Answers how many were added. */
  abstract addEntries(entries: readonly LedgerEntry[]): Promise<number>;
  abstract entriesOf(bookingId: string): Promise<LedgerEntry[]>;
  /** Payments and refunds recorded in [from, to), for reconciliation. */
  abstract moneyBetween(schoolId: SchoolId, from: Date, to: Date): Promise<LedgerEntry[]>;
  abstract entryByReference(entry: 'payment' | 'refund', reference: string): Promise<LedgerEntry | null>;

  /** True the first time an event id is seen. */
  abstract firstSight(eventId: string, type: string, at: Date): Promise<boolean>;
  abstract seen(eventId: string): Promise<boolean>;

  /**
   * Claims a refund's Idempotency-Key for this request (by its hash), once per school: `claimed` for the first,
   * `replay` for the same request again (after it finished), `in_progress` while the first still runs, and
   * `different` for another request with the key. Stored by a unique key, so two at once cannot both claim it.
   */
  abstract claimRefundKey(
    schoolId: SchoolId,
    key: string,
    requestHash: string,
    at: Date,
  ): Promise<'claimed' | 'replay' | 'in_progress' | 'different'>;
  /** The claimed request finished (`done`), or failed and may be tried again with the key (`release`). */
  abstract settleRefundKey(schoolId: SchoolId, key: string, outcome: 'done' | 'release'): Promise<void>;

  abstract settings(schoolId: SchoolId): Promise<SchoolPaymentSettings>;
  abstract saveSettings(schoolId: SchoolId, settings: SchoolPaymentSettings, at: Date): Promise<void>;
}
