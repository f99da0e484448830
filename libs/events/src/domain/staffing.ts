import { ValidationFailed } from '@rowan/kernel';
import type { SchoolEvent } from './event';

export const STAFF_ROLES_ON_EVENTS = ['lead', 'helper'] as const;
export type EventStaffRole = (typeof STAFF_ROLES_ON_EVENTS)[number];

/** A club records only when each session starts; staffing and registers take a session to last this long. */
export const CLUB_SESSION_MS = 60 * 60 * 1000;

export interface TimeSpan {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** The club session starting at `at`, if the club has one then. */
export function sessionOf(event: SchoolEvent, at: Date): Date | null {
  return event.sessions.find((s) => new Date(s).getTime() === at.getTime()) ?? null;
}

/**
 * The times an assignment covers: a trip from start to end; one club session; or, for a whole club, every
 * session. A session must be one of the club's, and only a club has sessions.
 */
export function spansOf(event: SchoolEvent, sessionAt: Date | null): TimeSpan[] {
  if (sessionAt && (event.kind !== 'club' || !sessionOf(event, sessionAt))) {
    throw new ValidationFailed('That is not a session of this event', [
      { field: 'sessionAt', message: 'must be one of the club’s sessions' },
    ]);
  }
  if (event.kind === 'trip') {
    return [{ startsAt: event.startsAt, endsAt: event.endsAt ?? event.startsAt }];
  }
  const starts = sessionAt ? [sessionAt] : event.sessions.map((s) => new Date(s));
  return starts.map((s) => ({ startsAt: s, endsAt: new Date(s.getTime() + CLUB_SESSION_MS) }));
}

export const overlaps = (a: TimeSpan, b: TimeSpan): boolean =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
