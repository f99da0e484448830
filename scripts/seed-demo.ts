import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/mysql';
import { Membership, User, type Role } from '@rowan/access';
import { ormOptions } from '@rowan/adapters/persistence/orm-config';
import { School, Trust } from '@rowan/directory';
import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import 'dotenv/config';
import { v5 } from 'uuid';
import {
  DEMO_MFA_CODE,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoUser,
} from '../apps/sandbox/src/identity/demo-users';

/** Fixed ids, so seeding twice changes nothing and the demo's URLs stay the same. */
export const DEMO_TRUST = {
  id: '019a0000-0000-7000-8000-000000000001' as TrustId,
  name: 'Oakfield Learning Trust',
};
export const DEMO_SCHOOLS = {
  oakfield: {
    id: '019a0000-0000-7000-8000-000000000101' as SchoolId,
    name: 'Oakfield Primary School',
    urn: '139201',
  },
  birchwood: {
    id: '019a0000-0000-7000-8000-000000000102' as SchoolId,
    name: 'Birchwood Academy',
    urn: '141877',
  },
};

const ROLES: Array<[keyof typeof DEMO_USERS, Role | null, keyof typeof DEMO_SCHOOLS | null]> = [
  ['operator', null, null],
  ['trustAdmin', 'trust_admin', null],
  ['oakfieldAdmin', 'school_admin', 'oakfield'],
  ['oakfieldOffice', 'office', 'oakfield'],
  ['oakfieldTeacher', 'teacher', 'oakfield'],
  ['birchwoodAdmin', 'school_admin', 'birchwood'],
];

/** `npm run db:seed`: the demo trust, its two schools and their staff. Idempotent. */
export async function seedDemo(databaseUrl: string): Promise<void> {
  const orm = await MikroORM.init(ormOptions(databaseUrl));
  const em = orm.em.fork({ disableContextResolution: true });
  em.setFilterParams('tenant', { schoolIds: [], trustIds: [], operator: true });
  const now = new Date();
  try {
    if (!(await em.findOne(Trust, { id: DEMO_TRUST.id }))) {
      em.persist(new Trust(DEMO_TRUST.id, DEMO_TRUST.name, now));
    }
    for (const school of Object.values(DEMO_SCHOOLS)) {
      if (!(await em.findOne(School, { id: school.id }, { filters: false }))) {
        em.persist(new School(school.id, DEMO_TRUST.id, school.name, school.urn, now));
      }
    }
    for (const [key, role, schoolKey] of ROLES) {
      const person: DemoUser = DEMO_USERS[key];
      let user = await em.findOne(User, { identitySubject: person.id });
      if (!user) {
        user = new User(
          person.id as UserId,
          person.email,
          person.givenName,
          person.familyName,
          person.id,
          now,
          now,
        );
        em.persist(user);
      }
      const schoolId = schoolKey ? DEMO_SCHOOLS[schoolKey].id : null;
      if (
        role &&
        !(await em.findOne(
          Membership,
          { userId: user.id, scopeKey: schoolId ?? DEMO_TRUST.id },
          { filters: false },
        ))
      ) {
        const id = v5(`${person.id}/${schoolId ?? DEMO_TRUST.id}`, DEMO_TRUST.id);
        em.persist(new Membership(id, user.id, DEMO_TRUST.id, schoolId, role, 'active', now, now));
      }
    }
    await em.flush();
  } finally {
    await orm.close(true);
  }
}

export function describeDemoAccounts(): string {
  const lines = ROLES.map(([key, role, schoolKey]) => {
    const person = DEMO_USERS[key];
    const where = schoolKey ? DEMO_SCHOOLS[schoolKey].name : role ? DEMO_TRUST.name : 'platform operator';
    return `  ${person.email.padEnd(40)} ${(role ?? 'operator').padEnd(13)} ${where}`;
  });
  return [`Sign in as (password ${DEMO_PASSWORD}, verification code ${DEMO_MFA_CODE}):`, ...lines].join('\n');
}

if (require.main === module) {
  const url = process.env.DATABASE_URL ?? 'mysql://root:@127.0.0.1:3306/rowan';
  seedDemo(url).then(
    () =>
      console.log(
        `Seeded ${DEMO_TRUST.name} with ${Object.keys(DEMO_SCHOOLS).length} schools.\n${describeDemoAccounts()}`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
