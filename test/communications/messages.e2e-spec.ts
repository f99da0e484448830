import { MikroORM } from '@mikro-orm/mysql';
import type { INestApplicationContext } from '@nestjs/common';
import { Membership } from '@rowan/access';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { RunDueFallbacksUseCase, ReleaseScheduledMessagesUseCase, smsSegments } from '@rowan/communications';
import { Contact, type Pupil, type School } from '@rowan/directory';
import { FixedClock } from '@rowan/kernel';
import { twilioSegments, type SesStandIn, type TwilioStandIn } from '@rowan/sandbox';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import { insertFamilies } from '../../scripts/lib/bulk-families';
import type { ApiStack } from '../support/api-stack';
import { startMessagingStack, type MessagingStack } from '../support/messaging-stack';
import { expectEventually as eventually } from '../support/eventually';

jest.setTimeout(60_000);

/**
 * The communications hub end to end: the real API and worker, the real Twilio and SES SDKs against the sandbox
 * stand-ins, signed callbacks back into the API, and the parent inbox.
 */
describe('messages: compose once, deliver by app, email or SMS', () => {
  let messaging: MessagingStack | undefined;
  let stack: ApiStack;
  let worker: INestApplicationContext;
  let twilio: TwilioStandIn;
  let ses: SesStandIn;
  const clock = new FixedClock(new Date());

  const as = (token: string) => ({
    post: (path: string, body: object = {}) =>
      stack.http().post(path).set('authorization', `Bearer ${token}`).send(body),
    get: (path: string) => stack.http().get(path).set('authorization', `Bearer ${token}`),
  });

  beforeAll(async () => {
    messaging = await startMessagingStack(clock);
    ({ stack, worker, twilio, ses } = messaging);
  });

  afterAll(() => messaging?.close());

  /** A school with no quiet hours (so the test behaves the same at any hour) and an office member. */
  async function school(fallbackAfterMinutes = 240) {
    clock.set(new Date());
    const s = await stack.make.school(await stack.make.trust());
    await stack.make.communicationSettings(s, { fallbackAfterMinutes, quietHours: null });
    const { user } = await stack.make.member('office', { school: s });
    return { school: s, office: await stack.token({ userId: user.identitySubject!, email: user.email }) };
  }

  const mobile = () => `+4477009${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`;

  /** A contact with an active parent account: reachable in the app; returns a token to read the inbox. */
  async function appParent(s: School, children: Pupil[], mobiles: string[] = [], emails: string[] = []) {
    const contact = await stack.make.contact(
      s,
      'Aisha',
      `Appuser ${randomUUID().slice(0, 4)}`,
      emails,
      mobiles,
    );
    for (const child of children) {
      await stack.make.link(child, contact, 'Mother');
    }
    const user = await stack.make.user('Aisha', 'Appuser');
    const em = stack.orm.em.fork();
    await em.nativeUpdate(Contact, { id: contact.id }, { userId: user.id }, { filters: false });
    em.persist(new Membership(v7(), user.id, s.trustId, s.id, 'parent', 'active', new Date(), new Date()));
    await em.flush();
    return {
      contact,
      token: await stack.token({ userId: user.identitySubject!, email: user.email, mfa: false }),
    };
  }

  const message = (
    policy: string,
    ncYears: number[],
    sms = 'Dear {{forename}}, {{children}}: trip on Friday.',
  ) => ({
    audience: { kind: 'contacts', ncYears },
    content: {
      app: { title: 'Trip on Friday', body: 'Hello {{forename}}, {{children}} goes on the trip.' },
      email: {
        subject: 'Trip on Friday for {{children}}',
        html: '<p>Hello {{forename}}</p>',
        text: 'Hello {{forename}}',
      },
      sms: { text: sms },
    },
    policy,
  });

  const smsTo = (number: string) => twilio.messages().filter((m) => m.to === number);
  const emailTo = (address: string) => ses.emails().filter((e) => e.to.includes(address));

  it('reaches app users in the inbox, email-only contacts by email and the rest by SMS, once per family', async () => {
    const { school: s, office } = await school();
    const [ada, eve, sam, tom, other] = [
      await stack.make.pupil(s, 'Ada', 'Lovelace', 5),
      await stack.make.pupil(s, 'Eve', 'Lovelace', 5),
      await stack.make.pupil(s, 'Sam', 'Smith', 5),
      await stack.make.pupil(s, 'Tom', 'Jones', 5),
      await stack.make.pupil(s, 'Year', 'Four', 4),
    ];
    const app = await appParent(s, [ada, eve], [mobile()], ['app.parent@example.test']);
    const emailOnly = await stack.make.contact(s, 'Emma', 'Mail', [`emma-${randomUUID()}@example.test`], []);
    await stack.make.link(sam, emailOnly);
    const smsNumber = mobile();
    const smsOnly = await stack.make.contact(s, 'Tariq', 'Text', [], [smsNumber]);
    await stack.make.link(tom, smsOnly);
    const notInYear = await stack.make.contact(s, 'Nia', 'Notme', [`nia-${randomUUID()}@example.test`], []);
    await stack.make.link(other, notInYear);

    const estimate = await as(office).post(
      `/api/v1/schools/${s.id}/messages/estimate`,
      message('cheapest', [5]),
    );
    expect(estimate.body).toMatchObject({
      recipients: 3,
      byChannel: { app: 1, email: 1, sms: 1 },
      unreachable: 0,
    });
    const sent = await as(office).post(`/api/v1/schools/${s.id}/messages`, message('cheapest', [5]));
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe('sending');

    await eventually(async () => {
      expect(emailTo(emailOnly.emails[0]!)).toHaveLength(1);
      expect(smsTo(smsNumber)).toHaveLength(1);
    });
    expect(emailTo(emailOnly.emails[0]!)[0]).toMatchObject({
      subject: 'Trip on Friday for Sam',
      text: 'Hello Emma',
    });
    const text = smsTo(smsNumber)[0]!;
    expect(text.body).toBe('Dear Tariq, Tom: trip on Friday.');
    expect(text.segments).toBe(estimate.body.smsSegments);
    expect(smsSegments(text.body).segments).toBe(twilioSegments(text.body).segments);
    expect(emailTo(notInYear.emails[0]!)).toHaveLength(0);
    expect(emailTo('app.parent@example.test')).toHaveLength(0);

    const inbox = await as(app.token).get('/api/v1/me/messages');
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        title: 'Trip on Friday',
        body: 'Hello Aisha, Ada and Eve goes on the trip.',
        read: false,
      }),
    ]);
    await eventually(async () => {
      const progress = (await as(office).get(`/api/v1/schools/${s.id}/messages/${sent.body.id}`)).body;
      expect(progress).toMatchObject({
        status: 'sent',
        progress: { app: { sent: 1 }, email: { delivered: 1 }, sms: { delivered: 1 } },
      });
    });
    const read = await as(app.token).post(`/api/v1/me/messages/${inbox.body.items[0].id}/read`);
    expect(read.body.read).toBe(true);
    const ledger = (await as(office).get(`/api/v1/schools/${s.id}/messages/${sent.body.id}/deliveries`)).body;
    expect(
      ledger.items
        .map((d: { recipientName: string; channel: string; state: string }) => [
          d.recipientName,
          d.channel,
          d.state,
        ])
        .sort(),
    ).toEqual(
      [
        [`Aisha ${app.contact.surname}`, 'app', 'read'],
        ['Emma Mail', 'email', 'delivered'],
        ['Tariq Text', 'sms', 'delivered'],
      ].sort(),
    );
    expect(ledger.items.find((d: { channel: string }) => d.channel === 'sms')).toMatchObject({
      providerRef: text.sid,
      segments: text.segments,
    });
  });

  it('falls back to SMS when an app message stays unread past the delay, but not once it is read', async () => {
    const { school: s, office } = await school(30);
    const [a, b] = [
      await stack.make.pupil(s, 'Una', 'Read', 3),
      await stack.make.pupil(s, 'Ria', 'Reader', 3),
    ];
    const unreadNumber = mobile();
    const readerNumber = mobile();
    await appParent(s, [a], [unreadNumber]);
    const reader = await appParent(s, [b], [readerNumber]);
    await as(office).post(`/api/v1/schools/${s.id}/messages`, message('cheapest', [3]));
    await eventually(async () =>
      expect((await as(reader.token).get('/api/v1/me/messages')).body.items).toHaveLength(1),
    );
    const item = (await as(reader.token).get('/api/v1/me/messages')).body.items[0];
    await as(reader.token).post(`/api/v1/me/messages/${item.id}/read`);
    const fallbacks = () =>
      inJobContext(worker.get(MikroORM), 'fallbacks', () => worker.get(RunDueFallbacksUseCase).execute());

    clock.set(new Date(Date.now() + 29 * 60_000));
    expect(await fallbacks()).toBe(0);
    clock.set(new Date(Date.now() + 31 * 60_000));
    expect(await fallbacks()).toBe(1);

    await eventually(async () => expect(smsTo(unreadNumber)).toHaveLength(1));
    expect(smsTo(readerNumber)).toHaveLength(0);
    clock.set(new Date());
  });

  it('falls back to SMS when an email bounces, and leaves an opted-out number alone', async () => {
    const { school: s, office } = await school();
    const [a, b] = [
      await stack.make.pupil(s, 'Bo', 'Bounce', 2),
      await stack.make.pupil(s, 'Otto', 'Optout', 2),
    ];
    const bounceNumber = mobile();
    const bouncing = await stack.make.contact(
      s,
      'Bea',
      'Bounce',
      ['bounce@simulator.amazonses.com'],
      [bounceNumber],
    );
    await stack.make.link(a, bouncing);
    const optedOut = mobile();
    const stopper = await stack.make.contact(s, 'Olly', 'Optout', [], [optedOut]);
    await stack.make.link(b, stopper);
    twilio.control.reject(optedOut, 21610);

    const sent = await as(office).post(`/api/v1/schools/${s.id}/messages`, message('cheapest', [2]));

    await eventually(async () => expect(smsTo(bounceNumber)).toHaveLength(1));
    expect(smsTo(optedOut)).toHaveLength(0);
    await eventually(async () => {
      const unreached = (await as(office).get(`/api/v1/schools/${s.id}/messages/${sent.body.id}/unreached`))
        .body;
      expect(unreached.items).toEqual([
        expect.objectContaining({ name: 'Olly Optout', reason: 'opted_out', children: ['Otto'] }),
      ]);
    });
    const again = await as(office).post(`/api/v1/schools/${s.id}/messages/estimate`, message('sms', [2]));
    expect(again.body).toMatchObject({ recipients: 2, byChannel: { sms: 1 }, unreachable: 1 });
  });

  it('sends a scheduled message at its time, and never a cancelled one', async () => {
    const { school: s, office } = await school();
    const pupil = await stack.make.pupil(s, 'Skye', 'Later', 1);
    const number = mobile();
    await stack.make.link(pupil, await stack.make.contact(s, 'Sol', 'Later', [], [number]));
    const at = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await as(office).post(`/api/v1/schools/${s.id}/messages`, {
      ...message('sms', [1]),
      scheduledFor: at,
    });
    const cancelled = await as(office).post(`/api/v1/schools/${s.id}/messages`, {
      ...message('sms', [1], 'Cancelled one'),
      scheduledFor: at,
    });
    expect([scheduled.body.status, cancelled.body.status]).toEqual(['scheduled', 'scheduled']);
    expect(
      (await as(office).post(`/api/v1/schools/${s.id}/messages/${cancelled.body.id}/cancel`)).body.status,
    ).toBe('cancelled');
    const release = () =>
      inJobContext(worker.get(MikroORM), 'release', () =>
        worker.get(ReleaseScheduledMessagesUseCase).execute(),
      );

    clock.set(new Date(Date.now() + 59 * 60_000));
    await release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smsTo(number)).toHaveLength(0);
    clock.set(new Date(Date.now() + 61 * 60_000));
    expect(await release()).toBeGreaterThanOrEqual(1);

    await eventually(async () => expect(smsTo(number)).toHaveLength(1));
    expect(smsTo(number)[0]!.body).toBe('Dear Sol, Skye: trip on Friday.');
    expect(
      (await as(office).post(`/api/v1/schools/${s.id}/messages/${scheduled.body.id}/cancel`)).status,
    ).toBe(409);
    clock.set(new Date());
  });

  it('holds a message above the approval threshold until a school admin approves it, and one over the SMS budget', async () => {
    const { school: s, office } = await school();
    await stack.make.communicationSettings(s, { quietHours: null, approvalThreshold: 1 });
    const numbers = [mobile(), mobile()];
    for (const [i, n] of numbers.entries()) {
      const p = await stack.make.pupil(s, `Ann${i}`, 'Approve', 7);
      await stack.make.link(p, await stack.make.contact(s, `Pat${i}`, 'Approve', [], [n]));
    }
    const sent = await as(office).post(`/api/v1/schools/${s.id}/messages`, message('sms', [7]));
    const url = `/api/v1/schools/${s.id}/messages/${sent.body.id}`;
    await eventually(async () =>
      expect((await as(office).get(url)).body).toMatchObject({
        status: 'pending_approval',
        estimate: { recipients: 2 },
      }),
    );
    expect(numbers.map((n) => smsTo(n).length)).toEqual([0, 0]);
    expect((await as(office).post(`${url}/approve`)).status).toBe(403);
    const { user } = await stack.make.member('school_admin', { school: s });
    const admin = await stack.token({ userId: user.identitySubject!, email: user.email });

    expect((await as(admin).post(`${url}/approve`)).body.status).toBe('sending');

    await eventually(async () => expect(numbers.map((n) => smsTo(n).length)).toEqual([1, 1]));
    await stack.make.communicationSettings(s, {
      quietHours: null,
      approvalThreshold: null,
      smsBudgetPence: 5,
    });
    const over = await as(admin).post(`/api/v1/schools/${s.id}/messages`, message('sms', [7], 'Over budget'));
    await eventually(async () =>
      expect((await as(admin).get(`/api/v1/schools/${s.id}/messages/${over.body.id}`)).body).toMatchObject({
        status: 'held',
        heldReason: expect.stringContaining('monthly SMS budget'),
      }),
    );
    expect(numbers.map((n) => smsTo(n).length)).toEqual([1, 1]);
  });

  it('lets a school admin set the sending rules, refusing impossible ones and changing nothing then', async () => {
    const { school: s, office } = await school();
    const { user } = await stack.make.member('school_admin', { school: s });
    const admin = await stack.token({ userId: user.identitySubject!, email: user.email });
    const url = `/api/v1/schools/${s.id}/communication-settings`;
    const rules = {
      fallbackAfterMinutes: 90,
      quietHours: { start: 20, end: 7 },
      smsBudgetPence: 2500,
      approvalThreshold: 300,
      smsSegmentPence: 5,
    };
    const put = (token: string, body: object) =>
      stack.http().put(url).set('authorization', `Bearer ${token}`).send(body);

    expect((await put(office, rules)).status).toBe(403);
    const bad = await put(admin, { ...rules, quietHours: { start: 25, end: 7 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('quietHours.start');
    expect((await as(office).get(url)).body).toMatchObject({ fallbackAfterMinutes: 240, quietHours: null });

    expect((await put(admin, rules)).body).toMatchObject(rules);
    expect((await as(office).get(url)).body).toMatchObject({ ...rules, trustSmsBudgetPence: null });
    const estimate = await as(office).post(`/api/v1/schools/${s.id}/messages/estimate`, message('sms', [9]));
    expect(estimate.body.smsCostPence).toBe(0);
  });

  it('refuses a status callback with a bad signature, changing nothing', async () => {
    const response = await stack
      .http()
      .post('/api/v1/webhooks/twilio/status?delivery=00000000-0000-0000-0000-000000000000')
      .set('x-twilio-signature', 'not-a-signature')
      .type('form')
      .send({ MessageSid: `SM${'0'.repeat(32)}`, MessageStatus: 'delivered' });

    expect(response.status).toBe(401);
    const unsigned = await stack.http().post('/api/v1/webhooks/ses').type('text/plain').send('{}');
    expect(unsigned.status).toBe(401);
  });

  it('keeps every text through a spell of 500s and 429s from Twilio, sending each once', async () => {
    const { school: s, office } = await school();
    const numbers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const p = await stack.make.pupil(s, `Kid${i}`, 'Retry', 6);
      const n = mobile();
      numbers.push(n);
      await stack.make.link(p, await stack.make.contact(s, `Par${i}`, 'Retry', [], [n]));
    }
    twilio.control.faults(500, { count: 3 });

    await as(office).post(`/api/v1/schools/${s.id}/messages`, message('sms', [6]));
    await eventually(async () => expect(numbers.map((n) => smsTo(n).length)).toEqual([1, 1, 1, 1]), 30_000);
    twilio.control.faults(429, { count: 2 });
    await as(office).post(`/api/v1/schools/${s.id}/messages`, message('sms', [6], 'Second one'));
    await eventually(async () => expect(numbers.map((n) => smsTo(n).length)).toEqual([2, 2, 2, 2]), 30_000);
  });

  it('never keeps an urgent message waiting behind a large routine one', async () => {
    const { school: big, office } = await school();
    const routine = await insertFamilies(stack.orm.em.fork().getConnection(), big.id, 1500, {
      ncYear: 3,
      hasEmail: () => false,
      tag: big.id.slice(-8),
    });
    const { school: other, office: otherOffice } = await school();
    const urgentNumber = mobile();
    const pupil = await stack.make.pupil(other, 'Ivy', 'Urgent', 3);
    await stack.make.link(pupil, await stack.make.contact(other, 'Una', 'Urgent', [], [urgentNumber]));
    twilio.control.latency(5);
    const routineSent = () => routine.filter((f) => smsTo(f.mobile!).length > 0).length;

    await as(office).post(`/api/v1/schools/${big.id}/messages`, message('sms', [3], 'Routine news'));
    await eventually(async () => expect(routineSent()).toBeGreaterThan(0), 30_000);
    await as(otherOffice).post(
      `/api/v1/schools/${other.id}/messages`,
      message('all', [3], 'School closed today'),
    );
    await eventually(async () => expect(smsTo(urgentNumber)).toHaveLength(1), 30_000);
    const routineWhenUrgentWent = routineSent();

    await eventually(async () => expect(routineSent()).toBe(routine.length), 60_000);
    twilio.control.latency(0);
    // The send queue runs 10 routine batches of 50 a second: the urgent text overtook most of them.
    expect(routineWhenUrgentWent).toBeLessThan(routine.length / 2);
  });

  it('stops emailing an address whose owner complained, and reaches them by SMS instead', async () => {
    const { school: s, office } = await school();
    const pupil = await stack.make.pupil(s, 'Cai', 'Complaint', 8);
    const number = mobile();
    await stack.make.link(
      pupil,
      await stack.make.contact(s, 'Carys', 'Complaint', ['complaint@simulator.amazonses.com'], [number]),
    );

    await as(office).post(`/api/v1/schools/${s.id}/messages`, message('cheapest', [8]));
    await eventually(async () => expect(emailTo('complaint@simulator.amazonses.com')).toHaveLength(1));
    await eventually(async () => {
      const estimate = await as(office).post(
        `/api/v1/schools/${s.id}/messages/estimate`,
        message('cheapest', [8]),
      );
      expect(estimate.body.byChannel).toEqual({ app: 0, email: 0, sms: 1 });
    });
    await as(office).post(`/api/v1/schools/${s.id}/messages`, message('cheapest', [8], 'By text now'));
    await eventually(async () => expect(smsTo(number).map((m) => m.body)).toEqual(['By text now']));
    expect(emailTo('complaint@simulator.amazonses.com')).toHaveLength(1);
  });
});
