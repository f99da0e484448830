import { ukMidnight, ValidationFailed } from '@rowan/kernel';
import type { Channel } from './channel';

export type ReportInterval = 'week' | 'month';

/** One column of a report: UK calendar days [firstDay, lastDay], as the instants [startsAt, endsAt). */
export interface ReportPeriod {
  /** YYYY-MM-DD, the Monday of a week or the 1st of a month. */
  readonly firstDay: string;
  readonly lastDay: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** At most this many columns: two years of weeks, or eight and a half years of months. */
export const MAX_PERIODS = 104;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string): boolean {
  if (!DAY.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

function periodStart(day: string, interval: ReportInterval): string {
  if (interval === 'month') {
    return `${day.slice(0, 7)}-01`;
  }
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday);
}

function nextStart(start: string, interval: ReportInterval): string {
  if (interval === 'week') {
    return addDays(start, 7);
  }
  const [y, m] = start.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The weeks (Monday to Sunday) or calendar months, in UK time, that cover the days `from` to `to` inclusive.
 * The first period starts on or before `from` so that every column is a whole week or month.
 */
export function reportingPeriods(from: string, to: string, interval: ReportInterval): ReportPeriod[] {
  const errors = [
    ...(isDay(from) ? [] : [{ field: 'from', message: 'must be a date (YYYY-MM-DD)' }]),
    ...(isDay(to) ? [] : [{ field: 'to', message: 'must be a date (YYYY-MM-DD)' }]),
  ];
  if (errors.length === 0 && to < from) {
    errors.push({ field: 'to', message: 'must be on or after from' });
  }
  if (errors.length > 0) {
    throw new ValidationFailed('The report’s dates are not valid', errors);
  }
  const periods: ReportPeriod[] = [];
  for (let start = periodStart(from, interval); start <= to; start = nextStart(start, interval)) {
    if (periods.length === MAX_PERIODS) {
      throw new ValidationFailed('The report covers too long a time', [
        { field: 'from', message: `must be within ${MAX_PERIODS} ${interval}s of to` },
      ]);
    }
    const next = nextStart(start, interval);
    periods.push({
      firstDay: start,
      lastDay: addDays(next, -1),
      startsAt: ukMidnight(start),
      endsAt: ukMidnight(next),
    });
  }
  return periods;
}

/** What a school's messages did in one period. */
export interface MessagingFigures {
  /** Messages that began sending in the period. */
  readonly messages: number;
  /** The people those messages were for (one per family contact or member of staff, per message). */
  readonly recipients: number;
  /** Recipients with at least one delivery now sent, delivered or read (not failed, bounced or opted out). */
  readonly reached: number;
  /** Deliveries of those messages per channel, and how many of them are sent, delivered or read. */
  readonly deliveries: Readonly<Record<Channel, { readonly total: number; readonly reached: number }>>;
  /** SMS segments handed to the provider in the period: as the provider reported them, else as estimated. */
  readonly smsSegments: number;
  /** Those segments at the school's price per segment, in pence. */
  readonly smsCostPence: number;
}

export const NO_FIGURES: MessagingFigures = {
  messages: 0,
  recipients: 0,
  reached: 0,
  deliveries: {
    app: { total: 0, reached: 0 },
    email: { total: 0, reached: 0 },
    sms: { total: 0, reached: 0 },
  },
  smsSegments: 0,
  smsCostPence: 0,
};

/** Several schools' or periods' figures added up. */
export function addFigures(all: readonly MessagingFigures[]): MessagingFigures {
  return all.reduce<MessagingFigures>(
    (sum, f) => ({
      messages: sum.messages + f.messages,
      recipients: sum.recipients + f.recipients,
      reached: sum.reached + f.reached,
      deliveries: {
        app: addChannel(sum.deliveries.app, f.deliveries.app),
        email: addChannel(sum.deliveries.email, f.deliveries.email),
        sms: addChannel(sum.deliveries.sms, f.deliveries.sms),
      },
      smsSegments: sum.smsSegments + f.smsSegments,
      smsCostPence: sum.smsCostPence + f.smsCostPence,
    }),
    NO_FIGURES,
  );
}

const addChannel = (a: { total: number; reached: number }, b: { total: number; reached: number }) => ({
  total: a.total + b.total,
  reached: a.reached + b.reached,
});

/** Reached as a share of recipients (0 to 1, three decimals); null when there was nobody to reach. */
export function reachRate(f: MessagingFigures): number | null {
  return f.recipients === 0 ? null : Math.round((f.reached / f.recipients) * 1000) / 1000;
}
