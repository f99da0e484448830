import type { MikroORM } from '@mikro-orm/mysql';
import type { Pupil } from '@rowan/directory';
import type { SchoolEvent } from '@rowan/events';
import { v7 } from 'uuid';

export type SeededState = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled';

/** Invitations, bookings in any state, characteristics and register marks written straight in, for reports. */
export function reportsKit(ormOf: () => MikroORM) {
  const sql = (query: string, params: unknown[] = []) =>
    ormOf().em.fork().getConnection().execute(query, params);

  async function invite(event: SchoolEvent, pupils: readonly Pupil[]): Promise<void> {
    for (const p of pupils) {
      await sql(
        'insert into event_invitations (event_id, pupil_id, school_id, may_take_reserved, created_at) values (?, ?, ?, 0, now(3))',
        [event.id, p.id, event.schoolId],
      );
    }
  }

  async function book(event: SchoolEvent, pupil: Pupil, state: SeededState, by: string): Promise<string> {
    const id = v7();
    await sql(
      `insert into event_bookings (id, school_id, event_id, pupil_id, state, active, open, booked_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 1, ?, now(3), now(3))`,
      [id, event.schoolId, event.id, pupil.id, state, state === 'cancelled' ? null : 1, by],
    );
    return id;
  }

  /** A current characteristic (`pupil_premium`, `free_school_meals`, `sen`; `none` for a recorded "no"). */
  async function flag(pupil: Pupil, kind: string, value = 'yes'): Promise<void> {
    await sql(
      `insert into pupil_characteristics (id, school_id, pupil_id, kind, value, effective_from, effective_to)
       values (?, ?, ?, ?, ?, '2024-09-01', null)`,
      [v7(), pupil.schoolId, pupil.id, kind, value],
    );
  }

  /** A mark on the trip's register (its start). */
  async function mark(event: SchoolEvent, bookingId: string, by: string, present = true): Promise<void> {
    await sql(
      `insert into event_register_marks (booking_id, session_at, school_id, event_id, present, marked_by, marked_at)
       values (?, ?, ?, ?, ?, ?, now(3))`,
      [bookingId, event.startsAt, event.schoolId, event.id, present ? 1 : 0, by],
    );
  }

  return { sql, invite, book, flag, mark };
}
