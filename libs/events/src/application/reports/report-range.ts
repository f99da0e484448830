import { AcademicYear, ukDate, ukMidnight } from '@rowan/kernel';
import { checkDateRange } from '../../domain/take-up';
import type { InstantRange } from '../ports/event-reports';

/** `from` and `to`: UK days, inclusive (YYYY-MM-DD); the current academic year when left out. */
export interface ReportDates {
  readonly from?: string;
  readonly to?: string;
}

export interface ResolvedRange {
  readonly from: string;
  readonly to: string;
  readonly instants: InstantRange;
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function reportRange(dates: ReportDates, now: Date): ResolvedRange {
  const year = AcademicYear.containing(now);
  const from = dates.from ?? ukDate(year.start);
  const to = dates.to ?? new Date(year.end.getTime() - 86_400_000).toISOString().slice(0, 10);
  checkDateRange(from, to);
  return { from, to, instants: { from: ukMidnight(from), until: ukMidnight(nextDay(to)) } };
}
