import { MikroORM } from '@mikro-orm/mysql';
import type { INestApplicationContext } from '@nestjs/common';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { Message, ReleaseScheduledMessagesUseCase } from '@rowan/communications';
import type { School } from '@rowan/directory';
import { FixedClock } from '@rowan/kernel';
import type { SesStandIn } from '@rowan/sandbox';
import { randomUUID } from 'node:crypto';
import type { ApiStack } from '../support/api-stack';
import { startMessagingStack, type MessagingStack } from '../support/messaging-stack';
import { expectEventually as eventually } from '../support/eventually';

jest.setTimeout(60_000);

/**
 * The composer's audiences and edits end to end: classes and groups from the directory, named pupils, and a
 * scheduled message edited before it goes (the real API and worker, Twilio and SES stand-ins).
 */
describe('composer: audiences by group and by pupil, and editing before it goes', () => {
  let messaging: MessagingStack | undefined;
  let stack: ApiStack;
  let worker: INestApplicationContext;
  let ses: SesStandIn;
  const clock = new FixedClock(new Date());

  const as = (token: string) => ({
    post: (path: string, body: object = {}) =>
      stack.http().post(path).set('authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      stack.http().patch(path).set('authorization', `Bearer ${token}`).send(body),
    get: (path: string) => stack.http().get(path).set('authorization', `Bearer ${token}`),
  });

  beforeAll(async () => {
    messaging = await startMessagingStack(clock);
    ({ stack, worker, ses } = messaging);
  });

  afterAll(() => messaging?.close());

  async function school() {
    clock.set(new Date());
    const s = await stack.make.school(await stack.make.trust());
    await stack.make.communicationSettings(s, { quietHours: null });
    const { user } = await stack.make.member('office', { school: s });
    return { school: s, office: await stack.token({ userId: user.identitySubject!, email: user.email }) };
  }

  /** A pupil in year `year` with one contact reachable by email only; returns both and the address. */
  async function family(s: School, forename: string, year = 5) {
    const pupil = await stack.make.pupil(s, forename, `Family ${randomUUID().slice(0, 4)}`, year);
    const email = `${forename.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
    const contact = await stack.make.contact(s, `Parent of ${forename}`, 'Carer', [email], []);
    await stack.make.link(pupil, contact);
    return { pupil, contact, email };
  }

  const emailed = (address: string) => ses.emails().filter((e) => e.to.includes(address));

  const byEmail = (audience: object, subject = 'Class news for {{children}}') => ({
    audience: { kind: 'contacts', ...audience },
    content: { email: { subject, html: '<p>Dear {{forename}}</p>', text: 'Dear {{forename}}' } },
    policy: 'email',
  });

  it('lists the school’s classes and groups by kind, with members on roll, filtered and paged', async () => {
    const { school: s, office } = await school();
    const [a, b, c] = [await family(s, 'Ana'), await family(s, 'Ben'), await family(s, 'Cal')];
    await stack.make.group(s, '5C', 'registration', [a.pupil, b.pupil]);
    await stack.make.group(s, 'Maths Set 1', 'teaching', [a.pupil, c.pupil]);
    await stack.make.group(s, 'Maths Set 2', 'teaching', [b.pupil]);
    await stack.make.group(s, 'Oak House', 'house', []);
    const other = await stack.make.school(await stack.make.trust());
    await stack.make.group(other, 'Foreign 5C', 'registration', []);
    const url = `/api/v1/schools/${s.id}/groups`;

    const all = await as(office).get(url);
    expect(all.status).toBe(200);
    expect(
      all.body.items.map((g: { name: string; kind: string; members: number }) => [g.name, g.kind, g.members]),
    ).toEqual([
      ['5C', 'registration', 2],
      ['Maths Set 1', 'teaching', 2],
      ['Maths Set 2', 'teaching', 1],
      ['Oak House', 'house', 0],
    ]);
    const sets = await as(office).get(`${url}?kind=teaching&search=set%201`);
    expect(sets.body.items.map((g: { name: string }) => g.name)).toEqual(['Maths Set 1']);

    const first = await as(office).get(`${url}?limit=3`);
    expect(first.body.items).toHaveLength(3);
    const rest = await as(office).get(`${url}?limit=3&cursor=${first.body.nextCursor}`);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ name: 'Oak House' })], nextCursor: null });

    const bad = await as(office).get(`${url}?kind=club`);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors[0].field).toBe('kind');
  });

  it('sends to exactly the families of a group, and of named pupils', async () => {
    const { school: s, office } = await school();
    const [inClass, alsoInClass, named, outside] = [
      await family(s, 'Dee'),
      await family(s, 'Eli'),
      await family(s, 'Fay', 2),
      await family(s, 'Gus'),
    ];
    const group = await stack.make.group(s, '5C', 'registration', [inClass.pupil, alsoInClass.pupil]);
    const audience = { groupIds: [group.id], pupilIds: [named.pupil.id] };

    const estimate = await as(office).post(`/api/v1/schools/${s.id}/messages/estimate`, byEmail(audience));
    expect(estimate.body).toMatchObject({ recipients: 3, byChannel: { email: 3 }, unreachable: 0 });
    const byGroup = await as(office).post(
      `/api/v1/schools/${s.id}/messages/estimate`,
      byEmail({ groupIds: [group.id] }),
    );
    expect(byGroup.body.recipients).toBe(2);

    const sent = await as(office).post(`/api/v1/schools/${s.id}/messages`, byEmail(audience));
    expect(sent.status).toBe(201);
    await eventually(async () => {
      expect([inClass, alsoInClass, named].map((f) => emailed(f.email).length)).toEqual([1, 1, 1]);
    });
    expect(emailed(named.email)[0]).toMatchObject({
      subject: 'Class news for Fay',
      text: `Dear Parent of Fay`,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emailed(outside.email)).toHaveLength(0);
  });

  it('a group of another school reaches nobody', async () => {
    const { school: s, office } = await school();
    await family(s, 'Hal');
    const other = await stack.make.school(await stack.make.trust());
    const foreign = await family(other, 'Ivy');
    const group = await stack.make.group(other, '5C', 'registration', [foreign.pupil]);
    const estimate = await as(office).post(
      `/api/v1/schools/${s.id}/messages/estimate`,
      byEmail({ groupIds: [group.id] }),
    );
    expect(estimate.body.recipients).toBe(0);
  });

  it('sends a scheduled message as edited, and refuses to edit one that has gone, changing nothing', async () => {
    const { school: s, office } = await school();
    const [first, second] = [await family(s, 'Jo', 3), await family(s, 'Kit', 4)];
    const messages = `/api/v1/schools/${s.id}/messages`;
    const at = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await as(office).post(messages, {
      ...byEmail({ ncYears: [3] }, 'Before the edit'),
      scheduledFor: at,
    });
    expect(scheduled.body.status).toBe('scheduled');
    const url = `${messages}/${scheduled.body.id}`;
    const later = new Date(Date.now() + 2 * 3600_000).toISOString();

    // Bad input: 400 naming the field, and the message is as it was, with no audit record.
    const auditBefore = await stack.make.auditCount({ schoolId: s.id });
    const bad = await as(office).patch(url, {
      ...byEmail({ ncYears: [4] }, 'After the edit {{nickname}}'),
      scheduledFor: later,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['content.email.subject']);
    const past = await as(office).patch(url, {
      ...byEmail({ ncYears: [4] }),
      scheduledFor: '2020-01-01T09:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('scheduledFor');
    const unknown = await as(office).patch(url, { ...byEmail({ ncYears: [4] }), colour: 'red' });
    expect(unknown.body.errors[0].field).toBe('colour');
    expect((await as(office).get(url)).body).toMatchObject({
      status: 'scheduled',
      scheduledFor: at,
      audience: { ncYears: [3] },
      content: { email: { subject: 'Before the edit' } },
    });
    expect(await stack.make.auditCount({ schoolId: s.id })).toBe(auditBefore);

    const edited = await as(office).patch(url, {
      ...byEmail({ ncYears: [4] }, 'After the edit for {{children}}'),
      scheduledFor: later,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: scheduled.body.id, status: 'scheduled', scheduledFor: later });
    expect(await stack.make.auditCount({ schoolId: s.id, action: 'message.updated' })).toBe(1);

    const release = () =>
      inJobContext(worker.get(MikroORM), 'release', () =>
        worker.get(ReleaseScheduledMessagesUseCase).execute(),
      );
    clock.set(new Date(Date.now() + 90 * 60_000));
    await release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emailed(second.email)).toHaveLength(0);
    clock.set(new Date(Date.now() + 121 * 60_000));
    expect(await release()).toBeGreaterThanOrEqual(1);
    await eventually(async () => expect(emailed(second.email)).toHaveLength(1));
    expect(emailed(second.email)[0]!.subject).toBe('After the edit for Kit');
    expect(emailed(first.email)).toHaveLength(0);
    clock.set(new Date());

    await eventually(async () => expect((await as(office).get(url)).body.status).toBe('sent'));
    const auditAfterSend = await stack.make.auditCount({ schoolId: s.id });
    const tooLate = await as(office).patch(url, byEmail({ ncYears: [3] }, 'Too late'));
    expect(tooLate.status).toBe(409);
    expect(tooLate.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooLate.body.code).toBe('COMMUNICATIONS.NOT_EDITABLE');
    const row = await stack.orm.em.fork().findOne(Message, { id: scheduled.body.id }, { filters: false });
    expect(row).toMatchObject({
      status: 'sent',
      content: { email: { subject: 'After the edit for {{children}}' } },
    });
    expect(await stack.make.auditCount({ schoolId: s.id })).toBe(auditAfterSend);
  });

  it('turns a draft into a message that goes now, and will not edit one awaiting approval', async () => {
    const { school: s, office } = await school();
    const only = await family(s, 'Lia', 6);
    const messages = `/api/v1/schools/${s.id}/messages`;
    const draft = await as(office).post(messages, { ...byEmail({ ncYears: [6] }, 'Draft'), draft: true });
    expect(draft.body.status).toBe('draft');

    const sent = await as(office).patch(`${messages}/${draft.body.id}`, byEmail({ ncYears: [6] }, 'Now'));
    expect(sent.body.status).toBe('sending');
    await eventually(async () => expect(emailed(only.email)).toHaveLength(1));
    expect(emailed(only.email)[0]!.subject).toBe('Now');

    const { user } = await stack.make.member('office', { school: s });
    const pending = await stack.make.message(s, user.id, 'pending_approval');
    const refused = await as(office).patch(`${messages}/${pending.id}`, byEmail({ ncYears: [6] }));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('COMMUNICATIONS.NOT_EDITABLE');
  });
});
