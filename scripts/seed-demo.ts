import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/mysql';
import { Membership, User, type Role } from '@rowan/access';
import { ormOptions } from '@rowan/adapters/persistence/orm-config';
import { emptyTally, MisConnection, Pupil, School, SyncRun, Trust } from '@rowan/directory';
import { AesGcmSecretBox } from '@rowan/adapters/crypto/aes-gcm-secret-box.adapter';
import { DEFAULT_JOB_OPTIONS, jobIds, QUEUES } from '@rowan/adapters/bullmq/queues';
import { redisConnection } from '@rowan/adapters/bullmq/redis-connection';
import { Queue } from 'bullmq';
import { v7 } from 'uuid';
import { DEMO_WONDE_SCHOOLS, DEMO_WONDE_TOKEN } from '../apps/sandbox/src/wonde/demo-wonde-schools';
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
  /** Its MIS is not on Wonde: its directory is uploaded as CSV (MIS sync → Upload CSV files instead). */
  cedar: {
    id: '019a0000-0000-7000-8000-000000000103' as SchoolId,
    name: 'Cedar Infants School',
    urn: '102746',
  },
};

const ROLES: Array<[keyof typeof DEMO_USERS, Role | null, keyof typeof DEMO_SCHOOLS | null]> = [
  ['operator', null, null],
  ['trustAdmin', 'trust_admin', null],
  ['oakfieldAdmin', 'school_admin', 'oakfield'],
  ['oakfieldOffice', 'office', 'oakfield'],
  ['oakfieldTeacher', 'teacher', 'oakfield'],
  ['birchwoodAdmin', 'school_admin', 'birchwood'],
  ['cedarAdmin', 'school_admin', 'cedar'],
];

/** `npm run db:seed`: the demo trust, its three schools and their staff. Idempotent. */
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
    await connectToSandboxWonde(em);
  } finally {
    await orm.close(true);
  }
}

/**
 * Links each demo school to its school in the sandbox Wonde and, while a school has no pupils yet, queues a full
 * sync for the worker: the demo's directory fills from the (stand-in) MIS exactly as a real school's would.
 */
async function connectToSandboxWonde(em: ReturnType<MikroORM['em']['fork']>): Promise<void> {
  const env = process.env;
  const box = new AesGcmSecretBox(env.MIS_TOKEN_KEY ?? '');
  const baseUrl = `http://${env.SANDBOX_HOST ?? '127.0.0.1'}:${env.SANDBOX_WONDE_PORT ?? '4011'}/v1.0/`;
  const queue = new Queue(QUEUES.sync, {
    connection: redisConnection(env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
    prefix: env.REDIS_PREFIX ?? 'rowan',
  });
  try {
    for (const key of ['oakfield', 'birchwood'] as const) {
      const school = DEMO_SCHOOLS[key];
      const wonde = DEMO_WONDE_SCHOOLS[key];
      if (!(await em.findOne(MisConnection, { schoolId: school.id }, { filters: false }))) {
        em.persist(
          new MisConnection(
            school.id,
            'wonde',
            wonde.id,
            baseUrl,
            box.seal(env.SANDBOX_WONDE_TOKEN ?? DEMO_WONDE_TOKEN),
            2,
            null,
            new Date(),
          ),
        );
      }
      const filled = (await em.count(Pupil, { schoolId: school.id }, { filters: false })) > 0;
      const active = await em.findOne(
        SyncRun,
        { schoolId: school.id, status: { $in: ['queued', 'running'] } },
        { filters: false },
      );
      if (!filled && !active) {
        const run = new SyncRun(
          v7(),
          school.id,
          'wonde',
          'full',
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
        em.persist(run);
        await em.flush();
        await queue.add(
          'run-sync',
          { runId: run.id },
          { ...DEFAULT_JOB_OPTIONS, attempts: 5, jobId: jobIds.runSync(run.id) },
        );
      }
    }
    await em.flush();
  } finally {
    await queue.close();
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
        `Seeded ${DEMO_TRUST.name} with ${Object.keys(DEMO_SCHOOLS).length} schools: two linked to the sandbox Wonde (pupils arrive with the first sync), one that uploads CSV files.\n${describeDemoAccounts()}`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
