import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/mysql';
import { Membership, User, type Role } from '@rowan/access';
import { ormOptions } from '@rowan/adapters/persistence/orm-config';
import { SchoolEvent, type EventDetails } from '@rowan/events';
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
  ['oakfieldParent', 'parent', 'oakfield'],
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
    await seedDemoEvents(em, now);
    await seedPaymentSettings(em, now);
    await connectToSandboxWonde(em);
  } finally {
    await orm.close(true);
  }
}

/**
 * Two draft events at Oakfield for the office to publish (which invites the eligible families once the first
 * sync has filled the directory): a Year 5 trip with places kept for (and early booking by) Pupil Premium pupils,
 * half paid by the school for Pupil Premium and FSM pupils, 10% off a second child, a £5 deposit and the balance a
 * week before the cut-off; and an autumn club at £1.50 a session.
 */
async function seedDemoEvents(em: ReturnType<MikroORM['em']['fork']>, now: Date): Promise<void> {
  const school = DEMO_SCHOOLS.oakfield;
  const by = DEMO_USERS.oakfieldOffice.id as UserId;
  const inDays = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * 86_400_000);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const drafts: Array<{ id: string; details: EventDetails }> = [
    {
      id: v5('demo-event/science-museum', DEMO_TRUST.id),
      details: {
        kind: 'trip',
        title: 'Year 5 trip to the Science Museum',
        description: 'Coach from school at 8:45, back by 15:30. Bring a packed lunch.',
        startsAt: inDays(21, 8),
        endsAt: inDays(21, 15),
        sessions: [],
        capacity: 30,
        reservedPlaces: 4,
        priceP: 1850,
        priceUnit: 'event',
        bookingCutoff: inDays(14, 17),
        // Pupil Premium and FSM families get the first two days once it is published.
        priorityBookingUntil: inDays(2, 17),
        paymentTerms: {
          subsidy: { kind: 'percent', percent: 50 },
          siblingDiscountPercent: 10,
          depositP: 500,
          balanceDueAt: inDays(7, 17),
        },
        eligibility: { ncYears: [5], groupIds: [], pupilIds: [], characteristics: [] },
      },
    },
    {
      id: v5('demo-event/chess-club', DEMO_TRUST.id),
      details: {
        kind: 'club',
        title: 'Chess club (Years 3 to 6)',
        description: 'Tuesdays after school in the library, 15:20 to 16:20.',
        startsAt: inDays(7, 15),
        endsAt: null,
        sessions: [7, 14, 21, 28, 35].map((d) => inDays(d, 15)),
        capacity: 16,
        reservedPlaces: 0,
        priceP: 150,
        priceUnit: 'session',
        bookingCutoff: null,
        eligibility: { ncYears: [3, 4, 5, 6], groupIds: [], pupilIds: [], characteristics: [] },
      },
    },
  ];
  for (const { id, details } of drafts) {
    if (!(await em.findOne(SchoolEvent, { id }, { filters: false }))) {
      em.persist(SchoolEvent.create({ id, schoolId: school.id, trustId: DEMO_TRUST.id, by }, details, now));
    }
  }
  await em.flush();
}

/**
 * Each demo school takes card payments into a connected account of its own at the sandbox Stripe (which accepts
 * any acct_ id); Oakfield keeps the deposit when parents cancel. A row a school admin has changed is left alone.
 */
async function seedPaymentSettings(em: ReturnType<MikroORM['em']['fork']>, now: Date): Promise<void> {
  const rows: Array<[keyof typeof DEMO_SCHOOLS, string, 'full' | 'keep_deposit' | 'none']> = [
    ['oakfield', 'acct_demoOakfield', 'keep_deposit'],
    ['birchwood', 'acct_demoBirchwood', 'full'],
    ['cedar', 'acct_demoCedar', 'full'],
  ];
  for (const [key, account, refund] of rows) {
    await em
      .getConnection()
      .execute(
        'insert ignore into school_payment_settings (school_id, stripe_account_id, cancellation_refund, updated_at) values (?, ?, ?, ?)',
        [DEMO_SCHOOLS[key].id, account, refund, now],
        'run',
      );
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
  const stripePage = `http://${process.env.SANDBOX_HOST ?? '127.0.0.1'}:${process.env.SANDBOX_STRIPE_PORT ?? '4014'}/sandbox/stripe`;
  return [
    `Sign in as (password ${DEMO_PASSWORD}, verification code ${DEMO_MFA_CODE}):`,
    ...lines,
    '',
    'Paying in the demo: a parent who books the Science Museum trip (once the office publishes it) is sent to the',
    'sandbox Stripe payment page, whose Pay, Decline and Cancel buttons stand in for the card; no card number is',
    `asked for. Payments and refunds so far are listed at ${stripePage}.`,
    `The parent (${DEMO_USERS.oakfieldParent.email}) is a carer of Arlo Cooper-Harris, Year 5 with Pupil Premium:`,
    'the school pays half and he may book in the first two days; the place costs him a £5 deposit now.',
  ].join('\n');
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
