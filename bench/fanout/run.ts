import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { MikroORM, RequestContext } from '@mikro-orm/mysql';
import { Actor } from '@rowan/access';
import { redisConnection } from '@rowan/adapters/bullmq/redis-connection';
import { loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import { enterTenantScope } from '@rowan/adapters/persistence/tenant-filter';
import { EmailSender, SendMessageUseCase, SmsSender } from '@rowan/communications';
import { School, Trust } from '@rowan/directory';
import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import { Queue, Worker } from 'bullmq';
import { v7 } from 'uuid';
import { createWorker } from '../../apps/worker/src/create-worker';
import { insertFamilies } from '../../scripts/lib/bulk-families';
import { migrate } from '../../scripts/migrate';
import { measureSdkFloor } from './sdk-floor';

/**
 * bench/fanout: one message to N recipients (default 50,000; one per family, 60% email-only, 40% SMS-only) with
 * the sandbox Twilio and SES answering at once in a child process (the providers are other machines in
 * production), API use case and worker in this process. Prints the send call's latency (p50/p95 over 30 calls:
 * the real one and 29 scheduled ones, as the call does the same work), the time until the audience is resolved
 * and stored, and until every delivery is handed to a provider, deliveries per second, the worker's peak memory,
 * and the ratio to a raw BullMQ addBulk plus no-op worker over as many jobs, measured in the same run.
 * `npm run bench:fanout [N]`.
 */
const N = Number(process.argv[2] ?? 50_000);
/** Jobs the baseline's no-op worker runs at once: as many as Rowan's two send queues (20 each). */
const CONCURRENCY = 40;

async function main(): Promise<void> {
  const db = `rowan_bench_${Date.now().toString(36)}`;
  const databaseUrl = `${process.env.BENCH_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306'}/${db}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await migrate(databaseUrl);
  const providers = await startProviders();
  const prefix = `rowan-bench-${db}`;
  const worker = await createWorker(
    loadConfig(WorkerConfig, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      FUSIONAUTH_URL: 'http://127.0.0.1:1',
      FUSIONAUTH_API_KEY: 'unused-key',
      OIDC_AUDIENCE: '3c219e58-ed0e-4b18-ad48-f4f92793ae32',
      MIS_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64'),
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
      TWILIO_AUTH_TOKEN: 'bench-twilio-token',
      TWILIO_API_URL: providers.twilio,
      SES_ENDPOINT: providers.ses,
      SES_EVENTS_PASSWORD: 'unused-ses-events-password',
      STRIPE_SECRET_KEY: 'sk_test_bench',
      STRIPE_WEBHOOK_SECRET: 'whsec_bench',
      PUBLIC_API_URL: 'http://127.0.0.1:1',
      DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '50',
      SMS_PER_SECOND: '1000000',
      EMAIL_PER_SECOND: '1000000',
      LOG_LEVEL: 'silent',
    }),
    { schedules: false },
  );
  const orm: MikroORM = worker.get(MikroORM);
  try {
    const baseline = await rawBullMq(redisUrl, `${prefix}-baseline`, N);
    const { school, actor } = await seed(orm, N);
    const send = worker.get(SendMessageUseCase);
    const latencies: number[] = [];
    const startRss = process.memoryUsage().rss;
    let peak = startRss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    let messageId = '';
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await RequestContext.create(orm.em, async () => {
        enterTenantScope(orm.em, { schoolIds: [school.id], trustIds: [school.trustId], operator: false });
        const sent = await send.execute({
          actor,
          schoolId: school.id,
          audience: {
            kind: 'contacts',
            ncYears: [5],
            groupIds: [],
            pupilIds: [],
            characteristics: [],
            contacts: 'all',
          },
          content: {
            app: { title: 'Bench', body: 'Hello {{forename}}' },
            email: {
              subject: 'Bench for {{children}}',
              html: '<p>Hello {{forename}}</p>',
              text: 'Hello {{forename}}',
            },
            sms: { text: 'Hello {{forename}}, {{children}} has a trip on Friday.' },
          },
          policy: 'cheapest',
          scheduledFor: i === 0 ? null : new Date(Date.now() + 86_400_000),
          draft: false,
          idempotencyKey: null,
        });
        messageId ||= sent.id;
      });
      latencies.push(performance.now() - t);
    }
    const stored = await waitUntilStored(orm, messageId);
    const storedSeconds = (performance.now() - started) / 1000;
    const cpuStored = process.cpuUsage(cpuAtStart);
    await waitUntilHandedOver(orm, messageId, stored);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
    clearInterval(sampler);
    const rate = N / seconds;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
    console.log(`recipients                         ${N}`);
    console.log(`send call p50 / p95                ${pct(0.5).toFixed(1)} ms / ${pct(0.95).toFixed(1)} ms`);
    console.log(`audience resolved and stored in    ${storedSeconds.toFixed(1)} s`);
    console.log(`all handed to providers in         ${seconds.toFixed(1)} s`);
    console.log(
      `worker CPU                         ${cpuSeconds(cpu).toFixed(1)} s (${cpuSeconds(cpuStored).toFixed(1)} s until stored; ${((cpuSeconds(cpu) / N) * 1e6).toFixed(0)} µs per delivery)`,
    );
    console.log(`deliveries per second              ${rate.toFixed(0)}`);
    console.log(
      `raw BullMQ addBulk + no-op jobs/s  ${baseline.toFixed(0)} (same run, concurrency ${CONCURRENCY})`,
    );
    console.log(`ratio                              ${(rate / baseline).toFixed(2)}`);
    console.log(
      `peak memory                        ${(peak / 1048576).toFixed(0)} MB (growth ${((peak - startRss) / 1048576).toFixed(0)} MB)`,
    );
    const recorded = await providers.count();
    console.log(
      `sandbox recorded                   ${recorded.sms} SMS (${recorded.segments} segments), ${recorded.emails} emails`,
    );
    // What the provider SDKs alone cost this process per delivery, for this run's mix of texts and emails.
    const floor = await measureSdkFloor(worker.get(SmsSender), worker.get(EmailSender), 5_000);
    const texts = recorded.sms / N;
    const sdkMicros = texts * floor.smsMicros + (1 - texts) * floor.emailMicros;
    console.log(
      `provider SDK CPU alone             ${floor.smsMicros.toFixed(0)} µs per text (Twilio, one call each), ${floor.emailMicros.toFixed(0)} µs per email (SES, bulk of 50)`,
    );
    console.log(
      `  for this mix                     ${sdkMicros.toFixed(0)} µs per delivery: at most ${(1e6 / sdkMicros).toFixed(0)} deliveries/s on one core, ratio ${(1e6 / sdkMicros / baseline).toFixed(2)}, before any of Rowan's own work`,
    );
    console.log('\nGoals: ratio at least 0.5; send call p95 under 200 ms whatever the audience size.');
  } finally {
    providers.child.kill('SIGTERM');
    await orm.em.getConnection().execute(`drop database if exists \`${db}\``);
    await worker.close();
  }
}

/** Jobs per second of BullMQ itself: addBulk in chunks, a worker that does nothing, until all are done. */
async function rawBullMq(redisUrl: string, prefix: string, count: number): Promise<number> {
  const connection = redisConnection(redisUrl);
  const queue = new Queue('baseline', { connection, prefix });
  let done = 0;
  const finished = new Promise<void>((resolve) => {
    const w = new Worker('baseline', async () => undefined, {
      connection,
      prefix,
      concurrency: CONCURRENCY,
    });
    w.on('completed', () => {
      if (++done === count) {
        void w.close().then(resolve);
      }
    });
  });
  const started = performance.now();
  for (let i = 0; i < count; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({ name: 'noop', data: { i: i + j } })),
    );
  }
  await finished;
  const rate = count / ((performance.now() - started) / 1000);
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}

/** A school with N Year 5 pupils, each with one contact: 60% email only, 40% SMS only. */
async function seed(orm: MikroORM, n: number): Promise<{ school: School; actor: Actor }> {
  const em = orm.em.fork();
  const trust = new Trust(v7() as TrustId, 'Bench Trust', new Date());
  const school = new School(v7() as SchoolId, trust.id, 'Bench Academy', '100001', new Date());
  await em.persist([trust, school]).flush();
  await em
    .getConnection()
    .execute(
      `insert into communication_settings (school_id, fallback_after_minutes, quiet_start, quiet_end, sms_budget_pence, approval_threshold, sms_segment_pence, updated_at) values (?, 240, null, null, null, null, 4, now(3))`,
      [school.id],
    );
  await insertFamilies(em.getConnection(), school.id, n, { ncYear: 5, hasEmail: (i) => i % 5 < 3 });
  const actor = new Actor(
    v7() as UserId,
    'bench@example.test',
    [{ role: 'school_admin', trustId: trust.id, schoolId: school.id }],
    false,
    true,
  );
  return { school, actor };
}

/**
 * Until the dispatch job has stored every recipient (the message is `sent` once the last part is stored and
 * queued); the email and SMS deliveries it made. Polls cheap, indexed queries, so that measuring takes little
 * from what is measured.
 */
async function waitUntilStored(orm: MikroORM, messageId: string): Promise<number> {
  const conn = orm.em.fork().getConnection();
  for (;;) {
    const [row] = await conn.execute<Array<{ status: string }>>('select status from messages where id = ?', [
      messageId,
    ]);
    if (row?.status === 'sent') {
      const [count] = await conn.execute<Array<{ n: number }>>(
        "select count(*) as n from deliveries where message_id = ? and channel <> 'app'",
        [messageId],
      );
      return Number(count?.n ?? 0);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Until none of the message's email and SMS deliveries is left queued. */
async function waitUntilHandedOver(orm: MikroORM, messageId: string, total: number): Promise<void> {
  const conn = orm.em.fork().getConnection();
  for (;;) {
    const [row] = await conn.execute<Array<{ queued: number }>>(
      "select count(*) as queued from deliveries where message_id = ? and state = 'queued'",
      [messageId],
    );
    if (total > 0 && Number(row?.queued ?? 1) === 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The sandbox providers in a child process: their URLs, and what they recorded. */
async function startProviders(): Promise<{
  twilio: string;
  ses: string;
  child: ChildProcess;
  count(): Promise<{ sms: number; segments: number; emails: number }>;
}> {
  const child = spawn(process.execPath, [path.join(__dirname, 'providers.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const next = async () => ((await once(lines, 'line')) as [string])[0];
  const urls = JSON.parse(await next()) as { twilio: string; ses: string };
  return {
    ...urls,
    child,
    count: async () => {
      const answer = next();
      child.stdin!.write('count\n');
      return JSON.parse(await answer) as { sms: number; segments: number; emails: number };
    },
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
