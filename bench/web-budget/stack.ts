import { MikroORM } from '@mikro-orm/mysql';
import { ApiConfig, loadConfig } from '@rowan/adapters/config/config';
import { startIdentityStandIn } from '@rowan/sandbox';
import { Redis } from 'ioredis';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { freePort } from '../../scripts/lib/free-port';
import { migrate } from '../../scripts/migrate';
import { serveWeb } from '../../scripts/serve-web';
import type { Cleanup } from './cleanup';
import { seedInvitedParent, type BenchParent } from './seed';

const APPLICATION_ID = '3c219e58-ed0e-4b18-ad48-f4f92793ae32';
const TENANT_ID = '8a6f5c1e-2b4d-4e7f-9a0b-1c2d3e4f5a6b';
const API_KEY = 'bench-api-key';
/** The trivial page Lighthouse measures as the baseline, beside the app in the same static server. */
export const BASELINE_PATH = '/bench-baseline.html';

export interface BenchStack {
  /** The web app's origin, e.g. `http://127.0.0.1:41234`. */
  readonly webUrl: string;
  readonly parent: BenchParent;
}

/**
 * What the parent page needs, each undone by `cleanup` even when a later step fails: a migrated database of its
 * own, the sandbox identity provider, the real API app listening in this process, a copy of the web build
 * (plus the baseline page) served the way the demo and the browser tests serve it, and a seeded invited parent.
 */
export async function startStack(
  distDir: string,
  baselineHtml: string,
  cleanup: Cleanup,
): Promise<BenchStack> {
  const db = `rowan_bench_web_${Date.now().toString(36)}`;
  const databaseUrl = `${process.env.BENCH_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306'}/${db}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `rowan-bench-${db}`;
  cleanup.add('database', () => dropDatabase(databaseUrl, db));
  await migrate(databaseUrl, { silent: true });
  cleanup.add('redis keys', () => deleteKeys(redisUrl, redisPrefix));

  const webPort = await freePort();
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const identity = await startIdentityStandIn({
    applicationId: APPLICATION_ID,
    tenantId: TENANT_ID,
    apiKey: API_KEY,
    webOrigin,
  });
  cleanup.add('identity stand-in', () => identity.close());
  const app = await createApiApp(
    loadConfig(ApiConfig, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      FUSIONAUTH_URL: identity.issuer,
      FUSIONAUTH_API_KEY: API_KEY,
      FUSIONAUTH_TENANT_ID: TENANT_ID,
      OIDC_AUDIENCE: APPLICATION_ID,
      OIDC_ISSUER: identity.issuer,
      WEB_ORIGIN: webOrigin,
      OPS_DASHBOARD_USER: 'ops',
      OPS_DASHBOARD_PASSWORD: 'operators-only-password',
      RATE_LIMIT_PER_MINUTE: '100000',
      MIS_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64'),
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
      TWILIO_AUTH_TOKEN: 'bench-twilio-token',
      SES_EVENTS_USERNAME: 'ses-events',
      SES_EVENTS_PASSWORD: 'unused-ses-events-password',
      STRIPE_SECRET_KEY: 'sk_test_bench',
      STRIPE_WEBHOOK_SECRET: 'whsec_bench',
    }),
  );
  cleanup.add('API', () => app.close());
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // A copy of the build, so the baseline page never lands in apps/web/dist (which the demo serves).
  const served = await mkdtemp(join(tmpdir(), 'rowan-web-budget-'));
  cleanup.add('web build copy', () => rm(served, { recursive: true, force: true }));
  await cp(distDir, served, { recursive: true });
  await cp(baselineHtml, join(served, BASELINE_PATH));
  const web = await serveWeb({
    host: '127.0.0.1',
    port: webPort,
    distDir: served,
    config: { apiUrl, oidcIssuer: identity.issuer, oidcClientId: APPLICATION_ID },
  });
  cleanup.add('web server', () => web.close());

  const parent = await seedInvitedParent(app.get(MikroORM), new URL(apiUrl), {
    identity,
    applicationId: APPLICATION_ID,
    tenantId: TENANT_ID,
    apiKey: API_KEY,
  });
  return { webUrl: web.url, parent };
}

async function dropDatabase(databaseUrl: string, db: string): Promise<void> {
  const orm = await MikroORM.init({
    clientUrl: databaseUrl.replace(/\/[^/]+$/, '/mysql'),
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  try {
    await orm.em.getConnection().execute(`drop database if exists \`${db}\``);
  } finally {
    await orm.close(true);
  }
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) {
        await redis.del(...keys);
      }
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
