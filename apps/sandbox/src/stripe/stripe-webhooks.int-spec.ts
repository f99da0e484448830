import Stripe from 'stripe';
import { SANDBOX_STRIPE, startStripeStandIn, type StripeStandIn } from './stripe-stand-in';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

const SECRET = 'whsec_test_secret';

describe('Stripe stand-in: signed webhooks, replays and the hosted checkout page', () => {
  let standIn: StripeStandIn;
  let receiver: WebhookReceiver;
  let stripe: Stripe;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    standIn = await startStripeStandIn({
      webhookUrl: receiver.url,
      webhookSecret: SECRET,
      webhookRetry: { attempts: 4, backoffMs: 5 },
    });
    stripe = new Stripe(SANDBOX_STRIPE.secretKey, {
      host: '127.0.0.1',
      port: standIn.port,
      protocol: 'http',
    });
  });
  afterAll(async () => {
    await standIn.close();
    await receiver.close();
  });
  beforeEach(() => {
    standIn.control.reset();
    receiver.received.length = 0;
  });

  const createSession = (stripeAccount?: string) =>
    stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            price_data: { currency: 'gbp', unit_amount: 1250, product_data: { name: 'Year 6 trip to York' } },
            quantity: 1,
          },
        ],
        success_url: 'https://rowan.test/paid?session={CHECKOUT_SESSION_ID}',
        cancel_url: 'https://rowan.test/cancelled',
        client_reference_id: 'booking-1',
        metadata: { bookingId: 'booking-1' },
        expires_at: Math.floor(Date.now() / 1000) + 3600,
      },
      stripeAccount ? { stripeAccount } : {},
    );

  const verified = () =>
    receiver.received.map(({ body, signature }) => stripe.webhooks.constructEvent(body, signature, SECRET));

  it('posts signed events in order when a session is paid; a tampered body fails verification', async () => {
    const session = await createSession('acct_school');
    standIn.control.pay(session.id);
    await standIn.control.idle();

    const events = verified();
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'charge.succeeded',
      'checkout.session.completed',
    ]);
    const completed = events[2] as Stripe.CheckoutSessionCompletedEvent;
    expect(completed).toMatchObject({ object: 'event', account: 'acct_school', livemode: false });
    expect(completed.data.object).toMatchObject({
      id: session.id,
      status: 'complete',
      payment_status: 'paid',
    });
    expect(completed.data.object.payment_intent).toMatch(/^pi_/);

    const { body, signature } = receiver.received[2]!;
    const tampered = body.replace('"paid"', '"unpaid"');
    expect(() => stripe.webhooks.constructEvent(tampered, signature, SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('sends payment_failed for a decline, expired for an expiry, and refund events for a refund', async () => {
    const declined = await createSession();
    standIn.control.decline(declined.id);
    standIn.control.expire(declined.id);
    const paid = await createSession();
    standIn.control.pay(paid.id);
    await stripe.refunds.create({
      payment_intent: (await stripe.checkout.sessions.retrieve(paid.id)).payment_intent as string,
      amount: 500,
    });
    await standIn.control.idle();

    expect(verified().map((e) => e.type)).toEqual([
      'payment_intent.payment_failed',
      'checkout.session.expired',
      'payment_intent.succeeded',
      'charge.succeeded',
      'checkout.session.completed',
      'charge.refunded',
      'refund.created',
    ]);
    const failed = verified()[0] as Stripe.PaymentIntentPaymentFailedEvent;
    expect(failed.data.object.last_payment_error).toMatchObject({ code: 'card_declined' });
  });

  it('tries a failed delivery again, and holds deliveries back while paused', async () => {
    receiver.failNext(2);
    standIn.control.pauseDeliveries();
    standIn.control.pay((await createSession()).id);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(receiver.received).toHaveLength(0);

    standIn.control.resumeDeliveries();
    await standIn.control.idle();
    expect(verified()).toHaveLength(3);
    const deliveries = standIn.control.events().map((e) => e.deliveries[0]!);
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
    expect(deliveries.reduce((sum, d) => sum + d.attempts, 0)).toBe(5);

    standIn.control.failDeliveries(10);
    standIn.control.expire((await createSession()).id);
    await standIn.control.idle();
    expect(standIn.control.events()[3]!.deliveries[0]).toMatchObject({
      status: 'failed',
      attempts: 4,
      lastStatus: 500,
    });
  });

  it('replays every event three times, shuffled by a seed, each signed afresh', async () => {
    standIn.control.pay((await createSession()).id);
    await standIn.control.idle();
    receiver.received.length = 0;

    const sent = await standIn.control.replay({ times: 3, shuffle: true, seed: 'replay-1' });

    const events = verified();
    expect(sent).toBe(9);
    const ids = standIn.control.events().map((e) => e.id);
    for (const id of ids) {
      expect(events.filter((e) => e.id === id)).toHaveLength(3);
    }
    expect(events.map((e) => e.id)).not.toEqual([...ids, ...ids, ...ids]);
    expect(standIn.control.events()[0]!.deliveries).toHaveLength(4);
  });

  it('records events without posting them when there is no webhook URL', async () => {
    standIn.control.setWebhookUrl(null);
    try {
      standIn.control.expire((await createSession()).id);
      await standIn.control.idle();
      expect(receiver.received).toHaveLength(0);
      expect(standIn.control.events()[0]).toMatchObject({ type: 'checkout.session.expired' });
      expect(standIn.control.events()[0]!.deliveries[0]!.status).toBe('unsent');
    } finally {
      standIn.control.setWebhookUrl(receiver.url);
    }
  });

  it('serves a hosted page: Decline keeps it open, Pay redirects 303 to success_url with the session id', async () => {
    const session = await createSession();
    const page = await fetch(session.url!);
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('£12.50');
    expect(html).toContain('Year 6 trip to York');
    expect(html).toContain('name="viewport"');

    const declined = await fetch(`${session.url}/decline`, { method: 'POST', redirect: 'manual' });
    expect(declined.status).toBe(303);
    const again = await fetch(new URL(declined.headers.get('location')!, standIn.url));
    expect(await again.text()).toContain('Your card was declined');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    const paid = await fetch(`${session.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`https://rowan.test/paid?session=${session.id}`);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ payment_status: 'paid' });
    expect(await (await fetch(`${standIn.url}/checkout/${session.id}`)).text()).toContain('Payment complete');
  });

  it('sends Cancel back to cancel_url, and says when a session has expired', async () => {
    const session = await createSession();
    const cancelled = await fetch(`${session.url}/cancel`, { method: 'POST', redirect: 'manual' });
    expect(cancelled.headers.get('location')).toBe('https://rowan.test/cancelled');

    await stripe.checkout.sessions.expire(session.id);
    expect(await (await fetch(`${standIn.url}/checkout/${session.id}`)).text()).toContain('Checkout expired');
  });

  it('offers the same controls over HTTP, and a demo page listing what happened', async () => {
    const session = await createSession('acct_http');
    const post = (path: string, body: unknown) =>
      fetch(`${standIn.url}/sandbox/stripe${path}`, { method: 'POST', body: JSON.stringify(body) });

    expect((await post('/pay', { sessionId: session.id })).status).toBe(200);
    expect((await post('/idle', {})).status).toBe(200);
    const events = (await (await fetch(`${standIn.url}/sandbox/stripe/events`)).json()) as {
      events: Array<{ type: string }>;
    };
    expect(events.events.map((e) => e.type)).toContain('checkout.session.completed');
    const txns = (await (
      await fetch(`${standIn.url}/sandbox/stripe/balance-transactions?account=acct_http`)
    ).json()) as { balanceTransactions: Array<{ type: string }> };
    expect(txns.balanceTransactions.map((t) => t.type)).toEqual(['charge']);
    const demo = await (await fetch(`${standIn.url}/sandbox/stripe`)).text();
    expect(demo).toContain(session.id);
    expect(demo).toContain('checkout.session.completed');
  });
});
