import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/mysql';
import { v7 } from 'uuid';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { ApiConfig, loadConfig } from '@rowan/adapters/config/config';
import { startIdentityStandIn } from '@rowan/sandbox';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { migrate } from '../../scripts/migrate';
import { percentile, RushClient, type RushResult } from './http-rush';
import { seedFamilies, seedSchool } from './seed';

/**
 * bench/booking-rush: the real API app (Fastify, MariaDB, Redis, the sandbox identity provider) in this process,
 * listening on a port; the parents' phones in a worker thread. A 30-place club and a 300-slot parents' evening
 * (ten teachers) are published to 1,000 eligible Year 5 pupils; 1,000 parents, each with their own token, are
 * released at the same moment (one barrier) over real HTTP with keep-alive sockets, first against
 * `POST /api/v1/me/bookings`, then against the evening's `POST …/holds` (three or four parents to a slot), after
 * which the winners confirm. Prints confirmed bookings and slots (must equal the capacity), overbooked (must be
 * 0), 5xx (must be 0), p50/p95/p99 latency, requests per second, the ratio to the app's cheapest authenticated
 * route (`GET /api/v1/me`, rushed the same way with the same tokens in the same run), and the CPU each request
 * costs the API and MariaDB. `npm run bench:booking-rush [parents] [capacity]`.
 */
const APPLICATION_ID = '3c219e58-ed0e-4b18-ad48-f4f92793ae32';
const TENANT_ID = '8a6f5c1e-2b4d-4e7f-9a0b-1c2d3e4f5a6b';
const API_KEY = 'bench-api-key';
const WEB_ORIGIN = 'http://127.0.0.1:5173';
const PARENTS = Number(process.argv[2] ?? 1_000);
const CAPACITY = Number(process.argv[3] ?? 30);

async function main(): Promise<void> {
  const db = `rowan_bench_${Date.now().toString(36)}`;
  const databaseUrl = `${process.env.BENCH_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306'}/${db}`;
  await migrate(databaseUrl);
  const identity = await startIdentityStandIn({
    applicationId: APPLICATION_ID,
    tenantId: TENANT_ID,
    apiKey: API_KEY,
    webOrigin: WEB_ORIGIN,
  });
  const app = await createApiApp(
    loadConfig(ApiConfig, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '20',
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `rowan-bench-${db}`,
      FUSIONAUTH_URL: identity.issuer,
      FUSIONAUTH_API_KEY: API_KEY,
      FUSIONAUTH_TENANT_ID: TENANT_ID,
      OIDC_AUDIENCE: APPLICATION_ID,
      OIDC_ISSUER: identity.issuer,
      WEB_ORIGIN: WEB_ORIGIN,
      OPS_DASHBOARD_USER: 'ops',
      OPS_DASHBOARD_PASSWORD: 'operators-only-password',
      RATE_LIMIT_PER_MINUTE: '10000000',
      MIS_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64'),
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
      TWILIO_AUTH_TOKEN: 'bench-twilio-token',
      SES_EVENTS_USERNAME: 'ses-events',
      SES_EVENTS_PASSWORD: 'unused-ses-events-password',
      STRIPE_SECRET_KEY: 'sk_test_bench',
      STRIPE_WEBHOOK_SECRET: 'whsec_bench',
    }),
  );
  await app.listen({ port: 0, host: '127.0.0.1', backlog: 2048 });
  const address = app.getHttpServer().address();
  const base = new URL(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  const orm: MikroORM = app.get(MikroORM);
  const phones = new RushClient();
  try {
    const { school, admin } = await seedSchool(orm);
    const staffToken = await identity.mintToken({ userId: admin.subject, email: admin.email });
    const families = await seedFamilies(orm, school, PARENTS);
    const eventId = await publishClub(base, staffToken, school.id);
    const evening = await publishEvening(base, staffToken, school.id, await seedTeachers(orm, school.id, 10));
    const tokens = await Promise.all(
      families.map((f) => identity.mintToken({ userId: f.subject, email: f.email, mfa: false })),
    );

    // Warm up: every parent's socket opened and the JWKS fetched, as a live app would have them.
    await phones.rush(
      base,
      tokens.map((token) => ({ token, method: 'GET', path: '/api/v1/me', body: null })),
    );
    const profile = await startProfile();
    let cpu = cpuNow();
    const live = await phones.rush(
      base,
      tokens.map((token) => ({ token, method: 'GET', path: '/health/live', body: null })),
    );
    const liveCpu = cpuSince(cpu);
    cpu = cpuNow();
    const me = await phones.rush(
      base,
      tokens.map((token) => ({ token, method: 'GET', path: '/api/v1/me', body: null })),
    );
    const meCpu = cpuSince(cpu);
    cpu = cpuNow();
    const bookings = await phones.rush(
      base,
      families.map((f, i) => ({
        token: tokens[i]!,
        method: 'POST',
        path: '/api/v1/me/bookings',
        body: { eventId, pupilId: f.pupilId },
      })),
    );

    const bookingCpu = cpuSince(cpu);
    // The parents' evening: every parent goes for one slot at once, three or four to a slot (the popular
    // times fill first in real evenings too); the winners then confirm what they hold.
    cpu = cpuNow();
    const holds = await phones.rush(
      base,
      families.map((f, i) => ({
        token: tokens[i]!,
        method: 'POST',
        path: `/api/v1/me/parents-evenings/${evening.id}/holds`,
        body: { pupilId: f.pupilId, slotId: evening.slotIds[i % evening.slotIds.length]! },
      })),
    );
    const holdCpu = cpuSince(cpu);
    const holders = families.flatMap((_, i) => (holds.statuses[i] === 201 ? [tokens[i]!] : []));
    const confirms = await phones.rush(
      base,
      holders.map((token) => ({
        token,
        method: 'POST',
        path: `/api/v1/me/parents-evenings/${evening.id}/confirm`,
        body: null,
      })),
    );
    await profile.stop();
    const sql = orm.em.fork().getConnection();
    const [held] = (await sql.execute(
      "select count(*) as n from event_bookings where event_id = ? and state = 'confirmed'",
      [eventId],
    )) as Array<{ n: number | string }>;
    const confirmed = Number(held?.n ?? 0);
    const answeredConfirmed = bookings.bodies.filter(
      (b) => (b as { state?: string })?.state === 'confirmed',
    ).length;
    const rate = PARENTS / bookings.seconds;
    const meRate = PARENTS / me.seconds;
    const line = (label: string, value: string) => console.log(`${label.padEnd(36)}${value}`);
    line('parents (one token each)', `${PARENTS}, released together against a ${CAPACITY}-place club`);
    line(
      'confirmed bookings',
      `${confirmed} (answers saying confirmed: ${answeredConfirmed}; capacity ${CAPACITY})`,
    );
    line('overbooked', String(Math.max(0, confirmed - CAPACITY)));
    line('5xx', String(fives(bookings)));
    line('answers', summary(bookings));
    line('booking p50 / p95 / p99', latency(bookings));
    line('bookings per second', rate.toFixed(0));
    line(
      'GET /api/v1/me p50 / p95 / p99',
      `${latency(me)} (same ${PARENTS} tokens, same run; 5xx ${fives(me)})`,
    );
    line('GET /api/v1/me per second', meRate.toFixed(0));
    line('ratio (bookings/s to /me/s)', (rate / meRate).toFixed(2));
    line('CPU per booking: API / MariaDB', perRequest(bookingCpu, PARENTS));

    const [slotRows] = (await sql.execute(
      `select count(*) as n, count(distinct slot_id) as slots, sum(state = 'confirmed') as confirmed
         from parents_evening_appointments where event_id = ?`,
      [evening.id],
    )) as Array<{ n: number | string; slots: number | string; confirmed: number | string | null }>;
    const slotCount = evening.slotIds.length;
    const holdRate = PARENTS / holds.seconds;
    console.log('');
    line("parents' evening", `${slotCount} slots (${evening.teachers} teachers), ${PARENTS} parents at once`);
    line(
      'slots held, then confirmed',
      `${Number(slotRows?.n ?? 0)} held (answers 201: ${holders.length}); ${Number(slotRows?.confirmed ?? 0)} confirmed (answers 200: ${confirms.statuses.filter((x) => x === 200).length})`,
    );
    line('overbooked slots', String(Number(slotRows?.n ?? 0) - Number(slotRows?.slots ?? 0)));
    line('5xx (holds, confirms)', `${fives(holds)}, ${fives(confirms)}`);
    line('hold answers', summaryByStatus(holds));
    line('hold p50 / p95 / p99', latency(holds));
    line('holds per second', holdRate.toFixed(0));
    line('ratio (holds/s to /me/s)', (holdRate / meRate).toFixed(2));
    line('CPU per hold: API / MariaDB', perRequest(holdCpu, PARENTS));
    line('confirm p50 / p95 / p99', latency(confirms));
    console.log('');
    line('CPU per GET /me: API / MariaDB', perRequest(meCpu, PARENTS));
    line(
      'CPU per GET /health/live (public)',
      `${perRequest(liveCpu, PARENTS)}; ${(PARENTS / live.seconds).toFixed(0)}/s`,
    );
    console.log(
      'Goals: confirmed = capacity, 0 overbooked, 0 5xx, p99 under 100 ms, at least 1,000 bookings/s.',
    );
  } finally {
    await phones.close();
    await orm.em.getConnection().execute(`drop database if exists \`${db}\``);
    await app.close();
    await identity.close();
  }
}

/** Teachers in the directory, as an MIS sync would bring them. */
async function seedTeachers(orm: MikroORM, schoolId: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => v7());
  await orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into staff_members (id, school_id, mis_id, forename, surname, email, active, fingerprint, created_at, updated_at)
       values ${ids.map(() => "(?, ?, ?, 'Teacher', ?, null, 1, '', now(3), now(3))").join(', ')}`,
      ids.flatMap((id, i) => [id, schoolId, `T${i}`, `Number ${i + 1}`]),
    );
  return ids;
}

/**
 * A parents' evening for Year 5 a week ahead: each teacher free 16:00 to 18:30 in 5-minute slots (30 each, so
 * 300 for ten teachers), seeing every invited pupil; created and published through the API.
 */
async function publishEvening(
  base: URL,
  token: string,
  schoolId: string,
  staffIds: readonly string[],
): Promise<{ id: string; slotIds: string[]; teachers: number }> {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;
  const path = `/api/v1/schools/${schoolId}/parents-evenings`;
  const created = await call<{ id: string }>(base, token, 'POST', path, {
    title: 'Rush evening',
    slotMinutes: 5,
    mode: 'in_person',
    eligibility: { ncYears: [5] },
    teachers: staffIds.map((staffId) => ({ staffId, windows: [{ from: at('16:00'), to: at('18:30') }] })),
  });
  await call(base, token, 'POST', `/api/v1/schools/${schoolId}/events/${created.id}/publish`, {});
  const grid = await call<{ slots: Array<{ id: string }> }>(
    base,
    token,
    'GET',
    `${path}/${created.id}`,
    null,
  );
  return { id: created.id, slotIds: grid.slots.map((s) => s.id), teachers: staffIds.length };
}

async function call<T>(
  base: URL,
  token: string,
  method: string,
  path: string,
  body: object | null,
): Promise<T> {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status >= 300) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** A 30-place club for Year 5 (ten weekly sessions), created and published through the API. */
async function publishClub(base: URL, token: string, schoolId: string): Promise<string> {
  const week = 7 * 86_400_000;
  const first = Date.now() + week;
  const events = `/api/v1/schools/${schoolId}/events`;
  const club = await call<{ id: string }>(base, token, 'POST', events, {
    kind: 'club',
    title: 'Rush club',
    startsAt: new Date(first).toISOString(),
    sessions: Array.from({ length: 10 }, (_, i) => new Date(first + i * week).toISOString()),
    capacity: CAPACITY,
    eligibility: { ncYears: [5] },
  });
  await call(base, token, 'POST', `${events}/${club.id}/publish`, {});
  return club.id;
}

/**
 * CPU time, in microseconds, of the API's own thread (the rush client's thread excluded) and of the MariaDB
 * server (when it runs on this machine), read from /proc: on a shared machine this, not the wall clock, says what
 * a request costs.
 */
function cpuNow(): { api: number; db: number | null } {
  const ticks = (path: string) => {
    const fields = readFileSync(path, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100;
  };
  const db = mariadbPid();
  return { api: ticks(`/proc/self/task/${process.pid}/stat`), db: db ? ticks(`/proc/${db}/stat`) : null };
}

function cpuSince(start: { api: number; db: number | null }): { api: number; db: number | null } {
  const now = cpuNow();
  return { api: now.api - start.api, db: now.db !== null && start.db !== null ? now.db - start.db : null };
}

function mariadbPid(): string | null {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (/^(mariadbd|mysqld)$/.test(readFileSync(`/proc/${pid}/comm`, 'utf8').trim())) {
        return pid;
      }
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

function perRequest(cpu: { api: number; db: number | null }, n: number): string {
  const db = cpu.db === null ? 'not on this machine' : `${(cpu.db / n).toFixed(0)} µs`;
  return `${(cpu.api / n).toFixed(0)} µs / ${db}`;
}

/**
 * `BENCH_PROFILE=<file>` writes a CPU profile of the API's thread covering the measured rushes only (not the
 * seeding or the warm-up), for reading in Chrome's DevTools.
 */
async function startProfile(): Promise<{ stop(): Promise<void> }> {
  const file = process.env.BENCH_PROFILE;
  if (!file) {
    return { stop: async () => undefined };
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

const fives = (r: RushResult) => r.statuses.filter((s) => s >= 500).length;
const latency = (r: RushResult) =>
  [0.5, 0.95, 0.99].map((p) => `${percentile(r.latencies, p).toFixed(1)} ms`).join(' / ');
function summaryByStatus(r: RushResult): string {
  const counts = new Map<string, number>();
  r.bodies.forEach((b, i) => {
    const key = `${r.statuses[i]} ${(b as { code?: string } | null)?.code ?? ''}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts].map(([k, n]) => `${k}: ${n}`).join(', ');
}

function summary(r: RushResult): string {
  const counts = new Map<string, number>();
  r.bodies.forEach((b, i) => {
    const key = `${r.statuses[i]} ${(b as { state?: string } | null)?.state ?? ''}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts].map(([k, n]) => `${k}: ${n}`).join(', ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
