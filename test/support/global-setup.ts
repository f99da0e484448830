import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { adminDatabaseUrl } from './test-env';

/**
 * Once per `jest` run: a database of its own, created and migrated with the compiled migrations
 * (`npm test` builds first), and a Redis key prefix of its own, so runs never collide.
 */
export default function globalSetup(): void {
  if (process.env.ROWAN_TEST_RUN) {
    return;
  }
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const databaseUrl = `${adminDatabaseUrl()}/rowan_test_${run}`;
  const root = path.resolve(__dirname, '../..');
  const migrate = path.join(root, 'dist/scripts/migrate.js');
  if (!existsSync(migrate)) {
    throw new Error('dist/ is missing: run the tests with `npm test`, which builds the server code first');
  }
  execFileSync(process.execPath, [migrate], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });
  process.env.ROWAN_TEST_RUN = run;
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.REDIS_PREFIX = `rowan-test-${run}`;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  process.env.NODE_ENV = 'test';
}
