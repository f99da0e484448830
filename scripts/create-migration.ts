import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/mysql';
import { ormOptions } from '@rowan/adapters/persistence/orm-config';
import path from 'node:path';
import 'dotenv/config';

/**
 * `npm run db:migration:create`: writes a TypeScript migration into migrations/ from the difference between the
 * entity schemas and the (migrated) database named by DATABASE_URL.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'mysql://root:@127.0.0.1:3306/rowan';
  const base = ormOptions(url);
  const orm = await MikroORM.init({
    ...base,
    migrations: { ...base.migrations, path: path.resolve(process.cwd(), 'migrations'), emit: 'ts' },
  });
  try {
    await orm.schema.ensureDatabase({ create: true });
    const result = await orm.migrator.create(undefined, false, false);
    console.log(result.fileName ? `Wrote migrations/${result.fileName}` : 'No schema changes');
  } finally {
    await orm.close(true);
  }
}

void main();
