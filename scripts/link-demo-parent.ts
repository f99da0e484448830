import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/mysql';
import { ormOptions } from '@rowan/adapters/persistence/orm-config';
import 'dotenv/config';
import { DEMO_USERS } from '../apps/sandbox/src/identity/demo-users';
import { DEMO_SCHOOLS } from './seed-demo';

/** The sandbox Wonde's id for Tommy Harris at Oakfield (its generator is seeded, so the id never changes). */
export const DEMO_PARENT_CONTACT_MIS_ID = 'A1423754569';

/**
 * `npm run demo`, once the API is up: links the demo parent's account (seeded with a parent membership) to their
 * contact record, which only exists after the worker's first Wonde sync of Oakfield. Waits for it up to
 * `timeoutMs`; a contact already linked to someone is left alone. Resolves with whether the parent is linked.
 */
export async function linkDemoParent(databaseUrl: string, timeoutMs = 120_000): Promise<boolean> {
  const orm = await MikroORM.init(ormOptions(databaseUrl));
  const connection = orm.em.fork().getConnection();
  const userId = DEMO_USERS.oakfieldParent.id;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const rows = await connection.execute<Array<{ id: string; user_id: string | null }>>(
        'select id, user_id from contacts where school_id = ? and mis_id = ?',
        [DEMO_SCHOOLS.oakfield.id, DEMO_PARENT_CONTACT_MIS_ID],
      );
      const contact = rows[0];
      if (contact) {
        if (contact.user_id === null) {
          await connection.execute(
            'update contacts set user_id = ?, updated_at = ? where id = ? and user_id is null',
            [userId, new Date(), contact.id],
          );
          return true;
        }
        return contact.user_id === userId;
      }
      if (Date.now() > deadline) {
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await orm.close(true);
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL ?? 'mysql://root:@127.0.0.1:3306/rowan';
  const parent = DEMO_USERS.oakfieldParent;
  linkDemoParent(url).then(
    (linked) =>
      console.log(
        linked
          ? `${parent.givenName} ${parent.familyName} (${parent.email}) sees Arlo Cooper-Harris in the parent app.`
          : `WARNING: the demo parent ${parent.email} has no children yet (the Oakfield sync has not brought in their contact record, or it belongs to another account).`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
