import type { AppointmentRecord, AppointmentState, EveningSlot, TimeRange } from '@rowan/events';
import type { SchoolId, UserId } from '@rowan/kernel';

/** Rows of the parents' evening tables and their mapping to the events context's records. */
export interface AppointmentSqlRow {
  id: string;
  school_id: string;
  event_id: string;
  slot_id: string;
  staff_id: string;
  pupil_id: string;
  parent_user_id: string;
  family_key: string;
  state: AppointmentState;
  hold_expires_at: Date | null;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
}

export interface SlotSqlRow {
  id: string;
  staff_id: string;
  starts_at: Date;
  ends_at: Date;
}

export const APPOINTMENT_COLUMNS =
  'a.id, a.school_id, a.event_id, a.slot_id, a.staff_id, a.pupil_id, a.parent_user_id, a.family_key, a.state, a.hold_expires_at, a.starts_at, a.ends_at, a.created_at';
export const list = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');
export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
export const ranges = (v: unknown): TimeRange[] =>
  json<{ from: string; to: string }[]>(v).map((r) => ({ from: new Date(r.from), to: new Date(r.to) }));

export const toAppointment = (r: AppointmentSqlRow): AppointmentRecord => ({
  id: r.id,
  schoolId: r.school_id as SchoolId,
  eventId: r.event_id,
  slotId: r.slot_id,
  staffId: r.staff_id,
  pupilId: r.pupil_id,
  parentUserId: r.parent_user_id as UserId,
  familyKey: r.family_key,
  state: r.state,
  holdExpiresAt: r.hold_expires_at ? new Date(r.hold_expires_at) : null,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  createdAt: new Date(r.created_at),
});

export const toSlot = (r: SlotSqlRow): EveningSlot => ({
  id: r.id,
  staffId: r.staff_id,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
});
