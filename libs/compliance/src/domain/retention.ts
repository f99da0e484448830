import { AcademicYear } from '@rowan/kernel';

/** A calendar day, `YYYY-MM-DD`, in UTC (the boundaries here are UTC days, as `AcademicYear`'s are). */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** How many whole academic years a leaver's record is kept after the year they left in. */
export const LEAVER_RETENTION_YEARS = 2;

/**
 * The first day a leaver may be anonymised: 1 September after the second whole academic year since leaving.
 * A pupil who left on 20 July 2024 (in 2023/24) is kept through 2024/25 and 2025/26, so until 31 August 2026,
 * and is anonymised from 1 September 2026. `leaveDate` is a calendar date, `YYYY-MM-DD`.
 */
export function anonymiseFrom(leaveDate: string): Date {
  const left = calendarDay(leaveDate);
  return AcademicYear.containing(left).plus(LEAVER_RETENTION_YEARS).end;
}

/** The latest leave date whose holder is due for anonymisation on `today`: anyone who left on or before it. */
export function leftOnOrBefore(today: Date): string {
  // Due when AcademicYear.containing(left).plus(2).end <= today, i.e. left before the start of the academic
  // year two before the current one.
  const dueYearEnd = AcademicYear.containing(today).plus(-LEAVER_RETENTION_YEARS).start;
  return utcDay(new Date(dueYearEnd.getTime() - 86_400_000));
}

/** Days between a school's contract ending and its data being destroyed. */
export const DESTRUCTION_GRACE_DAYS = 30;

/** The day a school's data is destroyed: 30 days after its contract's last day (`YYYY-MM-DD`). */
export function destroyOn(contractEndsOn: string): string {
  const end = calendarDay(contractEndsOn);
  return utcDay(new Date(end.getTime() + DESTRUCTION_GRACE_DAYS * 86_400_000));
}

function calendarDay(day: string): Date {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00.000Z`) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()) || utcDay(at) !== day) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${day}`);
  }
  return at;
}
