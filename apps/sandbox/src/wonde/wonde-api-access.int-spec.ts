import type { WondePage, WondeStudent } from '@rowan/adapters/wonde/wonde-wire.types';
import { wondeGet } from './testing/wonde-test-client';
import { startWondeStandIn, type WondeStandIn } from './wonde-stand-in';

const oakfield = { id: 'A1000000001', token: 'oakfield-token', seed: 'oakfield', pupils: 60 };
const birchwood = {
  id: 'A1000000002',
  token: 'birchwood-token',
  seed: 'birchwood',
  pupils: 80,
  phase: 'secondary' as const,
};

describe('Wonde stand-in: tokens, unknown schools and rate limiting', () => {
  let wonde: WondeStandIn;
  const students = (schoolId: string) => `${wonde.url}schools/${schoolId}/students`;

  beforeAll(async () => {
    wonde = await startWondeStandIn({ schools: [oakfield, birchwood] });
  });
  afterAll(() => wonde.close());

  it("accepts each school's own bearer token, and Basic auth with the token as user name", async () => {
    expect((await wondeGet(students(oakfield.id), oakfield.token)).status).toBe(200);
    expect((await wondeGet(students(birchwood.id), birchwood.token)).status).toBe(200);
    const basic = await fetch(students(oakfield.id), {
      headers: { authorization: `Basic ${Buffer.from(`${oakfield.token}:`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
  });

  it('answers 401 with a JSON error for a missing, wrong or other school’s token', async () => {
    for (const token of [null, 'wrong', birchwood.token]) {
      const response = await wondeGet<{ error: string }>(students(oakfield.id), token);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body.error).toBe('invalid_token');
    }
  });

  it('answers 404 for an unknown school or endpoint', async () => {
    expect((await wondeGet(students('A9999999999'), oakfield.token)).status).toBe(404);
    expect((await wondeGet(`${wonde.url}schools/${oakfield.id}/lunch-menus`, oakfield.token)).status).toBe(
      404,
    );
  });

  it('rejects an updated_after that is not a date with 422', async () => {
    const response = await wondeGet(`${students(oakfield.id)}?updated_after=yesterday`, oakfield.token);
    expect(response.status).toBe(422);
  });

  it('answers every Nth request with 429 and Retry-After: 1 when rate limiting is on', async () => {
    const limited = await startWondeStandIn({ schools: [oakfield], rateLimit: { every: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await wondeGet<WondePage<WondeStudent>>(
          `${limited.url}schools/${oakfield.id}/students`,
          oakfield.token,
        );
        statuses.push(response.status);
        if (response.status === 429) {
          expect(response.headers.get('retry-after')).toBe('1');
        }
      }
      expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('turns rate limiting on and off over the control API', async () => {
    const control = (every: number | null) =>
      fetch(`${wonde.url.replace('/v1.0/', '')}/sandbox/wonde/rate-limit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ every }),
      });
    expect((await control(1)).status).toBe(200);
    expect((await wondeGet(students(oakfield.id), oakfield.token)).status).toBe(429);
    expect((await control(null)).status).toBe(200);
    expect((await wondeGet(students(oakfield.id), oakfield.token)).status).toBe(200);
    expect((await control(0)).status).toBe(400);
  });
});
