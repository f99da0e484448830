import { invalid, missing } from './stripe-errors';
import type { LineItemRecord, Metadata } from './stripe-records';
import type { NewRefund } from './stripe-payments';
import type { NewSession } from './stripe-state';

/**
 * Stripe's parameters as the SDK form-encodes them (`a[b][0][c]=x`, parsed with `qs`): every leaf is a
 * string. These read and check the ones the stand-in implements, with Stripe's error messages.
 */
export type Params = Record<string, unknown>;

const SESSION_PARAMS = new Set([
  'mode',
  'line_items',
  'success_url',
  'cancel_url',
  'client_reference_id',
  'metadata',
  'expires_at',
  'customer_email',
  'payment_intent_data',
  'payment_method_types',
  'locale',
  'submit_type',
  'expand',
]);
const PAYMENT_INTENT_DATA = new Set(['metadata', 'description', 'application_fee_amount']);
const REFUND_PARAMS = new Set(['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand']);
const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

export function sessionParams(params: Params, account: string | null, now: number): NewSession {
  unknownParams(params, SESSION_PARAMS, '');
  const mode = str(params, 'mode');
  if (mode === null) {
    throw missing('mode');
  }
  if (mode !== 'payment') {
    throw invalid(
      `The stand-in implements only \`mode: 'payment'\`, not '${mode}'.`,
      'mode',
      'parameter_invalid_string',
    );
  }
  const lineItems = lineItemsOf(params.line_items);
  const currency = lineItems[0]!.currency;
  if (lineItems.some((item) => item.currency !== currency)) {
    throw invalid('All line items must have the same currency.', 'line_items');
  }
  const expiresAt = int(params, 'expires_at') ?? now + 86_400;
  if (expiresAt < now + 1800) {
    throw invalid(
      'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
      'expires_at',
    );
  }
  if (expiresAt > now + 86_400) {
    throw invalid(
      'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
      'expires_at',
    );
  }
  const data = objectOf(params, 'payment_intent_data');
  unknownParams(data, PAYMENT_INTENT_DATA, 'payment_intent_data');
  const amountTotal = lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
  const applicationFee = int(data, 'application_fee_amount', 'payment_intent_data[application_fee_amount]');
  if (applicationFee !== null && (applicationFee < 0 || applicationFee > amountTotal)) {
    throw invalid(
      'The application fee must not be more than the amount.',
      'payment_intent_data[application_fee_amount]',
    );
  }
  return {
    account,
    created: now,
    expiresAt,
    amountTotal,
    currency,
    lineItems,
    successUrl: url(params, 'success_url'),
    cancelUrl: url(params, 'cancel_url'),
    clientReferenceId: str(params, 'client_reference_id'),
    customerEmail: str(params, 'customer_email'),
    metadata: metadataOf(params.metadata, 'metadata'),
    paymentIntentData: {
      metadata: metadataOf(data.metadata, 'payment_intent_data[metadata]'),
      description: str(data, 'description'),
      applicationFeeAmount: applicationFee,
    },
  };
}

export function refundParams(params: Params): NewRefund {
  unknownParams(params, REFUND_PARAMS, '');
  const amount = int(params, 'amount');
  if (amount !== null && amount < 1) {
    throw invalid('This value must be greater than or equal to 1.', 'amount', 'parameter_invalid_integer');
  }
  const reason = str(params, 'reason');
  if (reason !== null && !(REFUND_REASONS as readonly string[]).includes(reason)) {
    throw invalid(
      `Invalid reason: must be one of ${REFUND_REASONS.join(', ')}`,
      'reason',
      'parameter_invalid_string',
    );
  }
  const paymentIntentId = str(params, 'payment_intent');
  const chargeId = str(params, 'charge');
  return {
    ...(paymentIntentId ? { paymentIntentId } : {}),
    ...(chargeId ? { chargeId } : {}),
    ...(amount !== null ? { amount } : {}),
    reason: reason as NewRefund['reason'],
    metadata: metadataOf(params.metadata, 'metadata'),
  };
}

export function expandOf(params: Params): string[] {
  const expand = params.expand;
  if (expand === undefined) {
    return [];
  }
  const list = Array.isArray(expand)
    ? expand
    : typeof expand === 'object' && expand
      ? Object.values(expand)
      : [expand];
  return list.map(String);
}

export function str(params: Params, name: string): string | null {
  const value = params[name];
  if (value === undefined || value === '') {
    return null;
  }
  if (typeof value !== 'string') {
    throw invalid(`Invalid string: ${JSON.stringify(value)}`, name, 'parameter_invalid_string');
  }
  return value;
}

export function int(params: Params, name: string, param = name): number | null {
  const value = str(params, name);
  if (value === null) {
    return null;
  }
  if (!/^-?\d+$/.test(value)) {
    throw invalid(`Invalid integer: ${value}`, param, 'parameter_invalid_integer');
  }
  return Number(value);
}

export function objectOf(params: Params, name: string): Params {
  const value = params[name];
  if (value === undefined || value === '') {
    return {};
  }
  if (typeof value !== 'object' || value === null) {
    throw invalid(`Invalid object`, name, 'parameter_invalid_empty');
  }
  return value as Params;
}

function lineItemsOf(value: unknown): LineItemRecord[] {
  const items = Array.isArray(value) ? (value as unknown[]) : value ? Object.values(value) : [];
  if (items.length === 0) {
    throw invalid('You must provide at least one line item.', 'line_items', 'parameter_missing');
  }
  return items.map((raw, index) => {
    const at = `line_items[${index}]`;
    const item = (typeof raw === 'object' && raw ? raw : {}) as Params;
    if (item.price !== undefined) {
      throw invalid('The stand-in implements only `price_data`, not saved prices.', `${at}[price]`);
    }
    const price = objectOf(item, 'price_data');
    if (Object.keys(price).length === 0) {
      throw invalid(
        'You must specify either `price` or `price_data`.',
        `${at}[price_data]`,
        'parameter_missing',
      );
    }
    const currency = str(price, 'currency');
    const unitAmount = int(price, 'unit_amount', `${at}[price_data][unit_amount]`);
    const name = str(objectOf(price, 'product_data'), 'name');
    const quantity = int(item, 'quantity', `${at}[quantity]`);
    if (!currency) {
      throw missing(`${at}[price_data][currency]`);
    }
    if (unitAmount === null || unitAmount < 0) {
      throw missing(`${at}[price_data][unit_amount]`);
    }
    if (!name) {
      throw missing(`${at}[price_data][product_data][name]`);
    }
    if (quantity === null || quantity < 1) {
      throw missing(`${at}[quantity]`);
    }
    return { name, unitAmount, quantity, currency: currency.toLowerCase() };
  });
}

function metadataOf(value: unknown, param: string): Metadata {
  if (value === undefined || value === '') {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('Invalid metadata: must be an object of strings.', param);
  }
  const entries = Object.entries(value as Params);
  if (entries.length > 50) {
    throw invalid('Metadata can have up to 50 keys.', param);
  }
  const metadata: Metadata = {};
  for (const [key, text] of entries) {
    if (typeof text !== 'string' || key.length > 40 || text.length > 500) {
      throw invalid(
        'Metadata keys are up to 40 characters and values strings of up to 500.',
        `${param}[${key}]`,
      );
    }
    if (text !== '') {
      metadata[key] = text;
    }
  }
  return metadata;
}

function url(params: Params, name: string): string | null {
  const value = str(params, name);
  if (value !== null && !/^https?:\/\/./.test(value)) {
    throw invalid(`Not a valid URL`, name, 'url_invalid');
  }
  return value;
}

export function unknownParams(params: Params, known: ReadonlySet<string>, parent: string): void {
  for (const key of Object.keys(params)) {
    if (!known.has(key)) {
      const param = parent ? `${parent}[${key}]` : key;
      throw invalid(
        `Received unknown parameter: ${param} (the Rowan stand-in implements only part of Stripe's API)`,
        param,
        'parameter_unknown',
      );
    }
  }
}
