import { isUniqueViolation } from '../unique-violation';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  BookingStore,
  EventConflict,
  type BookingRecord,
  type BookingState,
  type InvitationRow,
  type InviteeRow,
  type ParticipantRow,
} from '@rowan/events';
import type { Page, PageRequest, SchoolId, UserId } from '@rowan/kernel';
import { decodeCursor, toPage } from '../cursor';
import { chunks, runSql, selectRows } from '../directory/bulk-sql';

interface BookingRow {
  id: string;
  school_id: string;
  event_id: string;
  pupil_id: string;
  state: BookingState;
  open: number;
  booked_by: string;
  offer_expires_at: Date | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: Date;
}

const COLUMNS =
  'b.id, b.school_id, b.event_id, b.pupil_id, b.state, b.open, b.booked_by, b.offer_expires_at, b.idempotency_key, b.request_hash, b.created_at';
const list = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');

const toRecord = (r: BookingRow): BookingRecord => ({
  id: r.id,
  schoolId: r.school_id as SchoolId,
  eventId: r.event_id,
  pupilId: r.pupil_id,
  state: r.state,
  open: Number(r.open) === 1,
  bookedBy: r.booked_by as UserId,
  offerExpiresAt: r.offer_expires_at ? new Date(r.offer_expires_at) : null,
  idempotencyKey: r.idempotency_key,
  requestHash: r.request_hash,
  createdAt: new Date(r.created_at),
});

/** Invitations and bookings as rows; every statement runs in the caller's transaction when there is one. */
@Injectable()
export class MikroOrmBookingStore extends BookingStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  private run(sql: string, params: readonly unknown[]): Promise<number> {
    return runSql(this.em, sql, params);
  }

  private select<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return selectRows<T>(this.em, sql, params);
  }

  async addInvitations(
    schoolId: SchoolId,
    eventId: string,
    pupils: readonly { readonly pupilId: string; readonly mayTakeReserved: boolean }[],
    at: Date,
  ): Promise<void> {
    for (const chunk of chunks(pupils, 1000)) {
      await this.run(
        `insert ignore into event_invitations (event_id, pupil_id, school_id, may_take_reserved, created_at) values ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((p) => [eventId, p.pupilId, schoolId, p.mayTakeReserved ? 1 : 0, at]),
      );
    }
  }

  async invitation(eventId: string, pupilId: string): Promise<InvitationRow | null> {
    const [row] = await this.invitationRows('where event_id = ? and pupil_id = ?', [eventId, pupilId]);
    return row ?? null;
  }

  async invitationsOf(pupilIds: readonly string[]): Promise<InvitationRow[]> {
    return pupilIds.length
      ? this.invitationRows(`where pupil_id in (${list(pupilIds)}) order by event_id desc`, pupilIds)
      : [];
  }

  async invitees(schoolId: SchoolId, eventId: string): Promise<InviteeRow[]> {
    const rows = await this.select<{
      pupil_id: string;
      booking_id: string | null;
      state: BookingState | null;
    }>(
      `select i.pupil_id, b.id as booking_id, b.state
         from event_invitations i
         left join event_bookings b
           on b.event_id = i.event_id and b.pupil_id = i.pupil_id and b.school_id = i.school_id and b.active = 1
        where i.school_id = ? and i.event_id = ?
        order by i.pupil_id`,
      [schoolId, eventId],
    );
    return rows.map((r) => ({
      pupilId: r.pupil_id,
      booking:
        r.booking_id && r.state && r.state !== 'cancelled' ? { id: r.booking_id, state: r.state } : null,
    }));
  }

  private async invitationRows(where: string, params: readonly unknown[]): Promise<InvitationRow[]> {
    const rows = await this.select<{ event_id: string; pupil_id: string; may_take_reserved: number }>(
      `select event_id, pupil_id, may_take_reserved from event_invitations ${where}`,
      params,
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      pupilId: r.pupil_id,
      mayTakeReserved: Number(r.may_take_reserved) === 1,
    }));
  }

  /** The one statement that decides who gets a place: the row lock serialises bookers, the condition caps them. */
  async takePlace(eventId: string, open: boolean): Promise<boolean> {
    const moved = await this.run(
      `update events set taken = taken + 1, taken_open = taken_open + ?
        where id = ? and status = 'published' and taken < capacity
          and (? = 0 or taken_open < capacity - reserved_places)`,
      [open ? 1 : 0, eventId, open ? 1 : 0],
    );
    return moved === 1;
  }

  async cancelAll(eventId: string, at: Date): Promise<string[]> {
    const live = "('confirmed', 'held', 'offered', 'waitlisted')";
    const rows = await this.select<{ pupil_id: string }>(
      `select pupil_id from event_bookings where event_id = ? and state in ${live} order by created_at for update`,
      [eventId],
    );
    await this.run(
      `update event_bookings set state = 'cancelled', active = null, offer_expires_at = null, updated_at = ?
        where event_id = ? and state in ${live}`,
      [at, eventId],
    );
    await this.run('update events set taken = 0, taken_open = 0 where id = ?', [eventId]);
    const appointments = await this.select<{ pupil_id: string }>(
      'select distinct pupil_id from parents_evening_appointments where event_id = ? for update',
      [eventId],
    );
    await this.run('delete from parents_evening_appointments where event_id = ?', [eventId]);
    return [...new Set([...rows, ...appointments].map((r) => r.pupil_id))];
  }

  async freePlace(eventId: string, open: boolean): Promise<void> {
    await this.run(
      'update events set taken = taken - 1, taken_open = taken_open - ? where id = ? and taken > 0',
      [open ? 1 : 0, eventId],
    );
  }

  async insert(b: BookingRecord): Promise<void> {
    try {
      await this.run(
        `insert into event_bookings (id, school_id, event_id, pupil_id, state, active, open, booked_by,
           offer_expires_at, idempotency_key, request_hash, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          b.id,
          b.schoolId,
          b.eventId,
          b.pupilId,
          b.state,
          b.state === 'cancelled' ? null : 1,
          b.open ? 1 : 0,
          b.bookedBy,
          b.offerExpiresAt,
          b.idempotencyKey,
          b.requestHash,
          b.createdAt,
          b.createdAt,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new EventConflict('This pupil already has a booking for this event', 'EVENTS.ALREADY_BOOKED');
      }
      throw error;
    }
  }

  async findById(id: string): Promise<BookingRecord | null> {
    const [row] = await this.select<BookingRow>(`select ${COLUMNS} from event_bookings b where b.id = ?`, [
      id,
    ]);
    return row ? toRecord(row) : null;
  }

  async findByIdempotencyKey(userId: UserId, key: string): Promise<BookingRecord | null> {
    const [row] = await this.select<BookingRow>(
      `select ${COLUMNS} from event_bookings b where b.booked_by = ? and b.idempotency_key = ?`,
      [userId, key],
    );
    return row ? toRecord(row) : null;
  }

  async activeFor(eventId: string, pupilIds: readonly string[]): Promise<BookingRecord[]> {
    if (!pupilIds.length) {
      return [];
    }
    const rows = await this.select<BookingRow>(
      `select ${COLUMNS} from event_bookings b where b.event_id = ? and b.active = 1 and b.pupil_id in (${list(pupilIds)})`,
      [eventId, ...pupilIds],
    );
    return rows.map(toRecord);
  }

  async move(
    id: string,
    from: BookingState,
    to: BookingState,
    at: Date,
    offerExpiresAt: Date | null = null,
  ): Promise<boolean> {
    const moved = await this.run(
      `update event_bookings set state = ?, active = ?, offer_expires_at = ?, updated_at = ? where id = ? and state = ?`,
      [to, to === 'cancelled' ? null : 1, offerExpiresAt, at, id, from],
    );
    return moved === 1;
  }

  async waiting(eventId: string, limit: number): Promise<BookingRecord[]> {
    const rows = await this.select<BookingRow>(
      `select ${COLUMNS} from event_bookings b where b.event_id = ? and b.state = 'waitlisted' order by b.id limit ${Number(limit)}`,
      [eventId],
    );
    return rows.map(toRecord);
  }

  async position(booking: BookingRecord): Promise<number> {
    const [row] = await this.select<{ n: number }>(
      `select count(*) as n from event_bookings where event_id = ? and state = 'waitlisted' and id <= ?`,
      [booking.eventId, booking.id],
    );
    return Number(row?.n ?? 0);
  }

  async participants(schoolId: SchoolId, eventId: string, page: PageRequest): Promise<Page<ParticipantRow>> {
    const after = decodeCursor(page.cursor);
    const rows = await this.select<BookingRow & { preferred_forename: string; preferred_surname: string }>(
      `select ${COLUMNS}, p.preferred_forename, p.preferred_surname
         from event_bookings b join pupils p on p.id = b.pupil_id and p.school_id = b.school_id
        where b.school_id = ? and b.event_id = ? ${after ? 'and b.id > ?' : ''}
        order by b.id limit ${Number(page.limit) + 1}`,
      [schoolId, eventId, ...(after ? [after] : [])],
    );
    return toPage(
      rows.map((r) => ({
        bookingId: r.id,
        pupilId: r.pupil_id,
        forename: r.preferred_forename,
        surname: r.preferred_surname,
        state: r.state,
        createdAt: new Date(r.created_at),
      })),
      page,
      (r) => r.bookingId,
    );
  }
}
