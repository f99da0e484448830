import type {
  BalanceTransactionRecord,
  ChargeRecord,
  PaymentIntentRecord,
  RefundRecord,
  SessionRecord,
} from './stripe-records';

/** Records as Stripe's API answers them (the fields Rowan reads, and the ones around them). */

export type StripeJson = Record<string, unknown>;

export function renderSession(session: SessionRecord, checkoutUrl: string): StripeJson {
  return {
    id: session.id,
    object: 'checkout.session',
    amount_subtotal: session.amountTotal,
    amount_total: session.amountTotal,
    cancel_url: session.cancelUrl,
    client_reference_id: session.clientReferenceId,
    created: session.created,
    currency: session.currency,
    customer: null,
    customer_email: session.customerEmail,
    expires_at: session.expiresAt,
    livemode: false,
    metadata: { ...session.metadata },
    mode: 'payment',
    payment_intent: session.paymentIntentId,
    payment_method_types: ['card'],
    payment_status: session.paymentStatus,
    status: session.status,
    success_url: session.successUrl,
    ui_mode: 'hosted',
    url: session.status === 'open' ? checkoutUrl : null,
  };
}

export function renderPaymentIntent(intent: PaymentIntentRecord): StripeJson {
  return {
    id: intent.id,
    object: 'payment_intent',
    amount: intent.amount,
    amount_capturable: 0,
    amount_received: intent.amountReceived,
    application_fee_amount: intent.applicationFeeAmount,
    capture_method: 'automatic',
    created: intent.created,
    currency: intent.currency,
    description: intent.description,
    last_payment_error: intent.lastPaymentError ? { ...intent.lastPaymentError } : null,
    latest_charge: intent.latestChargeId,
    livemode: false,
    metadata: { ...intent.metadata },
    payment_method_types: ['card'],
    status: intent.status,
  };
}

export function renderCharge(charge: ChargeRecord): StripeJson {
  return {
    id: charge.id,
    object: 'charge',
    amount: charge.amount,
    amount_captured: charge.amount,
    amount_refunded: charge.amountRefunded,
    application_fee_amount: charge.applicationFeeAmount,
    balance_transaction: charge.balanceTransactionId,
    captured: true,
    created: charge.created,
    currency: charge.currency,
    description: charge.description,
    livemode: false,
    metadata: { ...charge.metadata },
    paid: true,
    payment_intent: charge.paymentIntentId,
    refunded: charge.amountRefunded === charge.amount,
    status: 'succeeded',
  };
}

export function renderRefund(refund: RefundRecord): StripeJson {
  return {
    id: refund.id,
    object: 'refund',
    amount: refund.amount,
    balance_transaction: refund.balanceTransactionId,
    charge: refund.chargeId,
    created: refund.created,
    currency: refund.currency,
    metadata: { ...refund.metadata },
    payment_intent: refund.paymentIntentId,
    reason: refund.reason,
    status: 'succeeded',
  };
}

export function renderBalanceTransaction(txn: BalanceTransactionRecord, now: number): StripeJson {
  return {
    id: txn.id,
    object: 'balance_transaction',
    amount: txn.amount,
    available_on: txn.availableOn,
    created: txn.created,
    currency: txn.currency,
    description: txn.description,
    exchange_rate: null,
    fee: txn.fee,
    fee_details: txn.feeDetails.map((fee) => ({ ...fee })),
    net: txn.amount - txn.fee,
    reporting_category: txn.type,
    source: txn.sourceId,
    status: txn.availableOn <= now ? 'available' : 'pending',
    type: txn.type,
  };
}
