import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  StaffingStore,
  type EventKind,
  type EventStaffRole,
  type ScheduledAssignment,
  type StaffAssignmentRecord,
  type StaffMemberRow,
} from '@rowan/events';
import type { SchoolId, UserId } from '@rowan/kernel';
import { selectRows } from '../directory/bulk-sql';

interface AssignmentRow {
  id: string;
  school_id: string;
  event_id: string;
  staff_id: string;
  session_at: Date | null;
  role: EventStaffRole;
  assigned_by: string;
  created_at: Date;
  title: string;
  kind: EventKind;
  starts_at: Date;
  ends_at: Date | null;
  sessions: string | string[];
  forename: string;
  surname: string;
}

const SCHEDULE = `select a.id, a.school_id, a.event_id, a.staff_id, a.session_at, a.role, a.assigned_by, a.created_at,
         e.title, e.kind, e.starts_at, e.ends_at, e.sessions, s.forename, s.surname
    from event_staff_assignments a
    join events e on e.id = a.event_id and e.school_id = a.school_id
    join staff_members s on s.id = a.staff_id and s.school_id = a.school_id`;

const toScheduled = (r: AssignmentRow): ScheduledAssignment => ({
  id: r.id,
  schoolId: r.school_id as SchoolId,
  eventId: r.event_id,
  staffId: r.staff_id,
  sessionAt: r.session_at ? new Date(r.session_at) : null,
  role: r.role,
  assignedBy: r.assigned_by as UserId,
  createdAt: new Date(r.created_at),
  eventTitle: r.title,
  eventKind: r.kind,
  eventStartsAt: new Date(r.starts_at),
  eventEndsAt: r.ends_at ? new Date(r.ends_at) : null,
  eventSessions: (typeof r.sessions === 'string' ? (JSON.parse(r.sessions) as string[]) : r.sessions).map(
    (s) => new Date(s),
  ),
  forename: r.forename,
  surname: r.surname,
});

/** Staff assignments, read with their event and the directory's staff record. */
@Injectable()
export class MikroOrmStaffingStore extends StaffingStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async staffMember(schoolId: SchoolId, staffId: string): Promise<StaffMemberRow | null> {
    const [row] = await this.staffRows('s.school_id = ? and s.id = ?', [schoolId, staffId]);
    return row ?? null;
  }

  async staffByEmail(schoolIds: readonly SchoolId[], email: string): Promise<StaffMemberRow[]> {
    return this.staffRows(`s.school_id in (${schoolIds.map(() => '?').join(', ')}) and s.email = ?`, [
      ...schoolIds,
      email,
    ]);
  }

  private async staffRows(where: string, params: readonly unknown[]): Promise<StaffMemberRow[]> {
    const rows = await selectRows<{
      id: string;
      school_id: string;
      forename: string;
      surname: string;
      email: string | null;
    }>(
      this.em,
      `select s.id, s.school_id, s.forename, s.surname, s.email from staff_members s where s.active = 1 and ${where}`,
      params,
    );
    return rows.map((r) => ({ ...r, schoolId: r.school_id as SchoolId }));
  }

  async assign(record: StaffAssignmentRecord): Promise<StaffAssignmentRecord> {
    const key = record.sessionAt?.getTime() ?? 0;
    await this.em.getConnection().execute(
      `insert into event_staff_assignments
         (id, school_id, event_id, staff_id, session_at, session_key, role, assigned_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on duplicate key update role = values(role), assigned_by = values(assigned_by), updated_at = values(updated_at)`,
      [
        record.id,
        record.schoolId,
        record.eventId,
        record.staffId,
        record.sessionAt,
        key,
        record.role,
        record.assignedBy,
        record.createdAt,
        record.createdAt,
      ],
      'run',
      this.em.getTransactionContext(),
    );
    const [row] = await selectRows<{ id: string; created_at: Date }>(
      this.em,
      'select id, created_at from event_staff_assignments where event_id = ? and staff_id = ? and session_key = ?',
      [record.eventId, record.staffId, key],
    );
    return { ...record, id: row!.id, createdAt: new Date(row!.created_at) };
  }

  async scheduleOf(schoolId: SchoolId, staffId: string): Promise<ScheduledAssignment[]> {
    return this.schedule('a.school_id = ? and a.staff_id = ?', [schoolId, staffId]);
  }

  async forEvent(schoolId: SchoolId, eventId: string): Promise<ScheduledAssignment[]> {
    return this.schedule('a.school_id = ? and a.event_id = ?', [schoolId, eventId]);
  }

  private async schedule(where: string, params: readonly unknown[]): Promise<ScheduledAssignment[]> {
    const rows = await selectRows<AssignmentRow>(
      this.em,
      `${SCHEDULE} where ${where} and e.status <> 'cancelled' order by coalesce(a.session_at, e.starts_at), a.id`,
      params,
    );
    return rows.map(toScheduled);
  }
}
