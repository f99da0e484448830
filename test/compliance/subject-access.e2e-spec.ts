import { FixedClock } from '@rowan/kernel';
import type { StripeStandIn } from '@rowan/sandbox';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import type { ApiStack } from '../support/api-stack';
import { eventually, expectEventually } from '../support/eventually';
import { eventsKit } from '../support/events-kit';
import { startPaymentsStack, type PaymentsStack } from '../support/payments-stack';

interface Section {
  key: string;
  category: string;
  title: string;
  description: string;
  columns: Array<{ key: string; label: string; type: string }>;
  rows: Array<Record<string, unknown>>;
}

/**
 * Subject access exports over the real API, worker and sandbox Stripe and SES: a pupil with two contacts,
 * characteristics, a paid trip booked with consent, and a message delivered to both contacts; what each export
 * holds, the readable page, who may export, and the audit record each export writes.
 */
describe('compliance: subject access export', () => {
  let payments: PaymentsStack | undefined;
  let stack: ApiStack;
  let stripe: StripeStandIn;

  beforeAll(async () => {
    payments = await startPaymentsStack(new FixedClock(new Date()));
    ({ stack, stripe } = payments);
  });
  afterAll(() => payments?.close());

  const kit = eventsKit(() => stack);
  const { as, sql } = kit;

  const Q = { swim: randomUUID(), diet: randomUUID() };
  const ANSWERS = [
    { questionId: Q.swim, value: true },
    { questionId: Q.diet, value: 'Vegetarian' },
  ];
  const startsAt = Date.now() + 14 * 86_400_000;
  const TRIP = {
    kind: 'trip',
    title: `Science Museum ${randomUUID().slice(0, 6)}`,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 6 * 3_600_000).toISOString(),
    capacity: 10,
    priceP: 2450,
    eligibility: { ncYears: [5] },
  };
  const SCRIPTED = '<script>alert("sar")</script>Vicious';

  const section = (body: { sections: Section[] }, key: string): Section => {
    const found = body.sections.find((s) => s.key === key);
    if (!found) {
      throw new Error(`No section ${key} in ${body.sections.map((s) => s.key).join(', ')}`);
    }
    return found;
  };
  const exportsOf = (targetId: string) =>
    sql(
      `select actor_id, target_type, summary from audit_records where action = 'subject_access.exported' and target_id = ?`,
      [targetId],
    ) as Promise<Array<{ actor_id: string; target_type: string; summary: string }>>;

  /** A paying school, its admin, office and teacher, and Ada's family and Bob's, all booked on a paid trip. */
  async function world() {
    const { school: s, staff: admin } = await kit.school();
    const saved = await as(admin).put(`/api/v1/schools/${s.id}/payment-settings`, {
      stripeAccountId: `acct_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      cancellationRefund: 'full',
    });
    expect(saved.status).toBe(200);
    const tokenOf = async (role: 'office' | 'teacher') => {
      const { user } = await stack.make.member(role, { school: s });
      return { user, token: await stack.token({ userId: user.identitySubject!, email: user.email }) };
    };
    const [office, teacher] = [await tokenOf('office'), await tokenOf('teacher')];

    const ada = await stack.make.pupil(s, 'Ada', `Lovelace${randomUUID().slice(0, 4)}`, 5);
    await sql(`update pupils set upn = 'A123456789012', registration_group = '5L' where id = ?`, [ada.id]);
    const patToken = await kit.parent(s, [ada]);
    const pat = (
      (await sql(
        `select c.id, c.forename, c.surname, c.user_id, c.emails from contacts c join pupil_contacts l on l.contact_id = c.id where l.pupil_id = ?`,
        [ada.id],
      )) as Array<{ id: string; forename: string; surname: string; user_id: string }>
    )[0]!;
    const sidEmail = `sid-${randomUUID().slice(0, 6)}@example.test`;
    const sid = await stack.make.contact(s, 'Sid', SCRIPTED, [sidEmail], []);
    await stack.make.link(ada, sid, 'Father');
    await stack.make.group(s, '5L', 'registration', [ada]);
    for (const [kind, from, to] of [
      ['pupil_premium', '2024-09-01', null],
      ['free_school_meals', '2023-09-01', '2024-08-31'],
    ]) {
      await sql(
        `insert into pupil_characteristics (id, school_id, pupil_id, kind, value, effective_from, effective_to)
         values (?, ?, ?, ?, 'yes', ?, ?)`,
        [v7(), s.id, ada.id, kind, from, to],
      );
    }
    const bob = await stack.make.pupil(s, 'Bob', `Other${randomUUID().slice(0, 4)}`, 5);
    const bobToken = await kit.parent(s, [bob]);

    const created = await as(admin).post(`/api/v1/schools/${s.id}/events`, TRIP);
    expect(created.status).toBe(201);
    const events = `/api/v1/schools/${s.id}/events/${created.body.id}`;
    const questions = [
      { id: Q.swim, kind: 'yes_no', label: 'May Ada swim?', required: true },
      { id: Q.diet, kind: 'choice', label: 'Diet', required: true, options: ['None', 'Vegetarian'] },
    ];
    expect((await as(admin).put(`${events}/consent-form`, { questions })).status).toBe(200);
    expect((await as(admin).post(`${events}/publish`)).status).toBe(200);

    const paid = async (token: string, pupilId: string, answers: object[]) => {
      const booked = await as(token).post('/api/v1/me/bookings', {
        eventId: created.body.id,
        pupilId,
        consent: { answers },
      });
      expect(booked.status).toBe(201);
      const opened = await as(token).post(`/api/v1/me/bookings/${booked.body.id}/checkout`);
      expect(opened.status).toBe(201);
      stripe.control.pay(decodeURIComponent(new URL(opened.body.url).pathname.split('/').pop()!));
      await expectEventually(async () =>
        expect(await sql('select state from event_bookings where id = ?', [booked.body.id])).toEqual([
          { state: 'confirmed' },
        ]),
      );
      return booked.body.id as string;
    };
    const adaBooking = await paid(patToken, ada.id, ANSWERS);
    const bobBooking = await paid(bobToken, bob.id, [
      { questionId: Q.swim, value: false },
      { questionId: Q.diet, value: 'None' },
    ]);
    await stripe.control.idle();

    // News to both of Ada's contacts: Pat reads it in the app, Sid's email is delivered.
    const news = await as(office.token).post(`/api/v1/schools/${s.id}/messages`, {
      audience: { kind: 'contacts', pupilIds: [ada.id], contacts: 'all' },
      content: {
        app: { title: 'Museum news for {{children}}', body: 'Hello {{forename}}' },
        email: { subject: 'Museum news for {{children}}', html: '<p>Hello</p>', text: 'Hello' },
        sms: { text: 'Museum news for {{children}}' },
      },
      policy: 'cheapest',
    });
    expect(news.status).toBe(201);
    const inbox = await eventually(async () => {
      const items = (await as(patToken).get('/api/v1/me/messages')).body.items as Array<{
        id: string;
        title: string;
      }>;
      return items.find((m) => m.title.startsWith('Museum news')) ?? undefined;
    });
    expect((await as(patToken).post(`/api/v1/me/messages/${inbox.id}/read`)).status).toBeLessThan(300);
    await expectEventually(async () =>
      expect(
        await sql(`select state from deliveries where address = ? and message_id = ?`, [
          sidEmail,
          news.body.id,
        ]),
      ).toEqual([{ state: 'delivered' }]),
    );

    return {
      s,
      admin,
      office,
      teacher,
      ada,
      pat,
      sid,
      sidEmail,
      bob,
      adaBooking,
      bobBooking,
      news: news.body.id as string,
    };
  }

  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  }, 60_000);

  const exportPath = (kind: string, id: string, schoolId = w.s.id) =>
    `/api/v1/schools/${schoolId}/subject-access/${kind}/${id}`;

  it('exports everything about a pupil, and nothing about another pupil, writing one audit record', async () => {
    const before = (await exportsOf(w.ada.id)).length;
    const response = await as(w.admin).get(exportPath('pupils', w.ada.id));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.body as {
      subject: object;
      school: object;
      generatedAt: string;
      sections: Section[];
    };
    expect(body.subject).toEqual({ kind: 'pupil', id: w.ada.id, name: `Ada ${w.ada.preferredSurname}` });
    expect(body.school).toEqual({ id: w.s.id, name: w.s.name });
    expect(new Date(body.generatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect([...new Set(body.sections.map((s) => s.category))]).toEqual([
      'Directory',
      'Events',
      'Payments',
      'Communications',
      'Access',
    ]);
    for (const s of body.sections) {
      expect(s.description.length).toBeGreaterThan(20);
    }

    expect(section(body, 'directory.pupil').rows).toEqual([
      expect.objectContaining({
        upn: 'A123456789012',
        legalForename: 'Ada',
        dateOfBirth: '2016-05-04',
        ncYear: 5,
        registrationGroup: '5L',
        enrolment: 'on_roll',
        leaveDate: null,
      }),
    ]);
    const contacts = section(body, 'directory.pupil_contacts').rows;
    expect(contacts).toHaveLength(2);
    expect(contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          contactId: w.pat.id,
          relationship: 'Mother',
          parentalResponsibility: true,
          hasRowanAccount: true,
        }),
        expect.objectContaining({
          contactId: w.sid.id,
          name: `Ms Sid ${SCRIPTED}`,
          relationship: 'Father',
          emails: w.sidEmail,
          hasRowanAccount: false,
        }),
      ]),
    );
    expect(section(body, 'directory.groups').rows).toEqual([
      { name: '5L', kind: 'registration', code: null, active: true },
    ]);
    expect(section(body, 'directory.characteristics').rows).toEqual([
      { kind: 'free_school_meals', value: 'yes', from: '2023-09-01', to: '2024-08-31' },
      { kind: 'pupil_premium', value: 'yes', from: '2024-09-01', to: null },
    ]);

    const patName = `Ms Pat ${w.pat.surname}`;
    expect(section(body, 'events.invitations').rows).toEqual([
      expect.objectContaining({ event: TRIP.title, kind: 'trip', startsAt: TRIP.startsAt }),
    ]);
    expect(section(body, 'events.bookings').rows).toEqual([
      expect.objectContaining({
        bookingId: w.adaBooking,
        event: TRIP.title,
        state: 'confirmed',
        bookedBy: patName,
      }),
    ]);
    expect(section(body, 'events.consents').rows).toEqual([
      expect.objectContaining({
        bookingId: w.adaBooking,
        answeredBy: patName,
        answers: 'May Ada swim?: Yes; Diet: Vegetarian',
        outOfDate: false,
      }),
    ]);
    expect(section(body, 'payments.due').rows).toEqual([
      expect.objectContaining({
        bookingId: w.adaBooking,
        amount: 2450,
        status: 'paid',
        paidAt: expect.any(String),
      }),
    ]);
    expect(
      section(body, 'payments.ledger')
        .rows.map((r) => [r.entry, r.amount])
        .sort(),
    ).toEqual([
      ['charge', 2450],
      ['payment', 2450],
    ]);

    const text = JSON.stringify(body);
    for (const other of [w.bob.id, w.bob.preferredSurname, w.bobBooking, 'May Ada swim?: No']) {
      expect(text).not.toContain(other);
    }
    const records = await exportsOf(w.ada.id);
    expect(records).toHaveLength(before + 1);
    expect(records.at(-1)).toEqual({
      actor_id: expect.any(String),
      target_type: 'pupil',
      summary: 'Subject access export (JSON)',
    });
  });

  it('exports a contact’s deliveries, inbox reads, children, bookings, payments and account', async () => {
    const sid = await as(w.admin).get(exportPath('contacts', w.sid.id));
    expect(sid.status).toBe(200);
    expect(section(sid.body, 'directory.children').rows).toEqual([
      expect.objectContaining({
        pupilId: w.ada.id,
        name: `Ada ${w.ada.preferredSurname}`,
        relationship: 'Father',
      }),
    ]);
    expect(section(sid.body, 'communications.deliveries').rows).toEqual([
      expect.objectContaining({ message: `Invitation: ${TRIP.title}`, channel: 'email', state: 'delivered' }),
      expect.objectContaining({
        messageId: w.news,
        message: 'Museum news for Ada',
        about: 'Ada',
        channel: 'email',
        address: w.sidEmail,
        state: 'delivered',
        deliveredAt: expect.any(String),
      }),
    ]);
    expect(section(sid.body, 'access.accounts').rows).toEqual([]);

    const pat = await as(w.admin).get(exportPath('contacts', w.pat.id));
    expect(pat.status).toBe(200);
    const deliveries = section(pat.body, 'communications.deliveries').rows;
    expect(deliveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          messageId: w.news,
          channel: 'app',
          address: w.pat.user_id,
          readAt: expect.any(String),
        }),
      ]),
    );
    expect(section(pat.body, 'events.bookings_made').rows).toEqual([
      expect.objectContaining({ bookingId: w.adaBooking, pupilId: w.ada.id, state: 'confirmed' }),
    ]);
    expect(section(pat.body, 'events.consents').rows).toEqual([
      expect.objectContaining({ bookingId: w.adaBooking, answers: 'May Ada swim?: Yes; Diet: Vegetarian' }),
    ]);
    expect(section(pat.body, 'payments.due').rows).toEqual([
      expect.objectContaining({ amount: 2450, status: 'paid' }),
    ]);
    expect(section(pat.body, 'access.accounts').rows).toEqual([
      expect.objectContaining({ userId: w.pat.user_id }),
    ]);
    expect(section(pat.body, 'access.memberships').rows).toEqual([
      expect.objectContaining({ role: 'parent', status: 'active', scope: 'This school' }),
    ]);
    expect(JSON.stringify(pat.body)).not.toContain(w.bobBooking);
  });

  it('exports a member of staff’s record, assignments and Rowan account', async () => {
    const staff = await stack.make.staffMember(w.s, 'Tess', 'Teacher', w.teacher.user.email);
    const eventId = (
      (await sql('select id from events where title = ?', [TRIP.title])) as Array<{ id: string }>
    )[0]!.id;
    const assigned = await as(w.admin).post(`/api/v1/schools/${w.s.id}/events/${eventId}/staff`, {
      staffId: staff.id,
      role: 'lead',
    });
    expect(assigned.status).toBe(200);
    const response = await as(w.admin).get(exportPath('staff', staff.id));
    expect(response.status).toBe(200);
    expect(section(response.body, 'directory.staff').rows).toEqual([
      expect.objectContaining({ forename: 'Tess', surname: 'Teacher', email: w.teacher.user.email }),
    ]);
    expect(section(response.body, 'events.staff_assignments').rows).toEqual([
      expect.objectContaining({ event: TRIP.title, role: 'lead' }),
    ]);
    expect(section(response.body, 'access.accounts').rows).toEqual([
      expect.objectContaining({ userId: w.teacher.user.id, email: w.teacher.user.email }),
    ]);
    expect(section(response.body, 'access.memberships').rows).toEqual([
      expect.objectContaining({ role: 'teacher' }),
    ]);
  });

  it('answers a readable, escaped HTML page, audited as HTML', async () => {
    const before = (await exportsOf(w.ada.id)).length;
    const response = await as(w.admin)
      .get(`${exportPath('pupils', w.ada.id)}?format=html`)
      .buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/,
    );
    const html = response.text;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<h1>Subject access export: Ada ${w.ada.preferredSurname}</h1>`);
    expect(html).toContain(w.s.name);
    expect(html).toContain('Generated');
    expect(html).toContain('&lt;script&gt;alert(&quot;sar&quot;)&lt;/script&gt;Vicious');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<th scope="col">Date of birth</th>');
    expect(html).toContain('£24.50');
    expect(html).toContain('May Ada swim?: Yes; Diet: Vegetarian');
    const records = await exportsOf(w.ada.id);
    expect(records).toHaveLength(before + 1);
    expect(records.at(-1)?.summary).toBe('Subject access export (HTML)');

    const bad = await as(w.admin).get(`${exportPath('pupils', w.ada.id)}?format=pdf`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('format');
  });

  it('refuses office and teacher (403), and answers 404 for a foreign school or an unknown subject, unaudited', async () => {
    const before = (await exportsOf(w.ada.id)).length;
    for (const token of [w.office.token, w.teacher.token]) {
      const refused = await as(token).get(exportPath('pupils', w.ada.id));
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    const other = await stack.make.school(await stack.make.trust());
    const foreignPupil = await stack.make.pupil(other, 'Fran', 'Foreign', 5);
    for (const path of [
      exportPath('pupils', w.ada.id, other.id),
      exportPath('pupils', foreignPupil.id),
      exportPath('pupils', v7()),
      exportPath('contacts', w.ada.id),
      exportPath('staff', w.pat.id),
    ]) {
      const missing = await as(w.admin).get(path);
      expect({ path, status: missing.status }).toEqual({ path, status: 404 });
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(missing.body)).not.toContain('Fran');
    }
    expect(await exportsOf(w.ada.id)).toHaveLength(before);
    expect(await exportsOf(foreignPupil.id)).toHaveLength(0);
  });
});
