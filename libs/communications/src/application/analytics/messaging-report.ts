import { ukDate } from '@rowan/kernel';
import {
  addFigures,
  NO_FIGURES,
  reachRate,
  reportingPeriods,
  type MessagingFigures,
  type ReportInterval,
  type ReportPeriod,
} from '../../domain/reporting-period';
import type { SchoolPeriodFigures } from '../ports/messaging-analytics';

/** What a report is asked for: UK dates, inclusive; the last twelve weeks or months by default. */
export interface ReportRange {
  readonly from?: string;
  readonly to?: string;
  readonly interval?: ReportInterval;
}

export interface FiguresView extends MessagingFigures {
  readonly reachRate: number | null;
}

export interface PeriodView extends FiguresView {
  readonly firstDay: string;
  readonly lastDay: string;
}

export interface MessagingReport {
  readonly from: string;
  readonly to: string;
  readonly interval: ReportInterval;
  readonly periods: readonly PeriodView[];
  readonly totals: FiguresView;
}

const DEFAULT_PERIODS = 12;

/** The periods a range covers, filling in the defaults from today (UK). */
export function periodsFor(
  range: ReportRange,
  now: Date,
): { from: string; to: string; interval: ReportInterval; periods: ReportPeriod[] } {
  const interval = range.interval ?? 'month';
  const to = range.to ?? ukDate(now);
  const from = range.from ?? defaultFrom(to, interval);
  return { from, to, interval, periods: reportingPeriods(from, to, interval) };
}

function defaultFrom(to: string, interval: ReportInterval): string {
  const end = new Date(`${to}T00:00:00Z`);
  if (interval === 'week') {
    return new Date(end.getTime() - (DEFAULT_PERIODS - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
  }
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() - (DEFAULT_PERIODS - 1));
  return end.toISOString().slice(0, 10);
}

const withRate = (f: MessagingFigures): FiguresView => ({ ...f, reachRate: reachRate(f) });

/** One report over the given schools' figures: every period present, zeros where nothing happened. */
export function buildReport(
  range: { from: string; to: string; interval: ReportInterval; periods: readonly ReportPeriod[] },
  rows: readonly SchoolPeriodFigures[],
): MessagingReport {
  const periods = range.periods.map((p, index) => {
    const figures = addFigures(rows.filter((r) => r.period === index).map((r) => r.figures));
    return { firstDay: p.firstDay, lastDay: p.lastDay, ...withRate(figures) };
  });
  return {
    from: range.from,
    to: range.to,
    interval: range.interval,
    periods,
    totals: withRate(rows.length ? addFigures(rows.map((r) => r.figures)) : NO_FIGURES),
  };
}
