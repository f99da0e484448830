import type { SchoolEvent } from '../../domain/event';
import { overlaps, spansOf, type EventStaffRole, type TimeSpan } from '../../domain/staffing';
import type { ScheduledAssignment } from '../ports/staffing.store';

/** One assignment as a schedule shows it: the times it covers and the other events it clashes with. */
export interface ScheduleItem {
  readonly assignmentId: string;
  readonly eventId: string;
  readonly staffId: string;
  readonly staffName: string;
  readonly title: string;
  readonly kind: SchoolEvent['kind'];
  readonly role: EventStaffRole;
  readonly sessionAt: Date | null;
  readonly times: TimeSpan[];
  readonly clashesWith: string[];
}

/** The event as far as its times go, enough for `spansOf`. */
const asEvent = (a: ScheduledAssignment) =>
  ({
    kind: a.eventKind,
    startsAt: a.eventStartsAt,
    endsAt: a.eventEndsAt,
    sessions: [...a.eventSessions],
  }) as SchoolEvent;

export const timesOf = (a: ScheduledAssignment): TimeSpan[] => spansOf(asEvent(a), a.sessionAt);

/** Assignments of `others` on another event whose times overlap `times`. */
export function clashing(
  eventId: string,
  times: readonly TimeSpan[],
  others: readonly ScheduledAssignment[],
): ScheduledAssignment[] {
  return others.filter(
    (o) => o.eventId !== eventId && timesOf(o).some((t) => times.some((mine) => overlaps(t, mine))),
  );
}

/** One person's assignments as schedule items, each with its clashes, soonest first. */
export function toSchedule(assignments: readonly ScheduledAssignment[]): ScheduleItem[] {
  return assignments
    .map((a) => {
      const times = timesOf(a);
      return {
        assignmentId: a.id,
        eventId: a.eventId,
        staffId: a.staffId,
        staffName: `${a.forename} ${a.surname}`,
        title: a.eventTitle,
        kind: a.eventKind,
        role: a.role,
        sessionAt: a.sessionAt,
        times,
        clashesWith: [...new Set(clashing(a.eventId, times, assignments).map((c) => c.eventId))],
      };
    })
    .sort((x, y) => (x.times[0]?.startsAt.getTime() ?? 0) - (y.times[0]?.startsAt.getTime() ?? 0));
}
