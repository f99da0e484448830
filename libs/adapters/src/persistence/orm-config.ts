import { MySqlDriver, type Options } from '@mikro-orm/mysql';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { ENTITY_SCHEMAS } from './schemas';
import { tenantFilter } from './tenant-filter';

/** The one MikroORM configuration, for the API, the worker, migrations and tests. */
export function ormOptions(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return {
    driver: MySqlDriver,
    clientUrl: databaseUrl,
    entities: ENTITY_SCHEMAS,
    extensions: [Migrator],
    forceUtcTimezone: true,
    timezone: '+00:00',
    filters: { tenant: tenantFilter as never },
    migrations: {
      path: migrationsDir(),
      glob: '!(*.d).{js,ts}',
      transactional: true,
      snapshot: false,
      emit: 'ts',
    },
    pool: { min: 0, max: 10 },
    debug: false,
    ...overrides,
  };
}

/** The compiled migrations beside this file's compiled copy: dist/migrations (tests migrate from dist too). */
function migrationsDir(): string {
  return path.resolve(__dirname, '../../../../migrations');
}
