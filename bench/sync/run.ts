import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/mysql';
import { loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import { AesGcmSecretBox } from '@rowan/adapters/crypto/aes-gcm-secret-box.adapter';
import {
  MisConnection,
  RunMisSyncUseCase,
  School,
  SyncRun,
  Trust,
  emptyTally,
  type SyncMode,
} from '@rowan/directory';
import type { SchoolId, TrustId } from '@rowan/kernel';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { v7 } from 'uuid';
import { createWorker } from '../../apps/worker/src/create-worker';
import { migrate } from '../../scripts/migrate';
import { directoryRows, rawInsertBaseline } from './raw-insert-baseline';

/**
 * bench/sync: MIS sync from the sandbox Wonde server at 2k, 4k, 8k and 16k pupils (secondary schools, about
 * 1.75 contacts per pupil, 10% staff). For each: full-sync time, unchanged re-sync time, rows per second, the
 * ratio to a raw multi-row insert of the same rows measured in the same run, and peak memory growth of this
 * process (the Wonde stand-in runs in a child process). `npm run bench:sync [sizes…]`.
 */
const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const KEY = Buffer.alloc(32, 7).toString('base64');

async function main(): Promise<void> {
  const sizes = SIZES.length ? SIZES : [2000, 4000, 8000, 16000];
  const db = `rowan_bench_${Date.now().toString(36)}`;
  const databaseUrl = `${process.env.BENCH_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306'}/${db}`;
  await migrate(databaseUrl);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `rowan-bench-${db}`,
    FUSIONAUTH_URL: 'http://127.0.0.1:1',
    FUSIONAUTH_API_KEY: 'unused-key',
    OIDC_AUDIENCE: '3c219e58-ed0e-4b18-ad48-f4f92793ae32',
    MIS_TOKEN_KEY: KEY,
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
    TWILIO_AUTH_TOKEN: 'unused-token',
    SES_EVENTS_PASSWORD: 'unused-ses-events-password',
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRET: 'whsec_bench',
    LOG_LEVEL: 'silent',
  };
  const worker = await createWorker(loadConfig(WorkerConfig, env), { schedules: false });
  const orm: MikroORM = worker.get(MikroORM);
  const sync = worker.get(RunMisSyncUseCase);
  const results: string[] = [];
  const startRss = process.memoryUsage().rss;
  console.log(
    `pupils  full-sync  re-sync  rows     rows/s   raw rows/s  ratio  peak-mem-growth  peak-rss (start ${mb(startRss)})`,
  );
  try {
    for (const pupils of sizes) {
      const wonde = await startWonde(pupils);
      try {
        const schoolId = await connectSchool(orm, wonde.url);
        const full = await measured(() => runOnce(orm, sync, schoolId, 'full'));
        const rows = await directoryRows(orm.em.fork(), schoolId);
        const again = await measured(() => runOnce(orm, sync, schoolId, 'full'));
        const raw = await rawInsertBaseline(orm.em.fork(), schoolId);
        const rate = rows / (full.ms / 1000);
        const rawRate = raw.rows / (raw.ms / 1000);
        const line = [
          String(pupils).padEnd(7),
          `${(full.ms / 1000).toFixed(2)} s`.padStart(9),
          `${(again.ms / 1000).toFixed(2)} s`.padStart(8),
          String(rows).padStart(7),
          rate.toFixed(0).padStart(8),
          rawRate.toFixed(0).padStart(11),
          (rate / rawRate).toFixed(2).padStart(6),
          `${mb(full.peakGrowth)}`.padStart(16),
          `${mb(full.peak)}`.padStart(9),
        ].join('  ');
        console.log(line);
        results.push(line);
      } finally {
        wonde.child.kill('SIGTERM');
        await once(wonde.child, 'exit');
      }
    }
  } finally {
    await orm.em.getConnection().execute(`drop database if exists \`${db}\``);
    await worker.close();
  }
  console.log(
    '\nGoals: 2k pupils full sync < 5 s; unchanged re-sync < 1 s; cost linear in size; peak memory growth < 200 MB at 16k.',
  );
}

async function startWonde(pupils: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'wonde-server.js'), String(pupils)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { url: (JSON.parse(line) as { url: string }).url, child };
}

async function connectSchool(orm: MikroORM, wondeUrl: string): Promise<SchoolId> {
  const em = orm.em.fork();
  const trust = new Trust(v7() as TrustId, 'Bench Trust', new Date());
  const school = new School(
    v7() as SchoolId,
    trust.id,
    'Bench Academy',
    String(100000 + Math.floor(Math.random() * 899999)),
    new Date(),
  );
  const connection = new MisConnection(
    school.id,
    'wonde',
    'A0000000BENCH',
    wondeUrl,
    new AesGcmSecretBox(KEY).seal('bench-token-123'),
    2,
    null,
    new Date(),
  );
  await em.persist([trust, school, connection]).flush();
  return school.id;
}

async function runOnce(
  orm: MikroORM,
  sync: RunMisSyncUseCase,
  schoolId: SchoolId,
  mode: SyncMode,
): Promise<void> {
  const em = orm.em.fork();
  const run = new SyncRun(
    v7(),
    schoolId,
    'wonde',
    mode,
    'queued',
    'waiting',
    0,
    emptyTally(),
    null,
    null,
    new Date(),
    null,
    null,
  );
  await em.persist(run).flush();
  const { RequestContext } = await import('@mikro-orm/core');
  const result = await RequestContext.create(orm.em, () => sync.execute({ runId: run.id }));
  if (result.status !== 'succeeded') {
    throw new Error(`Sync did not succeed: ${JSON.stringify(result)}`);
  }
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

async function measured(
  work: () => Promise<void>,
): Promise<{ ms: number; peakGrowth: number; peak: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, peakGrowth: peak - base, peak };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
