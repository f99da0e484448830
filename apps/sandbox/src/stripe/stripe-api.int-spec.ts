import Stripe from 'stripe';
import { SANDBOX_STRIPE, startStripeStandIn, type StripeStandIn } from './stripe-stand-in';

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

const sessionParams = (reference: string, unitAmount = 1250): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  line_items: [
    {
      price_data: { currency: 'gbp', unit_amount: unitAmount, product_data: { name: 'Year 6 trip' } },
      quantity: 1,
    },
  ],
  success_url: 'https://rowan.test/paid?session={CHECKOUT_SESSION_ID}',
  cancel_url: 'https://rowan.test/cancelled',
  client_reference_id: reference,
  metadata: { bookingId: reference },
  expires_at: inAnHour(),
  payment_intent_data: { metadata: { bookingId: reference } },
});

describe('Stripe stand-in: the API through the real stripe SDK', () => {
  let standIn: StripeStandIn;
  let stripe: Stripe;

  beforeAll(async () => {
    standIn = await startStripeStandIn();
    stripe = new Stripe(SANDBOX_STRIPE.secretKey, {
      host: '127.0.0.1',
      port: standIn.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterAll(() => standIn.close());

  const paidSession = async (reference: string, unitAmount = 1250, stripeAccount?: string) => {
    const session = await stripe.checkout.sessions.create(
      sessionParams(reference, unitAmount),
      stripeAccount ? { stripeAccount } : {},
    );
    standIn.control.pay(session.id);
    return stripe.checkout.sessions.retrieve(
      session.id,
      { expand: ['payment_intent'] },
      stripeAccount ? { stripeAccount } : {},
    );
  };

  it('answers an open session with the hosted page URL, and the same session again for the same idempotency key', async () => {
    const params = sessionParams('booking-1');
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'booking-1-attempt-1' });
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: 'booking-1-attempt-1' });

    expect(first).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 1250,
      currency: 'gbp',
      client_reference_id: 'booking-1',
      metadata: { bookingId: 'booking-1' },
      payment_intent: null,
      expires_at: params.expires_at,
      url: `${standIn.url}/checkout/${first.id}`,
    });
    expect(first.id).toMatch(/^cs_test_\w+$/);
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the same idempotency key with different parameters', async () => {
    await stripe.checkout.sessions.create(sessionParams('booking-2'), {
      idempotencyKey: 'booking-2-attempt-1',
    });
    const reuse = stripe.checkout.sessions.create(sessionParams('booking-2', 999), {
      idempotencyKey: 'booking-2-attempt-1',
    });
    await expect(reuse).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('refuses an expires_at under 30 minutes ahead, naming the parameter', async () => {
    const soon = { ...sessionParams('booking-3'), expires_at: Math.floor(Date.now() / 1000) + 600 };
    const error = (await stripe.checkout.sessions
      .create(soon)
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param: 'expires_at' });
  });

  it('refuses a wrong secret key with 401, and an unknown parameter by name', async () => {
    const stranger = new Stripe('sk_test_wrong', { host: '127.0.0.1', port: standIn.port, protocol: 'http' });
    await expect(stranger.checkout.sessions.create(sessionParams('x'))).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
    const unknown = { ...sessionParams('x'), allow_promotion_codes: true };
    await expect(stripe.checkout.sessions.create(unknown)).rejects.toMatchObject({
      param: 'allow_promotion_codes',
    });
    // The easy slip of passing request options where the parameters go, as Stripe answers it:
    const slip = stripe.checkout.sessions.retrieve('cs_test_x', { stripeAccount: 'acct_A' } as never);
    await expect(slip).rejects.toMatchObject({ param: 'stripeAccount', code: 'parameter_unknown' });
  });

  it('completes a paid session with a succeeded PaymentIntent, its charge and balance transaction', async () => {
    const session = await paidSession('booking-4');
    const intent = session.payment_intent as Stripe.PaymentIntent;

    expect(session).toMatchObject({ status: 'complete', payment_status: 'paid', url: null });
    expect(intent).toMatchObject({
      object: 'payment_intent',
      amount: 1250,
      amount_received: 1250,
      currency: 'gbp',
      status: 'succeeded',
      metadata: { bookingId: 'booking-4' },
    });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({
      amount: 1250,
      amount_refunded: 0,
      refunded: false,
      payment_intent: intent.id,
    });
    const txn = await stripe.balanceTransactions.retrieve(charge.balance_transaction as string);
    expect(txn).toMatchObject({
      type: 'charge',
      amount: 1250,
      fee: 39,
      net: 1211,
      currency: 'gbp',
      source: charge.id,
    });
    expect(txn.available_on).toBeGreaterThan(txn.created);
  });

  it('refunds in part, then what is left, and refuses a third; the balance transactions show each with its sign', async () => {
    const account = 'acct_refunds';
    const session = await paidSession('booking-5', 1250, account);
    const intentId = (session.payment_intent as Stripe.PaymentIntent).id;
    const opts = { stripeAccount: account };

    const part = await stripe.refunds.create(
      { payment_intent: intentId, amount: 300, reason: 'requested_by_customer', metadata: { why: 'part' } },
      opts,
    );
    await expect(
      stripe.refunds.create({ payment_intent: intentId, amount: 5000 }, opts),
    ).rejects.toMatchObject({
      code: 'amount_too_large',
      param: 'amount',
    });
    const rest = await stripe.refunds.create({ payment_intent: intentId }, opts);
    await expect(stripe.refunds.create({ payment_intent: intentId }, opts)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'charge_already_refunded',
    });

    expect(part).toMatchObject({
      object: 'refund',
      amount: 300,
      status: 'succeeded',
      payment_intent: intentId,
    });
    expect(rest.amount).toBe(950);
    expect(await stripe.refunds.retrieve(rest.id, {}, opts)).toMatchObject({
      id: rest.id,
      charge: part.charge,
    });
    expect(await stripe.charges.retrieve(part.charge as string, {}, opts)).toMatchObject({
      amount_refunded: 1250,
      refunded: true,
    });

    const listed: Stripe.BalanceTransaction[] = [];
    for await (const txn of stripe.balanceTransactions.list({ limit: 2, expand: ['data.source'] }, opts)) {
      listed.push(txn);
    }
    expect(listed.map((t) => [t.type, t.amount, t.fee, t.net])).toEqual([
      ['refund', -950, 0, -950],
      ['refund', -300, 0, -300],
      ['charge', 1250, 39, 1211],
    ]);
    expect((listed[0]!.source as Stripe.Refund).id).toBe(rest.id);
    expect((listed[2]!.source as Stripe.Charge).object).toBe('charge');

    const refundsOnly = await stripe.balanceTransactions.list({ type: 'refund' }, opts);
    expect(refundsOnly.data).toHaveLength(2);
    const future = await stripe.balanceTransactions.list({ created: { gte: inAnHour() } }, opts);
    expect(future.data).toEqual([]);
  });

  it("keeps each connected account's objects to itself", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams('booking-6'), {
      stripeAccount: 'acct_A',
    });

    await expect(
      stripe.checkout.sessions.retrieve(session.id, {}, { stripeAccount: 'acct_B' }),
    ).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing', type: 'StripeInvalidRequestError' });
    await expect(stripe.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await stripe.checkout.sessions.retrieve(session.id, {}, { stripeAccount: 'acct_A' })).id).toBe(
      session.id,
    );
  });

  it('expires an open session through the API, and refuses to expire it twice', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams('booking-7'));
    expect((await stripe.checkout.sessions.expire(session.id)).status).toBe('expired');
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('shows planted mismatches in the balance transactions list', async () => {
    const account = 'acct_reconcile';
    const session = await paidSession('booking-8', 2000, account);
    const charge = await stripe.charges.retrieve(
      (session.payment_intent as Stripe.PaymentIntent).latest_charge as string,
      {},
      { stripeAccount: account },
    );
    standIn.control.plantMismatch({
      kind: 'amount',
      balanceTransactionId: charge.balance_transaction as string,
      amount: 1990,
    });
    const extra = standIn.control.plantMismatch({ kind: 'extra', account, amount: 700 });

    const listed = await stripe.balanceTransactions.list(
      { expand: ['data.source'] },
      { stripeAccount: account },
    );
    expect(listed.data.map((t) => [t.id, t.amount])).toEqual([
      [extra.id, 700],
      [charge.balance_transaction, 1990],
    ]);
    expect((listed.data[0]!.source as Stripe.Charge).object).toBe('charge');
    expect(standIn.control.balanceTransactions(account)).toHaveLength(2);
  });
});
