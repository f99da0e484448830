import 'reflect-metadata';
import 'dotenv/config';
import { MikroORM } from '@mikro-orm/mysql';
import { ormOptions } from '@rowan/adapters/persistence/orm-config';
import { createHash } from 'node:crypto';
import { v5 } from 'uuid';
import { DEMO_USERS } from '../apps/sandbox/src/identity/demo-users';
import { DEMO_WONDE_SCHOOLS } from '../apps/sandbox/src/wonde/demo-wonde-schools';
import { DEMO_SCHOOLS, DEMO_TRUST } from './seed-demo';

/**
 * `npm run demo`, once the first MIS sync has filled the directory: two past trips and clubs per Wonde-linked
 * school, with invitations, bookings in every state and taken registers, so the event reports have something to
 * show. Idempotent (fixed ids; an event already there is left alone). Waits up to two minutes for pupils.
 */
type Conn = ReturnType<MikroORM['em']['getConnection']>;

/** A stable number from 0 to 99 for a pupil and an event: who books is the same on every run. */
const dice = (...parts: string[]) =>
  createHash('sha256').update(parts.join('/')).digest().readUInt16BE(0) % 100;

interface PastEvent {
  key: string;
  kind: 'trip' | 'club';
  title: string;
  daysAgo: number;
  sessions: number;
  ncYears: number[];
  /** Chance (0 to 100) that a pupil books; Pupil Premium pupils a little less, to show an equity gap. */
  bookChance: number;
}

const PAST: Record<'oakfield' | 'birchwood', PastEvent[]> = {
  oakfield: [
    {
      key: 'farm',
      kind: 'trip',
      title: 'Year 4 trip to Willow Farm',
      daysAgo: 20,
      sessions: 0,
      ncYears: [4],
      bookChance: 70,
    },
    {
      key: 'gardening',
      kind: 'club',
      title: 'Gardening club (Years 1 and 2)',
      daysAgo: 35,
      sessions: 4,
      ncYears: [1, 2],
      bookChance: 45,
    },
  ],
  birchwood: [
    {
      key: 'theatre',
      kind: 'trip',
      title: 'Year 8 theatre trip',
      daysAgo: 14,
      sessions: 0,
      ncYears: [8],
      bookChance: 60,
    },
    {
      key: 'robotics',
      kind: 'club',
      title: 'Robotics club (Year 7)',
      daysAgo: 42,
      sessions: 5,
      ncYears: [7],
      bookChance: 35,
    },
  ],
};

async function pupilsIn(conn: Conn, schoolId: string, ncYears: number[]) {
  return conn.execute<Array<{ id: string; pp: number }>>(
    `select p.id, exists (select 1 from pupil_characteristics pc where pc.pupil_id = p.id and pc.effective_to is null
        and pc.value <> 'none' and pc.kind in ('pupil_premium', 'free_school_meals')) as pp
       from pupils p where p.school_id = ? and p.enrolment = 'on_roll' and p.nc_year in (${ncYears.map(() => '?').join(', ')})`,
    [schoolId, ...ncYears],
  );
}

async function seedEvent(conn: Conn, schoolId: string, by: string, e: PastEvent, now: Date) {
  const id = v5(`demo-past-event/${schoolId}/${e.key}`, DEMO_TRUST.id);
  if ((await conn.execute<unknown[]>('select id from events where id = ?', [id])).length) {
    return;
  }
  const day = (ago: number, hour: number) => {
    const d = new Date(now.getTime() - ago * 86_400_000);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const starts = day(e.daysAgo, e.kind === 'trip' ? 8 : 15);
  const sessions = Array.from({ length: e.sessions }, (_, i) => day(e.daysAgo - i * 7, 15));
  const registers = e.kind === 'club' ? sessions : [starts];
  const pupils = await pupilsIn(conn, schoolId, e.ncYears);
  const capacity = Math.max(10, Math.round(pupils.length * 0.6));
  await conn.execute(
    `insert into events (id, school_id, trust_id, kind, title, description, starts_at, ends_at, sessions, capacity,
       reserved_places, taken, taken_open, price_p, price_unit, booking_cutoff, eligibility, status, created_by,
       created_at, updated_at)
     values (?, ?, ?, ?, ?, '', ?, ?, ?, ?, 0, 0, 0, null, null, null, ?, 'published', ?, ?, ?)`,
    [
      id,
      schoolId,
      DEMO_TRUST.id,
      e.kind,
      e.title,
      starts,
      e.kind === 'trip' ? new Date(starts.getTime() + 7 * 3_600_000) : null,
      JSON.stringify(sessions.map((s) => s.toISOString())),
      capacity,
      JSON.stringify({ ncYears: e.ncYears, groupIds: [], pupilIds: [], characteristics: [] }),
      by,
      day(e.daysAgo + 21, 9),
      day(e.daysAgo + 21, 9),
    ],
  );
  let taken = 0;
  for (const p of pupils) {
    await conn.execute(
      'insert ignore into event_invitations (event_id, pupil_id, school_id, may_take_reserved, created_at) values (?, ?, ?, ?, ?)',
      [id, p.id, schoolId, Number(p.pp), day(e.daysAgo + 21, 9)],
    );
    const roll = dice(id, p.id);
    const chance = Number(p.pp) ? e.bookChance - 20 : e.bookChance;
    const state =
      roll < chance
        ? taken < capacity
          ? 'confirmed'
          : 'waitlisted'
        : roll < chance + 8
          ? 'cancelled'
          : null;
    if (!state) {
      continue;
    }
    const bookingId = v5(`demo-booking/${id}/${p.id}`, DEMO_TRUST.id);
    await conn.execute(
      `insert into event_bookings (id, school_id, event_id, pupil_id, state, active, open, booked_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      [
        bookingId,
        schoolId,
        id,
        p.id,
        state,
        state === 'cancelled' ? null : 1,
        by,
        day(e.daysAgo + 14, 18),
        day(e.daysAgo + 14, 18),
      ],
    );
    if (state !== 'confirmed') {
      continue;
    }
    taken++;
    for (const at of registers) {
      await conn.execute(
        `insert ignore into event_register_marks (booking_id, session_at, school_id, event_id, present, marked_by, marked_at)
         values (?, ?, ?, ?, ?, ?, ?)`,
        [bookingId, at, schoolId, id, dice(bookingId, at.toISOString()) < 88 ? 1 : 0, by, at],
      );
    }
  }
  await conn.execute('update events set taken = ?, taken_open = ? where id = ?', [taken, taken, id]);
}

/**
 * Two Oakfield leavers, for the Data protection page: one who left in July 2025 (kept until 31 August 2027) and
 * one who left in July 2024, whose two academic years are over, so the worker's next hourly retention check
 * anonymises them. The sandbox MIS is told first (it is the source of truth) and Rowan's rows say what the next
 * sync would. Skipped when Oakfield already has leavers.
 */
async function seedDemoLeavers(conn: Conn): Promise<string> {
  const schoolId = DEMO_SCHOOLS.oakfield.id;
  const [already] = await conn.execute<Array<{ n: number }>>(
    `select count(*) as n from pupils where school_id = ? and enrolment = 'left'`,
    [schoolId],
  );
  if (Number(already?.n) > 0) {
    return 'Oakfield already has leavers';
  }
  const pupils = await conn.execute<Array<{ id: string; mis_id: string }>>(
    `select id, mis_id from pupils where school_id = ? and enrolment = 'on_roll' and nc_year = 6 order by mis_id limit 2`,
    [schoolId],
  );
  const control = `http://${process.env.SANDBOX_HOST ?? '127.0.0.1'}:${process.env.SANDBOX_WONDE_PORT ?? '4011'}/sandbox/wonde/schools/${DEMO_WONDE_SCHOOLS.oakfield.id}/make-leaver`;
  const dates = ['2025-07-18', '2024-07-19'];
  for (const [i, pupil] of pupils.entries()) {
    const told = await fetch(control, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: pupil.mis_id, leavingDate: dates[i] }),
    });
    if (!told.ok) {
      throw new Error(`The sandbox Wonde refused the leaver ${pupil.mis_id}: ${told.status}`);
    }
    await conn.execute(`update pupils set enrolment = 'left', leave_date = ? where id = ?`, [
      dates[i],
      pupil.id,
    ]);
  }
  return `Made ${pupils.length} Oakfield pupils leavers (July 2025 and July 2024)`;
}

export async function seedDemoActivity(databaseUrl: string, waitMs = 120_000): Promise<string> {
  const orm = await MikroORM.init(ormOptions(databaseUrl));
  const conn = orm.em.getConnection();
  try {
    const schools = ['oakfield', 'birchwood'] as const;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const [row] = await conn.execute<Array<{ n: number }>>(
        `select count(distinct school_id) as n from pupils where school_id in (?, ?)`,
        schools.map((s) => DEMO_SCHOOLS[s].id),
      );
      if (Number(row?.n) === schools.length || Date.now() > deadline) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    const now = new Date();
    const by = { oakfield: DEMO_USERS.oakfieldOffice.id, birchwood: DEMO_USERS.birchwoodAdmin.id };
    for (const s of schools) {
      for (const e of PAST[s]) {
        await seedEvent(conn, DEMO_SCHOOLS[s].id, by[s], e, now);
      }
    }
    const leavers = await seedDemoLeavers(conn);
    return `Seeded past trips and clubs with bookings and registers for the event reports. ${leavers}`;
  } finally {
    await orm.close(true);
  }
}

if (require.main === module) {
  seedDemoActivity(process.env.DATABASE_URL ?? 'mysql://root:@127.0.0.1:3306/rowan').then(
    (done) => console.log(done),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
