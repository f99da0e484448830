import type { Pupil, School } from '@rowan/directory';
import { SystemClock } from '@rowan/kernel';
import type { SesStandIn } from '@rowan/sandbox';
import { randomUUID } from 'node:crypto';
import type { ApiStack } from '../support/api-stack';
import { eventually } from '../support/eventually';
import { eventsKit } from '../support/events-kit';
import { startMessagingStack, type MessagingStack } from '../support/messaging-stack';

jest.setTimeout(90_000);

/**
 * Messages to an event's invitees with the real API, worker and SES stand-in: the composer's audience names a
 * published trip and which of its invitees (booked, waitlisted, not yet responded, consent outstanding), the
 * events context answers which pupils those are, and each family hears once, naming only its matching children.
 */
describe('communications: messages to an event’s invitees', () => {
  let messaging: MessagingStack | undefined;
  let stack: ApiStack;
  let ses: SesStandIn;

  beforeAll(async () => {
    messaging = await startMessagingStack(new SystemClock());
    ({ stack, ses } = messaging);
  });
  afterAll(() => messaging?.close());

  const { as, sql, school, parent } = eventsKit(() => stack);

  /** A parent with an app account and an email address, for these children: their token and address. */
  async function family(s: School, children: Pupil[]) {
    const email = `${randomUUID().slice(0, 8)}@families.test`;
    return { email, token: await parent(s, children, { email }) };
  }

  const startsAt = Date.now() + 7 * 86_400_000;
  const trip = (capacity: number) => ({
    kind: 'trip',
    title: `Trip ${randomUUID().slice(0, 6)}`,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 6 * 3_600_000).toISOString(),
    capacity,
    eligibility: { ncYears: [5] },
  });

  async function published(office: string, s: School, capacity: number, form?: object): Promise<string> {
    const created = await as(office).post(`/api/v1/schools/${s.id}/events`, trip(capacity));
    expect(created.status).toBe(201);
    const events = `/api/v1/schools/${s.id}/events/${created.body.id}`;
    if (form) {
      expect((await as(office).put(`${events}/consent-form`, form)).status).toBe(200);
    }
    expect((await as(office).post(`${events}/publish`)).status).toBe(200);
    return created.body.id as string;
  }

  const book = async (token: string, eventId: string, pupil: Pupil, extra: object = {}) => {
    const booked = await as(token).post('/api/v1/me/bookings', { eventId, pupilId: pupil.id, ...extra });
    expect(booked.status).toBe(201);
    return booked.body as { id: string; state: string };
  };

  /** An email-only message to the event's invitees, naming the children in the subject. */
  const toInvitees = (eventId: string, invitees: string, subject: string) => ({
    audience: { kind: 'contacts', contacts: 'all', eventInvitees: { eventId, invitees } },
    content: {
      email: { subject: `${subject} {{children}}`, html: '<p>Dear {{forename}}</p>', text: 'Dear' },
    },
    policy: 'email',
  });

  /** The subjects of the emails each address got that start with `subject`. */
  const subjectsFor = (addresses: readonly string[], subject: string) =>
    addresses.map((a) =>
      ses
        .emails()
        .filter((e) => e.to.includes(a) && e.subject.startsWith(subject))
        .map((e) => e.subject),
    );

  it('reaches exactly the booked families, and then exactly the others, naming only their matching children', async () => {
    const { school: s, staff: office } = await school('office');
    const [ada, ben, cal, dee, eve, fin] = await Promise.all(
      ['Ada', 'Ben', 'Cal', 'Dee', 'Eve', 'Fin'].map((n) => stack.make.pupil(s, n, 'Invited', 5)),
    );
    const gus = await stack.make.pupil(s, 'Gus', 'NotInvited', 4);
    const [adaHome, benHome, calHome, deeHome, twinsHome, gusHome] = [
      await family(s, [ada!]),
      await family(s, [ben!]),
      await family(s, [cal!]),
      await family(s, [dee!]),
      await family(s, [eve!, fin!]),
      await family(s, [gus]),
    ];
    const eventId = await published(office, s, 2);
    // Two places: Ada and Eve take them, Ben and Dee wait, and Dee leaves the waiting list again.
    await book(adaHome.token, eventId, ada!);
    await book(twinsHome.token, eventId, eve!);
    expect((await book(benHome.token, eventId, ben!)).state).toBe('waitlisted');
    const deeBooking = await book(deeHome.token, eventId, dee!);
    expect((await as(deeHome.token).post(`/api/v1/me/bookings/${deeBooking.id}/cancel`)).status).toBe(200);

    const listed = await as(office).get(`/api/v1/schools/${s.id}/events?status=published`);
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([eventId]);

    const estimate = (invitees: string) =>
      as(office).post(`/api/v1/schools/${s.id}/messages/estimate`, toInvitees(eventId, invitees, 'x'));
    expect((await estimate('booked')).body).toMatchObject({ recipients: 2, byChannel: { email: 2 } });
    expect((await estimate('waitlisted')).body.recipients).toBe(1);
    expect((await estimate('not_responded')).body.recipients).toBe(3);
    expect((await estimate('all')).body.recipients).toBe(5);

    const homes = [adaHome, benHome, calHome, deeHome, twinsHome, gusHome].map((h) => h.email);
    const sent = await as(office).post(
      `/api/v1/schools/${s.id}/messages`,
      toInvitees(eventId, 'booked', 'Kit list for'),
    );
    expect(sent.status).toBe(201);
    await eventually(async () => subjectsFor(homes, 'Kit list').flat().length === 2 || undefined);
    const reminder = await as(office).post(
      `/api/v1/schools/${s.id}/messages`,
      toInvitees(eventId, 'not_responded', 'Places left for'),
    );
    expect(reminder.status).toBe(201);
    await eventually(async () => subjectsFor(homes, 'Places left').flat().length === 3 || undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(subjectsFor(homes, 'Kit list')).toEqual([
      ['Kit list for Ada'],
      [],
      [],
      [],
      ['Kit list for Eve'],
      [],
    ]);
    expect(subjectsFor(homes, 'Places left')).toEqual([
      [],
      [],
      ['Places left for Cal'],
      ['Places left for Dee'],
      ['Places left for Fin'],
      [],
    ]);
  });

  it('finds the families whose consent is outstanding on a trip with a consent form', async () => {
    const { school: s, staff: office } = await school('office');
    const [sam, una, vic] = await Promise.all(
      ['Sam', 'Una', 'Vic'].map((n) => stack.make.pupil(s, n, 'Consent', 5)),
    );
    const [samHome, unaHome, vicHome] = [
      await family(s, [sam!]),
      await family(s, [una!]),
      await family(s, [vic!]),
    ];
    const question = randomUUID();
    const eventId = await published(office, s, 10, {
      questions: [{ id: question, kind: 'yes_no', label: 'May they swim?', required: true }],
    });
    const answers = [{ questionId: question, value: true }];
    await book(samHome.token, eventId, sam!, { consent: { answers } });
    await book(unaHome.token, eventId, una!);
    await book(vicHome.token, eventId, vic!);

    const sent = await as(office).post(
      `/api/v1/schools/${s.id}/messages`,
      toInvitees(eventId, 'consent_outstanding', 'Consent needed for'),
    );
    expect(sent.status).toBe(201);
    const homes = [samHome, unaHome, vicHome].map((h) => h.email);
    await eventually(async () => subjectsFor(homes, 'Consent needed').flat().length === 2 || undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(subjectsFor(homes, 'Consent needed')).toEqual([
      [],
      ['Consent needed for Una'],
      ['Consent needed for Vic'],
    ]);
  });

  it('refuses another school’s event, a draft, consent on a trip without a form, and an unknown filter, storing nothing', async () => {
    const { school: s, staff: office } = await school('office');
    await family(s, [await stack.make.pupil(s, 'Wyn', 'Local', 5)]);
    const other = await school('office');
    await family(other.school, [await stack.make.pupil(other.school, 'Xan', 'Foreign', 5)]);
    const foreign = await published(other.staff, other.school, 10);
    const mine = await published(office, s, 10);
    const draft = await as(office).post(`/api/v1/schools/${s.id}/events`, trip(10));
    const saved = await as(office).post(`/api/v1/schools/${s.id}/messages`, {
      ...toInvitees(mine, 'booked', 'Saved'),
      draft: true,
    });
    expect(saved.status).toBe(201);
    const messages = async () =>
      (await sql('select id from messages where school_id = ?', [s.id])) as unknown[];
    const before = (await messages()).length;
    const audits = await stack.make.auditCount({ schoolId: s.id });

    const cases: Array<[string, string, string]> = [
      [foreign, 'booked', 'audience.eventInvitees.eventId'],
      [foreign, 'all', 'audience.eventInvitees.eventId'],
      [draft.body.id as string, 'all', 'audience.eventInvitees.eventId'],
      [randomUUID(), 'all', 'audience.eventInvitees.eventId'],
      [mine, 'consent_outstanding', 'audience.eventInvitees.invitees'],
      [mine, 'maybe', 'audience.eventInvitees.invitees'],
      ['not-a-uuid', 'all', 'audience.eventInvitees.eventId'],
    ];
    for (const [eventId, invitees, field] of cases) {
      for (const path of ['messages', 'messages/estimate']) {
        const refused = await as(office).post(
          `/api/v1/schools/${s.id}/${path}`,
          toInvitees(eventId, invitees, 'Never'),
        );
        expect([eventId, path, refused.status]).toEqual([eventId, path, 400]);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    }
    // Nor can a saved draft be pointed at another school's event.
    const edit = await as(office).patch(`/api/v1/schools/${s.id}/messages/${saved.body.id}`, {
      ...toInvitees(foreign, 'booked', 'Saved'),
      draft: true,
    });
    expect(edit.status).toBe(400);
    expect(edit.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'audience.eventInvitees.eventId',
    ]);
    const kept = await as(office).get(`/api/v1/schools/${s.id}/messages/${saved.body.id}`);
    expect(kept.body.audience.eventInvitees).toEqual({ eventId: mine, invitees: 'booked' });
    // The foreign event's own pupils are not reachable through it either, combined with a local selector.
    const combined = await as(office).post(`/api/v1/schools/${s.id}/messages/estimate`, {
      ...toInvitees(foreign, 'all', 'Never'),
      audience: { kind: 'contacts', ncYears: [5], eventInvitees: { eventId: foreign, invitees: 'all' } },
    });
    expect(combined.status).toBe(400);
    expect((await messages()).length).toBe(before);
    expect(await stack.make.auditCount({ schoolId: s.id })).toBe(audits);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ses.emails().filter((e) => e.subject.startsWith('Never'))).toEqual([]);
  });
});
