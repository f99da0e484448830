import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/mysql';
import { ormOptions } from '@rowan/adapters/persistence/orm-config';
import 'dotenv/config';

/**
 * `npm run db:migrate`: creates the database if it is missing and applies every pending migration. `silent`
 * drops the migrator's line per migration (for benches, whose output is their report).
 */
export async function migrate(databaseUrl: string, { silent = false } = {}): Promise<string[]> {
  const options = ormOptions(databaseUrl);
  const orm = await MikroORM.init({ ...options, migrations: { ...options.migrations, silent } });
  try {
    await orm.schema.ensureDatabase({ create: true });
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'Configuration error: DATABASE_URL must be a mysql:// URL with a database name (it is not set)',
    );
    process.exit(1);
  }
  migrate(url).then(
    (names) =>
      console.log(
        names.length ? `Applied ${names.length} migration(s): ${names.join(', ')}` : 'Database is up to date',
      ),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
