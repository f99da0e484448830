import { MikroORM } from '@mikro-orm/mysql';
import { Redis } from 'ioredis';
import { adminDatabaseUrl } from './test-env';

/** Drops the run's database and Redis keys, unless KEEP_TEST_DB is set (to look at them after a failure). */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.ROWAN_TEST_RUN;
  if (!run || process.env.KEEP_TEST_DB) {
    return;
  }
  const orm = await MikroORM.init({
    clientUrl: `${adminDatabaseUrl()}/mysql`,
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  await orm.em.getConnection().execute(`drop database if exists \`rowan_test_${run}\``);
  await orm.close(true);

  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `rowan-test-${run}*`, 'COUNT', 1000);
    if (keys.length) {
      await redis.del(...keys);
    }
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
