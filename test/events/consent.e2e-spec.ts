import type { Pupil, School } from '@rowan/directory';
import { SystemClock } from '@rowan/kernel';
import { randomUUID } from 'node:crypto';
import type { ApiStack } from '../support/api-stack';
import { eventually } from '../support/eventually';
import { eventsKit } from '../support/events-kit';
import { startMessagingStack, type MessagingStack } from '../support/messaging-stack';

/**
 * Consent forms for trips with the real API and worker: answers are checked before a booking is written, kept
 * per booking and guardian and shown to staff; moving a published trip's date makes consent stale and asks the
 * booked families again through the hub.
 */
describe('events: consent forms', () => {
  let messaging: MessagingStack | undefined;
  let stack: ApiStack;

  beforeAll(async () => {
    messaging = await startMessagingStack(new SystemClock());
    ({ stack } = messaging);
  });
  afterAll(() => messaging?.close());

  const kit = eventsKit(() => stack);
  const { as, sql } = kit;

  /** The kit's school with a teacher's token too. */
  async function school() {
    const made = await kit.school();
    const teacher = (await stack.make.member('teacher', { school: made.school })).user;
    return {
      ...made,
      teacher: await stack.token({ userId: teacher.identitySubject!, email: teacher.email }),
    };
  }

  /** A parent with an account (so their messages go to the app) for this child; returns their token. */
  const parent = async (s: School, child: Pupil) => ({ token: await kit.parent(s, [child]) });

  const Q = { swim: randomUUID(), diet: randomUUID(), medical: randomUUID(), contact: randomUUID() };
  const QUESTIONS = [
    { id: Q.swim, kind: 'yes_no', label: 'May Sam swim?', required: true },
    { id: Q.diet, kind: 'choice', label: 'Diet', required: true, options: ['None', 'Vegetarian'] },
    { id: Q.medical, kind: 'medical_notes', label: 'Medical notes', required: false },
    {
      id: Q.contact,
      kind: 'emergency_contact_confirmation',
      label: 'Our contacts are right',
      required: true,
    },
  ];
  const ANSWERS = [
    { questionId: Q.swim, value: true },
    { questionId: Q.diet, value: 'Vegetarian' },
    { questionId: Q.medical, value: 'Inhaler for asthma' },
    { questionId: Q.contact, value: true },
  ];
  const startsAt = Date.now() + 7 * 86_400_000;
  const TRIP = {
    kind: 'trip',
    title: `Trip ${randomUUID().slice(0, 6)}`,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 6 * 3_600_000).toISOString(),
    capacity: 10,
    eligibility: { ncYears: [5] },
  };

  /** A published trip with the consent form; answers its events path. */
  async function tripWithForm(staff: string, s: School): Promise<string> {
    const created = await as(staff).post(`/api/v1/schools/${s.id}/events`, TRIP);
    expect(created.status).toBe(201);
    const events = `/api/v1/schools/${s.id}/events/${created.body.id}`;
    expect((await as(staff).put(`${events}/consent-form`, { questions: QUESTIONS })).status).toBe(200);
    expect((await as(staff).post(`${events}/publish`)).status).toBe(200);
    return events;
  }

  it('refuses a form with a choice without options, naming the question', async () => {
    const { school: s, staff } = await school();
    const created = await as(staff).post(`/api/v1/schools/${s.id}/events`, TRIP);
    const response = await as(staff).put(`/api/v1/schools/${s.id}/events/${created.body.id}/consent-form`, {
      questions: [
        QUESTIONS[0],
        { id: randomUUID(), kind: 'colour', label: 'Favourite', required: false },
        { id: randomUUID(), kind: 'choice', label: 'Lunch', required: true },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'questions[1].kind',
      'questions[2].options',
    ]);
  });

  it('writes no booking when a required question is unanswered; stores answers staff can read', async () => {
    const { school: s, staff, teacher } = await school();
    const sam = await stack.make.pupil(s, 'Sam', 'Swimmer', 5);
    const { token } = await parent(s, sam);
    const events = await tripWithForm(staff, s);
    const eventId = events.split('/').pop()!;

    const invitations = await as(token).get('/api/v1/me/invitations');
    expect(invitations.body.items[0].invitations[0]).toMatchObject({
      consent: 'missing',
      consentQuestions: [{ id: Q.swim }, { id: Q.diet }, { id: Q.medical }, { id: Q.contact }],
    });

    const refused = await as(token).post('/api/v1/me/bookings', {
      eventId,
      pupilId: sam.id,
      consent: { answers: ANSWERS.filter((a) => a.questionId !== Q.swim) },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: `consent.answers.${Q.swim}` })]);
    expect(await sql('select id from event_bookings where event_id = ?', [eventId])).toEqual([]);

    const booked = await as(token).post('/api/v1/me/bookings', {
      eventId,
      pupilId: sam.id,
      consent: { answers: ANSWERS },
    });
    expect(booked.status).toBe(201);
    const participants = await as(staff).get(`${events}/bookings`);
    expect(participants.body.items).toEqual([
      expect.objectContaining({ bookingId: booked.body.id, state: 'confirmed', consent: 'given' }),
    ]);
    const answers = await as(staff).get(`${events}/bookings/${booked.body.id}/consent`);
    expect(answers.status).toBe(200);
    expect(answers.body).toMatchObject({
      state: 'given',
      consents: [{ stale: false, givenAt: expect.any(String), answers: ANSWERS }],
    });
    const forTeacher = await as(teacher).get(`${events}/bookings/${booked.body.id}/consent`);
    expect(forTeacher.status).toBe(200);
    expect(forTeacher.body.consents[0].answers.map((a: { questionId: string }) => a.questionId)).toEqual([
      Q.swim,
      Q.diet,
      Q.contact,
    ]);
  });

  it('moving the trip makes consent stale, asks the booked parents again, and they confirm', async () => {
    const { school: s, staff } = await school();
    const [sam, una] = [
      await stack.make.pupil(s, 'Sam', 'Booked', 5),
      await stack.make.pupil(s, 'Una', 'Later', 5),
    ];
    const [booker, late] = [await parent(s, sam), await parent(s, una)];
    const events = await tripWithForm(staff, s);
    const eventId = events.split('/').pop()!;
    const booking = await as(booker.token).post('/api/v1/me/bookings', {
      eventId,
      pupilId: sam.id,
      consent: { answers: ANSWERS },
    });
    expect(booking.status).toBe(201);
    const unconsented = await as(late.token).post('/api/v1/me/bookings', { eventId, pupilId: una.id });
    expect(unconsented.status).toBe(201);
    const states = async () =>
      Object.fromEntries(
        (await as(staff).get(`${events}/bookings`)).body.items.map(
          (p: { pupilId: string; consent: string }) => [p.pupilId, p.consent],
        ),
      );
    expect(await states()).toEqual({ [sam.id]: 'given', [una.id]: 'missing' });

    const later = startsAt + 86_400_000;
    const moved = await as(staff).patch(events, {
      ...TRIP,
      startsAt: new Date(later).toISOString(),
      endsAt: new Date(later + 6 * 3_600_000).toISOString(),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.startsAt).toBe(new Date(later).toISOString());
    expect(await states()).toEqual({ [sam.id]: 'stale', [una.id]: 'missing' });
    expect((await as(booker.token).get('/api/v1/me/invitations')).body.items[0].invitations[0].consent).toBe(
      'stale',
    );
    expect((await as(staff).patch(events, { ...TRIP, capacity: 20 })).status).toBe(409);

    // The parents use the app, so the cheapest channel is their inbox.
    const asked = async (token: string) =>
      ((await as(token).get('/api/v1/me/messages')).body.items as { title: string }[]).filter((m) =>
        m.title.startsWith('Please confirm consent again'),
      );
    await eventually(async () => (await asked(booker.token)).length === 1 || undefined);
    expect(await asked(late.token)).toHaveLength(0);
    const form = await as(staff).get(`${events}/consent-form`);
    expect(form.body.reconsentMessageId).toEqual(expect.any(String));
    expect(
      (await as(staff).get(`/api/v1/schools/${s.id}/messages/${form.body.reconsentMessageId}`)).status,
    ).toBe(200);

    const confirmed = await as(booker.token).put(`/api/v1/me/bookings/${booking.body.id}/consent`, {
      answers: ANSWERS,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.state).toBe('given');
    const afterwards = await as(late.token).put(`/api/v1/me/bookings/${unconsented.body.id}/consent`, {
      answers: ANSWERS,
    });
    expect(afterwards.status).toBe(200);
    expect(await states()).toEqual({ [sam.id]: 'given', [una.id]: 'given' });
  });
});
