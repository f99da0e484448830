import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { RegisterStore, type RegisterLine, type RegisterMark, type SessionTally } from '@rowan/events';
import type { SchoolId, UserId } from '@rowan/kernel';
import { chunks, selectRows } from '../directory/bulk-sql';

const list = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');

/** Register marks as rows; a mark made again replaces the last one. */
@Injectable()
export class MikroOrmRegisterStore extends RegisterStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async confirmedAmong(eventId: string, bookingIds: readonly string[]): Promise<string[]> {
    if (!bookingIds.length) {
      return [];
    }
    const rows = await selectRows<{ id: string }>(
      this.em,
      `select id from event_bookings where event_id = ? and state = 'confirmed' and id in (${list(bookingIds)})`,
      [eventId, ...bookingIds],
    );
    return rows.map((r) => r.id);
  }

  async countConfirmed(eventId: string): Promise<number> {
    const [row] = await selectRows<{ n: number | string }>(
      this.em,
      "select count(*) as n from event_bookings where event_id = ? and state = 'confirmed'",
      [eventId],
    );
    return Number(row?.n ?? 0);
  }

  async mark(
    schoolId: SchoolId,
    eventId: string,
    sessionAt: Date,
    marks: readonly RegisterMark[],
    by: UserId,
    at: Date,
  ): Promise<void> {
    for (const chunk of chunks(marks, 1000)) {
      await this.em.getConnection().execute(
        `insert into event_register_marks (booking_id, session_at, school_id, event_id, present, marked_by, marked_at)
         values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         on duplicate key update present = values(present), marked_by = values(marked_by), marked_at = values(marked_at)`,
        chunk.flatMap((m) => [m.bookingId, sessionAt, schoolId, eventId, m.present ? 1 : 0, by, at]),
        'run',
        this.em.getTransactionContext(),
      );
    }
  }

  async register(eventId: string, sessionAt: Date): Promise<RegisterLine[]> {
    const rows = await selectRows<{
      id: string;
      pupil_id: string;
      forename: string;
      surname: string;
      present: number | null;
      marked_by: string | null;
      marked_at: Date | null;
    }>(
      this.em,
      `select b.id, b.pupil_id, p.preferred_forename as forename, p.preferred_surname as surname,
              m.present, m.marked_by, m.marked_at
         from event_bookings b
         join pupils p on p.id = b.pupil_id and p.school_id = b.school_id
         left join event_register_marks m on m.booking_id = b.id and m.session_at = ?
        where b.event_id = ? and b.state = 'confirmed'
        order by p.preferred_surname, p.preferred_forename, b.id`,
      [sessionAt, eventId],
    );
    return rows.map((r) => ({
      bookingId: r.id,
      pupilId: r.pupil_id,
      forename: r.forename,
      surname: r.surname,
      present: r.present === null ? null : Number(r.present) === 1,
      markedBy: (r.marked_by as UserId | null) ?? null,
      markedAt: r.marked_at ? new Date(r.marked_at) : null,
    }));
  }

  async tallies(eventId: string): Promise<SessionTally[]> {
    const rows = await selectRows<{ session_at: Date; present: number | string; absent: number | string }>(
      this.em,
      `select m.session_at, sum(m.present = 1) as present, sum(m.present = 0) as absent
         from event_register_marks m
         join event_bookings b on b.id = m.booking_id and b.state = 'confirmed'
        where m.event_id = ?
        group by m.session_at`,
      [eventId],
    );
    return rows.map((r) => ({
      sessionAt: new Date(r.session_at),
      present: Number(r.present),
      absent: Number(r.absent),
    }));
  }
}
