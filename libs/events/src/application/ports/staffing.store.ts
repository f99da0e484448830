import type { SchoolId, UserId } from '@rowan/kernel';
import type { EventKind } from '../../domain/event';
import type { EventStaffRole } from '../../domain/staffing';

/** A member of staff as the directory records them. */
export interface StaffMemberRow {
  readonly id: string;
  readonly schoolId: SchoolId;
  readonly forename: string;
  readonly surname: string;
  readonly email: string | null;
}

export interface StaffAssignmentRecord {
  readonly id: string;
  readonly schoolId: SchoolId;
  readonly eventId: string;
  readonly staffId: string;
  /** One club session, or null for the whole event. */
  readonly sessionAt: Date | null;
  readonly role: EventStaffRole;
  readonly assignedBy: UserId;
  readonly createdAt: Date;
}

/** An assignment with what the schedule shows of its event and person. */
export interface ScheduledAssignment extends StaffAssignmentRecord {
  readonly eventTitle: string;
  readonly eventKind: EventKind;
  readonly eventStartsAt: Date;
  readonly eventEndsAt: Date | null;
  readonly eventSessions: readonly Date[];
  readonly forename: string;
  readonly surname: string;
}

/** Staff assignments to events; an assignment is unique per (event, staff, session). */
export abstract class StaffingStore {
  abstract staffMember(schoolId: SchoolId, staffId: string): Promise<StaffMemberRow | null>;
  /** Active directory staff records with this email in these schools. */
  abstract staffByEmail(schoolIds: readonly SchoolId[], email: string): Promise<StaffMemberRow[]>;
  /** Inserts the assignment, or changes the role of the one already there; answers the stored one. */
  abstract assign(record: StaffAssignmentRecord): Promise<StaffAssignmentRecord>;
  /** Every assignment of this member of staff to an event that is not cancelled, soonest first. */
  abstract scheduleOf(schoolId: SchoolId, staffId: string): Promise<ScheduledAssignment[]>;
  abstract forEvent(schoolId: SchoolId, eventId: string): Promise<ScheduledAssignment[]>;
}
