import { randomUUID } from 'node:crypto';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { eventsKit } from '../support/events-kit';

/**
 * The stricter limits on booking writes and on account routes, with their production defaults (30 and 20 a
 * minute): counted per signed-in user across all routes of a policy, answered with 429 problem+json and
 * Retry-After before anything is written.
 */
describe('per-user rate limits', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack({
      RATE_LIMIT_BOOKING_PER_MINUTE: '30',
      RATE_LIMIT_ACCOUNTS_PER_MINUTE: '20',
      REDIS_PREFIX: `rowan-test-rrl-${randomUUID().slice(0, 8)}`,
    });
  });
  afterAll(() => stack?.close());

  const { as, sql, school, parent } = eventsKit(() => stack);
  const startsAt = Date.now() + 7 * 86_400_000;

  async function published(staff: string, schoolId: string): Promise<string> {
    const created = await as(staff).post(`/api/v1/schools/${schoolId}/events`, {
      kind: 'trip',
      title: `Museum ${randomUUID().slice(0, 6)}`,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3_600_000).toISOString(),
      capacity: 5,
      eligibility: { ncYears: [5] },
    });
    expect(created.status).toBe(201);
    expect(
      (await as(staff).post(`/api/v1/schools/${schoolId}/events/${created.body.id}/publish`)).status,
    ).toBe(200);
    return created.body.id as string;
  }

  it('answers a parent’s 31st booking write in a minute with 429 and writes nothing; another parent books', async () => {
    const { school: s, staff } = await school();
    const [ada, bea] = [
      await stack.make.pupil(s, 'Ada', `Rush${randomUUID().slice(0, 4)}`, 5),
      await stack.make.pupil(s, 'Bea', `Calm${randomUUID().slice(0, 4)}`, 5),
    ];
    const [busy, calm] = [await parent(s, [ada]), await parent(s, [bea])];
    const events: string[] = [];
    for (let i = 0; i < 30; i++) {
      events.push(await published(staff, s.id));
    }

    // 30 writes on three routes of the policy: 28 bookings, a cancellation and a re-booking elsewhere.
    const booked: string[] = [];
    for (const eventId of events.slice(0, 28)) {
      const response = await as(busy).post('/api/v1/me/bookings', { eventId, pupilId: ada.id });
      expect(response.status).toBe(201);
      booked.push(response.body.id as string);
    }
    const first = booked[0]!;
    expect((await as(busy).post(`/api/v1/me/bookings/${first}/cancel`)).status).toBe(200);
    expect(
      (await as(busy).post('/api/v1/me/bookings', { eventId: events[28], pupilId: ada.id })).status,
    ).toBe(201);

    const refused = await stack
      .http()
      .post('/api/v1/me/bookings')
      .set('authorization', `Bearer ${busy}`)
      .set('origin', stack.config.WEB_ORIGIN)
      .send({ eventId: events[29], pupilId: ada.id });
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'HTTP.429', title: 'Too many requests' });
    expect(refused.body.detail).toContain('at most 30 booking changes a minute');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The web app (another origin) may read it.
    expect(refused.headers['access-control-expose-headers']).toContain('retry-after');
    expect(await sql('select id from event_bookings where event_id = ?', [events[29]])).toHaveLength(0);

    // The limit covers the policy's other routes, but not reading...
    expect((await as(busy).post(`/api/v1/me/bookings/${first}/cancel`)).status).toBe(429);
    expect((await as(busy).get('/api/v1/me/invitations')).status).toBe(200);
    // ...nor another parent, nor the staff.
    const other = await as(calm).post('/api/v1/me/bookings', { eventId: events[29], pupilId: bea.id });
    expect(other.status).toBe(201);
    expect(await sql('select pupil_id from event_bookings where event_id = ?', [events[29]])).toEqual([
      { pupil_id: bea.id },
    ]);
    expect((await as(staff).get(`/api/v1/schools/${s.id}/events/${events[29]}`)).status).toBe(200);
    // Some 90 requests: well within the minute, but more than Jest's default 5 s on a busy machine.
  }, 30_000);

  it('limits account routes per member of staff: the 21st MIS token check in a minute is refused', async () => {
    const { school: s, staff } = await school();
    const { school: t, staff: colleague } = await school();
    const connect = (token: string, schoolId: string, n: number) =>
      as(token).put(`/api/v1/schools/${schoolId}/mis-connection`, {
        wondeSchoolId: 'A1930499544',
        token: `wonde-token-attempt-${n}`,
      });
    for (let n = 1; n <= 20; n++) {
      expect((await connect(staff, s.id, n)).status).toBe(200);
    }
    const refused = await connect(staff, s.id, 21);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body.detail).toContain('at most 20 invitations or credential checks a minute');
    expect((await connect(colleague, t.id, 1)).status).toBe(200);
  });

  it('stops guessing the queue dashboard’s password: after 20 wrong ones, even the right one waits', async () => {
    const basic = (password: string) =>
      `Basic ${Buffer.from(`${stack.config.OPS_DASHBOARD_USER}:${password}`).toString('base64')}`;
    const right = basic(stack.config.OPS_DASHBOARD_PASSWORD);
    expect((await stack.http().get('/ops/queues').set('authorization', right)).status).toBe(200);
    for (let n = 1; n <= 20; n++) {
      const wrong = await stack
        .http()
        .get('/ops/queues')
        .set('authorization', basic(`guess-number-${n}`));
      expect(wrong.status).toBe(401);
    }
    const refused = await stack.http().get('/ops/queues').set('authorization', right);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  });
});
