import { createHmac, randomUUID } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { eventsKit } from '../support/events-kit';
import { TEST_API_KEY, TEST_MIS_TOKEN_KEY } from '../support/test-env';

/**
 * The API's logs, captured from the real app at debug level, while requests carry every kind of credential:
 * a bearer token, provider signatures, basic auth, a cookie, tokens in the query string, a school's MIS token
 * in a body, and an error that is logged with its stack. The request lines are there; no secret is.
 */
describe('secrets never reach the logs', () => {
  const SECRETS = {
    STRIPE_SECRET_KEY: `sk_test_LogCanary${randomUUID().replace(/-/g, '')}`,
    STRIPE_WEBHOOK_SECRET: `whsec_LogCanary${randomUUID().replace(/-/g, '')}`,
    TWILIO_AUTH_TOKEN: `twilio-log-canary-${randomUUID()}`,
    SES_EVENTS_PASSWORD: `ses-log-canary-${randomUUID()}`,
    OPS_DASHBOARD_PASSWORD: `ops-log-canary-${randomUUID()}`,
  };
  const lines: string[] = [];
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack(
      {
        ...SECRETS,
        LOG_LEVEL: 'debug',
        // Nothing answers here: a checkout fails, and its error is logged with the stack.
        STRIPE_API_URL: 'http://127.0.0.1:9',
      },
      { logStream: { write: (line: string) => void lines.push(line) } },
    );
  });
  afterAll(() => stack?.close());

  const { as, school, parent } = eventsKit(() => stack);
  const requestLines = (path: string) =>
    lines
      .map((line) => JSON.parse(line) as { req?: { url?: string; headers?: Record<string, string> } })
      .filter((entry) => entry.req?.url?.startsWith(path));

  it('keeps every credential out, while logging each request', async () => {
    const { school: s, staff } = await school();
    const child = await stack.make.pupil(s, 'Ada', `Logs${randomUUID().slice(0, 4)}`, 5);
    const family = await parent(s, [child]);
    const startsAt = Date.now() + 14 * 86_400_000;
    const created = await as(staff).post(`/api/v1/schools/${s.id}/events`, {
      kind: 'trip',
      title: `Log trip ${randomUUID().slice(0, 6)}`,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3_600_000).toISOString(),
      capacity: 5,
      priceP: 1200,
      eligibility: { ncYears: [5] },
    });
    expect(created.status).toBe(201);
    expect((await as(staff).post(`/api/v1/schools/${s.id}/events/${created.body.id}/publish`)).status).toBe(
      200,
    );
    const account = `acct_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    expect(
      (
        await as(staff).put(`/api/v1/schools/${s.id}/payment-settings`, {
          stripeAccountId: account,
          cancellationRefund: 'full',
        })
      ).status,
    ).toBe(200);

    // A bearer token, with a cookie and tokens in the query string.
    const queryToken = `query-token-${randomUUID()}`;
    const code = `oauth-code-${randomUUID()}`;
    const me = await stack
      .http()
      .get(`/api/v1/me?token=${queryToken}&access_token=${queryToken}&code=${code}&page=2`)
      .set('authorization', `Bearer ${family}`)
      .set('cookie', `session=${queryToken}`);
    expect(me.status).toBe(200);

    // A school's MIS token in a body.
    const wondeToken = `wonde-school-token-${randomUUID()}`;
    const connected = await as(staff).put(`/api/v1/schools/${s.id}/mis-connection`, {
      wondeSchoolId: 'A1930499544',
      token: wondeToken,
    });
    expect(connected.status).toBe(200);

    // Webhooks, correctly signed with the configured secrets.
    const event = JSON.stringify({
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'customer.created',
      data: { object: {} },
    });
    const t = Math.floor(Date.now() / 1000);
    const stripeSignature = `t=${t},v1=${createHmac('sha256', SECRETS.STRIPE_WEBHOOK_SECRET).update(`${t}.${event}`).digest('hex')}`;
    const stripe = await stack
      .http()
      .post('/api/v1/webhooks/stripe')
      .set('content-type', 'application/json')
      .set('stripe-signature', stripeSignature)
      .send(event);
    expect(stripe.status).toBe(200);
    const form = { MessageSid: `SM${'0'.repeat(32)}`, MessageStatus: 'delivered' };
    const twilioPath = `/api/v1/webhooks/twilio/status?delivery=${randomUUID()}`;
    const twilioSignature = getExpectedTwilioSignature(
      SECRETS.TWILIO_AUTH_TOKEN,
      `${stack.config.PUBLIC_API_URL}${twilioPath}`,
      form,
    );
    const twilio = await stack
      .http()
      .post(twilioPath)
      .set('x-twilio-signature', twilioSignature)
      .type('form')
      .send(form);
    expect(twilio.status).toBe(204);
    const basic = Buffer.from(`${stack.config.SES_EVENTS_USERNAME}:${SECRETS.SES_EVENTS_PASSWORD}`).toString(
      'base64',
    );
    const ses = await stack
      .http()
      .post('/api/v1/webhooks/ses')
      .set('authorization', `Basic ${basic}`)
      .type('text/plain')
      .send('{}');
    expect(ses.status).toBe(204);

    // An error path: Stripe does not answer, and the API logs the failure with its stack.
    const booked = await as(family).post('/api/v1/me/bookings', {
      eventId: created.body.id,
      pupilId: child.id,
    });
    expect(booked.status).toBe(201);
    const checkout = await as(family).post(`/api/v1/me/bookings/${booked.body.id}/checkout`);
    expect(checkout.status).toBe(503);

    // The request lines are there, with the credentials' headers redacted and the query's tokens masked...
    const [meLine] = requestLines('/api/v1/me?');
    expect(meLine?.req).toMatchObject({
      url: '/api/v1/me?token=[Redacted]&access_token=[Redacted]&code=[Redacted]&page=2',
      headers: { authorization: '[Redacted]', cookie: '[Redacted]' },
    });
    expect(requestLines('/api/v1/webhooks/stripe')[0]?.req?.headers?.['stripe-signature']).toBe('[Redacted]');
    expect(requestLines('/api/v1/webhooks/twilio/status')[0]?.req?.headers?.['x-twilio-signature']).toBe(
      '[Redacted]',
    );
    expect(requestLines('/api/v1/webhooks/ses')[0]?.req?.headers?.authorization).toBe('[Redacted]');
    const failure = lines.find((line) => line.includes('"level":50') && line.includes('Stripe'));
    expect(failure).toContain('"stack"');

    // ...and no secret, configured or sent, appears anywhere in them.
    const log = lines.join('');
    for (const secret of [
      ...Object.values(SECRETS),
      TEST_API_KEY,
      TEST_MIS_TOKEN_KEY,
      family,
      staff,
      family.split('.')[2]!,
      queryToken,
      code,
      wondeToken,
      stripeSignature,
      twilioSignature,
      basic,
    ]) {
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    }
  }, 30_000);
});
