import { isUniqueViolation } from '../unique-violation';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  EventConflict,
  ParentsEveningStore,
  type AppointmentRecord,
  type AppointmentRow,
  type AppointmentState,
  type EveningMode,
  type EveningSetup,
  type EveningSlot,
  type Need,
  type SlotGridRow,
  type TeacherName,
} from '@rowan/events';
import type { SchoolId, UserId } from '@rowan/kernel';
import { chunks, runSql, selectRows } from '../directory/bulk-sql';
import {
  APPOINTMENT_COLUMNS,
  json,
  list,
  ranges,
  toAppointment,
  toSlot,
  type AppointmentSqlRow,
  type SlotSqlRow,
} from './parents-evening.rows';

/** Parents' evenings as rows; every statement runs in the caller's transaction when there is one. */
@Injectable()
export class MikroOrmParentsEveningStore extends ParentsEveningStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  private run(sql: string, params: readonly unknown[]): Promise<number> {
    return runSql(this.em, sql, params);
  }

  private select<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return selectRows<T>(this.em, sql, params);
  }

  async create(
    schoolId: SchoolId,
    eventId: string,
    setup: EveningSetup,
    slots: readonly EveningSlot[],
  ): Promise<void> {
    await this.run(
      `insert into parents_evenings (event_id, school_id, slot_minutes, mode, video_link, separate_bookings)
       values (?, ?, ?, ?, ?, ?)`,
      [eventId, schoolId, setup.slotMinutes, setup.mode, setup.videoLink, setup.separateBookings ? 1 : 0],
    );
    await this.run(
      `insert into parents_evening_teachers (event_id, staff_id, school_id, group_ids, windows, breaks)
       values ${setup.teachers.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      setup.teachers.flatMap((t) => [
        eventId,
        t.staffId,
        schoolId,
        JSON.stringify(t.groupIds),
        JSON.stringify(t.windows),
        JSON.stringify(t.breaks),
      ]),
    );
    for (const chunk of chunks(slots, 1000)) {
      await this.run(
        `insert into parents_evening_slots (id, event_id, school_id, staff_id, starts_at, ends_at)
         values ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((s) => [s.id, eventId, schoolId, s.staffId, s.startsAt, s.endsAt]),
      );
    }
  }

  async setup(eventId: string): Promise<EveningSetup | null> {
    const [evening] = await this.select<{
      slot_minutes: number;
      mode: EveningMode;
      video_link: string | null;
      separate_bookings: number;
    }>('select slot_minutes, mode, video_link, separate_bookings from parents_evenings where event_id = ?', [
      eventId,
    ]);
    if (!evening) {
      return null;
    }
    const teachers = await this.select<{
      staff_id: string;
      group_ids: unknown;
      windows: unknown;
      breaks: unknown;
    }>(
      'select staff_id, group_ids, windows, breaks from parents_evening_teachers where event_id = ? order by staff_id',
      [eventId],
    );
    return {
      slotMinutes: Number(evening.slot_minutes),
      mode: evening.mode,
      videoLink: evening.video_link,
      separateBookings: Number(evening.separate_bookings) === 1,
      teachers: teachers.map((t) => ({
        staffId: t.staff_id,
        groupIds: json<string[]>(t.group_ids),
        windows: ranges(t.windows),
        breaks: ranges(t.breaks),
      })),
    };
  }

  async knownStaff(schoolId: SchoolId, staffIds: readonly string[]): Promise<TeacherName[]> {
    if (!staffIds.length) {
      return [];
    }
    const rows = await this.select<{ id: string; title: string | null; forename: string; surname: string }>(
      `select id, title, forename, surname from staff_members where school_id = ? and active = 1 and id in (${list(staffIds)})`,
      [schoolId, ...staffIds],
    );
    return rows.map((r) => ({
      staffId: r.id,
      name: [r.title, r.forename, r.surname].filter(Boolean).join(' '),
    }));
  }

  async teachers(eventId: string): Promise<TeacherName[]> {
    const rows = await this.select<{ id: string; title: string | null; forename: string; surname: string }>(
      `select s.id, s.title, s.forename, s.surname from parents_evening_teachers t
         join staff_members s on s.id = t.staff_id and s.school_id = t.school_id
        where t.event_id = ? order by s.surname, s.forename`,
      [eventId],
    );
    return rows.map((r) => ({
      staffId: r.id,
      name: [r.title, r.forename, r.surname].filter(Boolean).join(' '),
    }));
  }

  async needsOf(eventId: string, pupilIds: readonly string[]): Promise<Need[]> {
    if (!pupilIds.length) {
      return [];
    }
    const teachers = await this.select<{ staff_id: string; group_ids: unknown }>(
      'select staff_id, group_ids from parents_evening_teachers where event_id = ? order by staff_id',
      [eventId],
    );
    const memberships = await this.select<{ group_id: string; pupil_id: string }>(
      `select group_id, pupil_id from group_members where pupil_id in (${list(pupilIds)})`,
      pupilIds,
    );
    return pupilIds.flatMap((pupilId) => {
      const groups = new Set(memberships.filter((m) => m.pupil_id === pupilId).map((m) => m.group_id));
      return teachers
        .filter((t) => {
          const taught = json<string[]>(t.group_ids);
          return !taught.length || taught.some((g) => groups.has(g));
        })
        .map((t) => ({ pupilId, staffId: t.staff_id }));
    });
  }

  async grid(eventId: string): Promise<SlotGridRow[]> {
    const rows = await this.select<SlotSqlRow & { pupil_id: string | null; state: AppointmentState | null }>(
      `select s.id, s.staff_id, s.starts_at, s.ends_at, a.pupil_id, a.state from parents_evening_slots s
         left join parents_evening_appointments a on a.slot_id = s.id
        where s.event_id = ? order by s.starts_at, s.staff_id`,
      [eventId],
    );
    return rows.map((r) => ({
      ...toSlot(r),
      appointment: r.pupil_id && r.state ? { pupilId: r.pupil_id, state: r.state } : null,
    }));
  }

  async freeSlots(eventId: string): Promise<EveningSlot[]> {
    const rows = await this.select<SlotSqlRow>(
      `select s.id, s.staff_id, s.starts_at, s.ends_at from parents_evening_slots s
        where s.event_id = ? and not exists (select 1 from parents_evening_appointments a where a.slot_id = s.id)
        order by s.starts_at, s.staff_id`,
      [eventId],
    );
    return rows.map(toSlot);
  }

  /** Reads the expired holds without locking, then deletes just those rows by key (no range lock on the evening). */
  async releaseExpired(eventId: string, now: Date): Promise<void> {
    const expired = await this.select<{ id: string }>(
      `select id from parents_evening_appointments where event_id = ? and state = 'held' and hold_expires_at <= ?`,
      [eventId, now],
    );
    if (expired.length) {
      await this.run(
        `delete from parents_evening_appointments where id in (${list(expired)}) and state = 'held' and hold_expires_at <= ?`,
        [...expired.map((e) => e.id), now],
      );
    }
  }

  async releaseHold(appointmentId: string, now: Date): Promise<boolean> {
    const released = await this.run(
      `delete from parents_evening_appointments where id = ? and state = 'held' and hold_expires_at <= ?`,
      [appointmentId, now],
    );
    return released === 1;
  }

  async appointment(eventId: string, appointmentId: string): Promise<AppointmentRecord | null> {
    const [row] = await this.select<AppointmentSqlRow>(
      `select ${APPOINTMENT_COLUMNS} from parents_evening_appointments a where a.event_id = ? and a.id = ?`,
      [eventId, appointmentId],
    );
    return row ? toAppointment(row) : null;
  }

  async ofPupils(eventId: string, pupilIds: readonly string[]): Promise<AppointmentRecord[]> {
    if (!pupilIds.length) {
      return [];
    }
    const rows = await this.select<AppointmentSqlRow>(
      `select ${APPOINTMENT_COLUMNS} from parents_evening_appointments a
        where a.event_id = ? and a.pupil_id in (${list(pupilIds)}) order by a.starts_at`,
      [eventId, ...pupilIds],
    );
    return rows.map(toAppointment);
  }

  async remove(appointmentId: string, state: AppointmentState): Promise<boolean> {
    const removed = await this.run('delete from parents_evening_appointments where id = ? and state = ?', [
      appointmentId,
      state,
    ]);
    return removed === 1;
  }

  async lockParent(eventId: string, userId: UserId): Promise<AppointmentRecord[]> {
    await this.run('insert ignore into parents_evening_parents (event_id, user_id) values (?, ?)', [
      eventId,
      userId,
    ]);
    await this.select(
      'select user_id from parents_evening_parents where event_id = ? and user_id = ? for update',
      [eventId, userId],
    );
    return this.mine(eventId, userId);
  }

  async mine(eventId: string, userId: UserId): Promise<AppointmentRecord[]> {
    const rows = await this.select<AppointmentSqlRow>(
      `select ${APPOINTMENT_COLUMNS} from parents_evening_appointments a
        where a.event_id = ? and a.parent_user_id = ? order by a.starts_at`,
      [eventId, userId],
    );
    return rows.map(toAppointment);
  }

  async slot(eventId: string, slotId: string): Promise<EveningSlot | null> {
    const [row] = await this.select<SlotSqlRow>(
      'select id, staff_id, starts_at, ends_at from parents_evening_slots where event_id = ? and id = ?',
      [eventId, slotId],
    );
    return row ? toSlot(row) : null;
  }

  async insert(appointments: readonly AppointmentRecord[]): Promise<void> {
    try {
      for (const a of appointments) {
        await this.run(
          `insert into parents_evening_appointments (id, school_id, event_id, slot_id, staff_id, pupil_id,
             parent_user_id, family_key, state, hold_expires_at, starts_at, ends_at, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            a.id,
            a.schoolId,
            a.eventId,
            a.slotId,
            a.staffId,
            a.pupilId,
            a.parentUserId,
            a.familyKey,
            a.state,
            a.holdExpiresAt,
            a.startsAt,
            a.endsAt,
            a.createdAt,
          ],
        );
      }
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw String(error.message).includes('slot_unique')
          ? new EventConflict('Someone else has just taken this slot', 'EVENTS.SLOT_TAKEN')
          : new EventConflict(
              'This child already has a slot with this teacher',
              'EVENTS.ALREADY_BOOKED_TEACHER',
            );
      }
      throw error;
    }
  }

  async confirmHolds(eventId: string, userId: UserId, now: Date): Promise<number> {
    return this.run(
      `update parents_evening_appointments set state = 'confirmed', hold_expires_at = null
        where event_id = ? and parent_user_id = ? and state = 'held' and hold_expires_at > ?`,
      [eventId, userId, now],
    );
  }

  async appointments(schoolId: SchoolId, eventId: string, staffId: string | null): Promise<AppointmentRow[]> {
    const rows = await this.select<{
      id: string;
      staff_id: string;
      title: string | null;
      forename: string;
      surname: string;
      pupil_id: string;
      preferred_forename: string;
      preferred_surname: string;
      state: AppointmentState;
      starts_at: Date;
      ends_at: Date;
    }>(
      `select a.id, a.staff_id, s.title, s.forename, s.surname, a.pupil_id, p.preferred_forename,
              p.preferred_surname, a.state, a.starts_at, a.ends_at
         from parents_evening_appointments a
         join staff_members s on s.id = a.staff_id and s.school_id = a.school_id
         join pupils p on p.id = a.pupil_id and p.school_id = a.school_id
        where a.school_id = ? and a.event_id = ? ${staffId ? 'and a.staff_id = ?' : ''}
        order by a.staff_id, a.starts_at`,
      [schoolId, eventId, ...(staffId ? [staffId] : [])],
    );
    return rows.map((r) => ({
      id: r.id,
      staffId: r.staff_id,
      teacherName: [r.title, r.forename, r.surname].filter(Boolean).join(' '),
      pupilId: r.pupil_id,
      pupilName: `${r.preferred_forename} ${r.preferred_surname}`,
      state: r.state,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
    }));
  }
}
