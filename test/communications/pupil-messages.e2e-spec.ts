import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import { Pupil, type School } from '@rowan/directory';
import { startSesStandIn, startTwilioStandIn, type SesStandIn, type TwilioStandIn } from '@rowan/sandbox';
import { randomUUID } from 'node:crypto';
import { createWorker } from '../../apps/worker/src/create-worker';
import { apiSettings, startApiStack, type ApiStack } from '../support/api-stack';
import { freePort } from '../support/browser';
import { expectEventually as eventually } from '../support/eventually';
import { TEST_SES_EVENTS, TEST_TWILIO } from '../support/test-env';

jest.setTimeout(60_000);

/**
 * Messages to pupils themselves, end to end: the real API and worker, SES and Twilio stand-ins. Pupils are reached
 * by their own school email only; their parents are never texted or emailed by a message to pupils.
 */
describe('messages to pupils', () => {
  let stack: ApiStack;
  let worker: INestApplicationContext;
  let twilio: TwilioStandIn;
  let ses: SesStandIn;

  const as = (token: string) => ({
    post: (path: string, body: object = {}) =>
      stack.http().post(path).set('authorization', `Bearer ${token}`).send(body),
    get: (path: string) => stack.http().get(path).set('authorization', `Bearer ${token}`),
  });

  beforeAll(async () => {
    const port = await freePort();
    const api = `http://127.0.0.1:${port}`;
    twilio = await startTwilioStandIn({ ...TEST_TWILIO, callbackDelayMs: 10 });
    ses = await startSesStandIn({
      eventsTarget: { url: `${api}/api/v1/webhooks/ses`, ...TEST_SES_EVENTS },
      eventDelayMs: 10,
    });
    const providers = { PUBLIC_API_URL: api, TWILIO_API_URL: twilio.url, SES_ENDPOINT: ses.url };
    stack = await startApiStack(providers, { listen: true, port });
    worker = await createWorker(
      loadConfig(
        WorkerConfig,
        apiSettings(stack.identity, { ...providers, SMS_PER_SECOND: '500', EMAIL_PER_SECOND: '500' }),
      ),
      { schedules: false },
    );
  });

  afterAll(async () => {
    await twilio?.close();
    await ses?.close();
    await worker?.close();
    await stack?.close();
  });

  async function school() {
    const s = await stack.make.school(await stack.make.trust());
    await stack.make.communicationSettings(s, { quietHours: null });
    const { user } = await stack.make.member('office', { school: s });
    return { school: s, office: await stack.token({ userId: user.identitySubject!, email: user.email }) };
  }

  const address = (name: string) => `${name}.${randomUUID().slice(0, 8)}@pupils.school.test`;
  const pupil = (s: School, forename: string, surname: string, ncYear: number, email: string | null) =>
    stack.make.pupil(s, forename, surname, ncYear, email);

  const toYear9 = (kind = 'pupils') => ({
    audience: { kind, ncYears: [9] },
    content: {
      app: { title: 'Revision club', body: 'Hello {{forename}}' },
      email: {
        subject: 'Revision club, {{forename}}',
        html: '<p>Dear {{forename}} {{surname}}{{children}}{{title}}, see you on Friday.</p>',
        text: 'Dear {{forename}} {{surname}}{{children}}{{title}}, see you on Friday.',
      },
      sms: { text: 'Hello {{forename}}, revision club on Friday.' },
    },
    policy: 'cheapest',
  });

  const emailTo = (a: string) => ses.emails().filter((e) => e.to.includes(a));
  const smsTo = (n: string) => twilio.messages().filter((m) => m.to === n);

  it('reaches exactly the Year 9 pupils with an email, by email, and lists one without as not reached', async () => {
    const { school: s, office } = await school();
    const [adaMail, benMail, otherMail, leftMail] = ['ada', 'ben', 'yr8', 'left'].map(address);
    const ada = await pupil(s, 'Ada', 'Lovelace', 9, adaMail!);
    await pupil(s, 'Ben', 'Okafor', 9, benMail!);
    const cal = await pupil(s, 'Cal', 'Noemail', 9, null);
    await pupil(s, 'Dee', 'Yeareight', 8, otherMail!);
    const left = await pupil(s, 'Lee', 'Leaver', 9, leftMail!);
    await stack.orm.em.fork().nativeUpdate(Pupil, { id: left.id }, { enrolment: 'left' }, { filters: false });
    const parentMail = address('parent');
    const parentMobile = `+4477009${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`;
    for (const child of [ada, cal]) {
      await stack.make.link(
        child,
        await stack.make.contact(s, 'Pat', 'Parent', [parentMail], [parentMobile]),
      );
    }

    const estimate = await as(office).post(`/api/v1/schools/${s.id}/messages/estimate`, toYear9());
    expect(estimate.status).toBe(200);
    expect(estimate.body).toMatchObject({
      recipients: 3,
      byChannel: { app: 0, email: 2, sms: 0 },
      unreachable: 1,
      smsSegments: 0,
      smsCostPence: 0,
    });

    const sent = await as(office).post(`/api/v1/schools/${s.id}/messages`, toYear9());
    expect(sent.status).toBe(201);
    await eventually(async () => {
      const m = (await as(office).get(`/api/v1/schools/${s.id}/messages/${sent.body.id}`)).body;
      expect(m).toMatchObject({ status: 'sent', progress: { email: { delivered: 2 } } });
    });

    expect(emailTo(adaMail!)).toEqual([
      expect.objectContaining({
        to: [adaMail],
        subject: 'Revision club, Ada',
        text: 'Dear Ada Lovelace, see you on Friday.',
      }),
    ]);
    expect(emailTo(benMail!).map((e) => e.subject)).toEqual(['Revision club, Ben']);
    expect(emailTo(otherMail!)).toHaveLength(0);
    expect(emailTo(leftMail!)).toHaveLength(0);
    expect(emailTo(parentMail)).toHaveLength(0);
    expect(smsTo(parentMobile)).toHaveLength(0);

    const unreached = (await as(office).get(`/api/v1/schools/${s.id}/messages/${sent.body.id}/unreached`))
      .body;
    expect(unreached.items).toEqual([
      expect.objectContaining({
        kind: 'pupil',
        personId: cal.id,
        name: 'Cal Noemail',
        children: [],
        reason: 'no_contact',
      }),
    ]);
    const ledger = (await as(office).get(`/api/v1/schools/${s.id}/messages/${sent.body.id}/deliveries`)).body;
    expect(
      ledger.items
        .map((d: { recipientKind: string; recipientName: string; channel: string; address: string }) => [
          d.recipientKind,
          d.recipientName,
          d.channel,
          d.address,
        ])
        .sort(),
    ).toEqual([
      ['pupil', 'Ada Lovelace', 'email', adaMail],
      ['pupil', 'Ben Okafor', 'email', benMail],
    ]);

    // Still nothing to the parents once every callback is in.
    expect(emailTo(parentMail)).toHaveLength(0);
    expect(smsTo(parentMobile)).toHaveLength(0);
  });

  it('refuses an unknown audience kind as problem+json naming audience.kind, and records nothing', async () => {
    const { school: s, office } = await school();
    await pupil(s, 'Ada', 'Lovelace', 9, address('ada'));

    for (const path of ['messages/estimate', 'messages']) {
      const bad = await as(office).post(`/api/v1/schools/${s.id}/${path}`, toYear9('children'));
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['audience.kind']);
    }
    const list = await as(office).get(`/api/v1/schools/${s.id}/messages`);
    expect(list.body.items).toEqual([]);
  });
});
