import type { Pupil, School } from '@rowan/directory';
import { SystemClock } from '@rowan/kernel';
import type { SesStandIn } from '@rowan/sandbox';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import type { ApiStack } from '../support/api-stack';
import { eventually } from '../support/eventually';
import { eventsKit } from '../support/events-kit';
import { startMessagingStack, type MessagingStack } from '../support/messaging-stack';

const OFFER_SECONDS = 3;

/**
 * Trips and clubs with the real API and worker: publishing invites exactly the eligible pupils' parents through
 * the communications hub, the database never lets more bookings through than there are places, a freed place
 * goes down the waiting list, and a parent can book only for their own invited child.
 */
describe('events: invitations and booking that never overbooks', () => {
  let messaging: MessagingStack | undefined;
  let stack: ApiStack;
  let ses: SesStandIn;

  beforeAll(async () => {
    messaging = await startMessagingStack(new SystemClock(), undefined, {
      EVENT_OFFER_SECONDS: String(OFFER_SECONDS),
    });
    ({ stack, ses } = messaging);
  });
  afterAll(() => messaging?.close());

  const { as, sql, school, parent } = eventsKit(() => stack);

  async function pupilPremium(pupil: Pupil) {
    await sql(
      `insert into pupil_characteristics (id, school_id, pupil_id, kind, value, effective_from, effective_to)
       values (?, ?, ?, 'pupil_premium', 'yes', '2026-09-01', null)`,
      [v7(), pupil.schoolId, pupil.id],
    );
  }

  const trip = (capacity: number, eligibility: object = { ncYears: [5] }, extra: object = {}) => ({
    kind: 'trip',
    title: `Trip ${randomUUID().slice(0, 6)}`,
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 7 * 86_400_000 + 6 * 3_600_000).toISOString(),
    capacity,
    eligibility,
    ...extra,
  });

  async function published(staff: string, s: School, body: object): Promise<string> {
    const created = await as(staff).post(`/api/v1/schools/${s.id}/events`, body);
    expect(created.status).toBe(201);
    const publish = await as(staff).post(`/api/v1/schools/${s.id}/events/${created.body.id}/publish`);
    expect(publish.status).toBe(200);
    return created.body.id as string;
  }

  const book = (token: string, eventId: string, pupilId: string, key?: string) =>
    as(token).post('/api/v1/me/bookings', { eventId, pupilId }, key ? { 'idempotency-key': key } : {});

  const bookingRows = async (eventId: string) =>
    (await sql('select state from event_bookings where event_id = ?', [eventId])) as Array<{ state: string }>;

  it('invites exactly the parents of Year 5 Pupil Premium pupils, through the hub', async () => {
    const { school: s, staff } = await school();
    const [ada, bea, cal] = [
      await stack.make.pupil(s, 'Ada', 'Invited', 5),
      await stack.make.pupil(s, 'Bea', 'NotPremium', 5),
      await stack.make.pupil(s, 'Cal', 'YearFour', 4),
    ];
    await pupilPremium(ada);
    await pupilPremium(cal);
    const emailOf = async (p: Pupil) => {
      const address = `${randomUUID().slice(0, 8)}@families.test`;
      await stack.make.link(p, await stack.make.contact(s, 'Em', 'Mail', [address], []));
      return address;
    };
    const [adaMail, beaMail, calMail] = [await emailOf(ada), await emailOf(bea), await emailOf(cal)];

    const rules = { ncYears: [5], characteristics: ['pupil_premium'] };
    const preview = await as(staff).post(`/api/v1/schools/${s.id}/events/eligible-preview`, rules);
    expect(preview.body).toMatchObject({ count: 1, pupils: [{ id: ada.id, forename: 'Ada', ncYear: 5 }] });

    const eventId = await published(staff, s, trip(10, rules));
    const event = await as(staff).get(`/api/v1/schools/${s.id}/events/${eventId}`);
    expect(event.body).toMatchObject({ status: 'published', invitationMessageId: expect.any(String) });
    expect((await as(staff).get(`/api/v1/schools/${s.id}/events/${eventId}/eligible`)).body.count).toBe(1);
    expect(await sql('select pupil_id from event_invitations where event_id = ?', [eventId])).toEqual([
      { pupil_id: ada.id },
    ]);

    await eventually(async () => ses.emails().some((e) => e.to.includes(adaMail)) || undefined);
    const message = await as(staff).get(`/api/v1/schools/${s.id}/messages/${event.body.invitationMessageId}`);
    expect(message.status).toBe(200);
    expect(ses.emails().filter((e) => e.to.includes(beaMail) || e.to.includes(calMail))).toHaveLength(0);
  });

  it('gives the last place to one of two racing parents and waitlists the other', async () => {
    const { school: s, staff } = await school();
    const [one, two] = [
      await stack.make.pupil(s, 'One', 'Racer', 5),
      await stack.make.pupil(s, 'Two', 'Racer', 5),
    ];
    const [p1, p2] = [await parent(s, [one]), await parent(s, [two])];
    const eventId = await published(staff, s, trip(1));
    const results = await Promise.all([book(p1, eventId, one.id), book(p2, eventId, two.id)]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results.map((r) => r.body.state).sort()).toEqual(['confirmed', 'waitlisted']);
    expect(results.find((r) => r.body.state === 'waitlisted')!.body.position).toBe(1);
  });

  it('confirms exactly 10 of a burst of 50 bookings for 10 places', async () => {
    const { school: s, staff } = await school();
    const families = [];
    for (let i = 0; i < 50; i++) {
      const child = await stack.make.pupil(s, `Kid${i}`, 'Burst', 5);
      families.push({ child, token: await parent(s, [child]) });
    }
    const eventId = await published(staff, s, trip(10));
    const results = await Promise.all(families.map((f) => book(f.token, eventId, f.child.id)));
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    const states = await bookingRows(eventId);
    expect(states.filter((b) => b.state === 'confirmed')).toHaveLength(10);
    expect(states.filter((b) => b.state === 'waitlisted')).toHaveLength(40);
    expect((await as(staff).get(`/api/v1/schools/${s.id}/events/${eventId}`)).body.taken).toBe(10);
  });

  it('offers a cancelled place to the first on the waiting list, who accepts; an expired offer passes on', async () => {
    const { school: s, staff } = await school();
    const kids = [
      await stack.make.pupil(s, 'First', 'Booker', 5),
      await stack.make.pupil(s, 'Second', 'Waiting', 5),
      await stack.make.pupil(s, 'Third', 'Waiting', 5),
    ];
    const tokens = [await parent(s, [kids[0]!]), await parent(s, [kids[1]!]), await parent(s, [kids[2]!])];
    const eventId = await published(staff, s, trip(1));
    const confirmed = await book(tokens[0]!, eventId, kids[0]!.id);
    const second = await book(tokens[1]!, eventId, kids[1]!.id);
    const third = await book(tokens[2]!, eventId, kids[2]!.id);
    expect([confirmed.body.state, second.body.position, third.body.position]).toEqual(['confirmed', 1, 2]);

    expect((await as(tokens[0]!).post(`/api/v1/me/bookings/${confirmed.body.id}/cancel`)).status).toBe(200);
    const invitations = await as(tokens[1]!).get('/api/v1/me/invitations');
    expect(invitations.body.items[0].invitations[0].booking).toMatchObject({
      id: second.body.id,
      state: 'offered',
      offerExpiresAt: expect.any(String),
    });
    // The second family lets the offer lapse: it passes to the third, who accepts in time.
    await eventually(
      async () => {
        const [row] = (await sql('select state from event_bookings where id = ?', [third.body.id])) as Array<{
          state: string;
        }>;
        return row?.state === 'offered' || undefined;
      },
      (OFFER_SECONDS + 10) * 1000,
    );
    const late = await as(tokens[1]!).post(`/api/v1/me/bookings/${second.body.id}/accept`);
    expect(late.status).toBe(409);
    const accepted = await as(tokens[2]!).post(`/api/v1/me/bookings/${third.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('confirmed');
    const participation = await as(staff).get(`/api/v1/schools/${s.id}/events/${eventId}/bookings`);
    expect(
      participation.body.items.map((p: { forename: string; state: string }) => [p.forename, p.state]),
    ).toEqual([
      ['First', 'cancelled'],
      ['Second', 'cancelled'],
      ['Third', 'confirmed'],
    ]);
    expect((await as(staff).get(`/api/v1/schools/${s.id}/events/${eventId}`)).body.taken).toBe(1);
  }, 30_000);

  it('lets staff cancel for a parent; the first on the waiting list accepts the offer at once', async () => {
    const { school: s, staff } = await school();
    const [a, b] = [
      await stack.make.pupil(s, 'Amy', 'Place', 5),
      await stack.make.pupil(s, 'Ben', 'Queue', 5),
    ];
    const [pa, pb] = [await parent(s, [a]), await parent(s, [b])];
    const eventId = await published(staff, s, trip(1));
    const held = await book(pa, eventId, a.id);
    const queued = await book(pb, eventId, b.id);
    const cancel = await as(staff).post(
      `/api/v1/schools/${s.id}/events/${eventId}/bookings/${held.body.id}/cancel`,
    );
    expect(cancel.body.state).toBe('cancelled');
    const accepted = await as(pb).post(`/api/v1/me/bookings/${queued.body.id}/accept`);
    expect(accepted.body).toMatchObject({ state: 'confirmed', position: null });
    expect(
      await as(pa)
        .post(`/api/v1/me/bookings/${queued.body.id}/accept`)
        .then((r) => r.status),
    ).toBe(404);
  });

  it('refuses another family’s child (404) and an ineligible child (403), writing nothing', async () => {
    const { school: s, staff } = await school();
    const [mine, theirs, young] = [
      await stack.make.pupil(s, 'Mine', 'Child', 5),
      await stack.make.pupil(s, 'Theirs', 'Child', 5),
      await stack.make.pupil(s, 'Young', 'Child', 3),
    ];
    const token = await parent(s, [mine, young]);
    await parent(s, [theirs]);
    const eventId = await published(staff, s, trip(5));
    const audits = await stack.make.auditCount();
    const foreign = await book(token, eventId, theirs.id);
    expect(foreign.status).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    const ineligible = await book(token, eventId, young.id);
    expect(ineligible.status).toBe(403);
    expect(ineligible.body.code).toBe('EVENTS.NOT_ELIGIBLE');
    expect(await bookingRows(eventId)).toEqual([]);
    expect(await stack.make.auditCount()).toBe(audits);
  });

  it('replays a booking for the same Idempotency-Key and refuses it for a different body', async () => {
    const { school: s, staff } = await school();
    const [a, b] = [await stack.make.pupil(s, 'Ida', 'Key', 5), await stack.make.pupil(s, 'Ivo', 'Key', 5)];
    const token = await parent(s, [a, b]);
    const eventId = await published(staff, s, trip(5));
    const first = await book(token, eventId, a.id, 'booking-key-1');
    const again = await book(token, eventId, a.id, 'booking-key-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await book(token, eventId, b.id, 'booking-key-1');
    expect(other.status).toBe(409);
    expect(await bookingRows(eventId)).toHaveLength(1);
  });

  it('cancels every booking and waiting-list place when staff call the event off, and tells those families', async () => {
    const { school: s, staff } = await school();
    const kids = [
      await stack.make.pupil(s, 'Una', 'Booked', 5),
      await stack.make.pupil(s, 'Vic', 'Booked', 5),
      await stack.make.pupil(s, 'Wyn', 'Waiting', 5),
      await stack.make.pupil(s, 'Xan', 'Invited', 5),
    ];
    const tokens: string[] = [];
    for (const kid of kids) {
      tokens.push(await parent(s, [kid]));
    }
    const body = trip(2);
    const eventId = await published(staff, s, body);
    for (const i of [0, 1, 2]) {
      expect((await book(tokens[i]!, eventId, kids[i]!.id)).status).toBe(201);
    }
    expect((await bookingRows(eventId)).map((b) => b.state).sort()).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);

    const cancelled = await as(staff).post(`/api/v1/schools/${s.id}/events/${eventId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', taken: 0 });
    expect((await bookingRows(eventId)).map((b) => b.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect((await book(tokens[3]!, eventId, kids[3]!.id)).status).not.toBe(201);

    const told = async (token: string) =>
      (
        (await as(token).get('/api/v1/me/messages')).body.items as Array<{ title: string; body: string }>
      ).filter((m) => m.title === `Cancelled: ${body.title}`);
    await eventually(async () => ((await told(tokens[2]!)).length === 1 ? true : undefined));
    for (const token of tokens.slice(0, 3)) {
      expect(await told(token)).toEqual([
        expect.objectContaining({ body: expect.stringContaining('cancelled') }),
      ]);
    }
    expect(await told(tokens[3]!)).toEqual([]);
  });

  it('gives one of two guardians booking the same child at once the place, and the other a 409', async () => {
    const { school: s, staff } = await school();
    const child = await stack.make.pupil(s, 'Yas', 'Shared', 5);
    const [mum, dad] = [await parent(s, [child]), await parent(s, [child])];
    const eventId = await published(staff, s, trip(5));
    const results = await Promise.all([book(mum, eventId, child.id), book(dad, eventId, child.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('EVENTS.ALREADY_BOOKED');
    expect(await bookingRows(eventId)).toEqual([{ state: 'confirmed' }]);
  });

  it('opens booking early to Pupil Premium pupils: the others wait for the window to end, and nothing is written', async () => {
    const { school: s, staff } = await school();
    const [premium, other] = [
      await stack.make.pupil(s, 'Prem', 'Early', 5),
      await stack.make.pupil(s, 'Otto', 'Later', 5),
    ];
    await pupilPremium(premium);
    const [pp, po] = [await parent(s, [premium]), await parent(s, [other])];
    const until = new Date(Date.now() + 2_500);
    const eventId = await published(
      staff,
      s,
      trip(5, { ncYears: [5] }, { priorityBookingUntil: until.toISOString() }),
    );
    const event = await as(staff).get(`/api/v1/schools/${s.id}/events/${eventId}`);
    expect(event.body.priorityBookingUntil).toBe(until.toISOString());

    const waiting = await book(po, eventId, other.id);
    expect(waiting.status).toBe(409);
    expect(waiting.body).toMatchObject({ code: 'EVENTS.NOT_OPEN_YET' });
    expect(waiting.body.detail).toContain('Otto');
    expect(await bookingRows(eventId)).toEqual([]);
    const invitations = await as(po).get('/api/v1/me/invitations');
    expect(invitations.body.items[0].invitations[0].opensAt).toBe(until.toISOString());
    const premiumView = await as(pp).get('/api/v1/me/invitations');
    expect(premiumView.body.items[0].invitations[0].opensAt).toBeNull();

    expect((await book(pp, eventId, premium.id)).body.state).toBe('confirmed');
    await new Promise((resolve) => setTimeout(resolve, until.getTime() - Date.now() + 50));
    expect((await book(po, eventId, other.id)).body.state).toBe('confirmed');
  });

  it('prices a club per term or per session and a trip per trip, refusing a mismatch with the field at fault', async () => {
    const { school: s, staff } = await school();
    const sessions = [1, 2, 3].map((w) => new Date(Date.now() + w * 7 * 86_400_000).toISOString());
    const club = (extra: object) => ({
      kind: 'club',
      title: 'Chess',
      sessions,
      capacity: 12,
      priceP: 300,
      eligibility: { ncYears: [5] },
      ...extra,
    });
    const events = `/api/v1/schools/${s.id}/events`;
    expect((await as(staff).post(events, club({}))).body.priceUnit).toBe('term');
    expect((await as(staff).post(events, club({ priceUnit: 'session' }))).body.priceUnit).toBe('session');
    expect((await as(staff).post(events, trip(5, { ncYears: [5] }, { priceP: 1500 }))).body.priceUnit).toBe(
      'event',
    );
    const before = await sql('select count(*) as n from events where school_id = ?', [s.id]);

    const perSessionTrip = await as(staff).post(
      events,
      trip(5, { ncYears: [5] }, { priceP: 1500, priceUnit: 'session' }),
    );
    expect(perSessionTrip.status).toBe(400);
    expect(perSessionTrip.body.errors).toEqual([
      { field: 'priceUnit', message: 'a trip is priced per trip' },
    ]);
    const badUnit = await as(staff).post(events, club({ priceUnit: 'week' }));
    expect(badUnit.status).toBe(400);
    expect(badUnit.body.errors[0].field).toBe('priceUnit');
    const lateWindow = await as(staff).post(
      events,
      trip(
        5,
        { ncYears: [5] },
        { priorityBookingUntil: new Date(Date.now() + 30 * 86_400_000).toISOString() },
      ),
    );
    expect(lateWindow.status).toBe(400);
    expect(lateWindow.body.errors[0]).toMatchObject({ field: 'priorityBookingUntil' });
    expect(await sql('select count(*) as n from events where school_id = ?', [s.id])).toEqual(before);
  });
});
