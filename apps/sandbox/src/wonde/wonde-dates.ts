import type { WondeDate } from '@rowan/adapters/wonde/wonde-wire.types';
import type { SeededRandom } from './seeded-random';

/**
 * Dates for the generated school and for Wonde's wire format. Generated data is anchored to the 2025/26
 * academic year (not the clock), so a seed always yields the same school.
 */
export const ACADEMIC_YEAR_START = 2025;
/** Generated records were created and last updated before this instant; control changes use the clock. */
export const GENERATED_BEFORE = Date.UTC(2025, 8, 12, 16, 0, 0);

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** A timestamp as Wonde sends `created_at`/`updated_at`/`deleted_at`: UTC, microseconds always zero. */
export function wondeTimestamp(epochMs: number): WondeDate {
  const d = new Date(epochMs);
  const date =
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.000000`;
  return { date, timezone_type: 3, timezone: 'UTC' };
}

/** A calendar date (`YYYY-MM-DD`) as Wonde sends dates of birth: midnight, Europe/London. */
export function wondeCalendarDate(isoDate: string | null): WondeDate | null {
  return isoDate === null
    ? null
    : { date: `${isoDate} 00:00:00.000000`, timezone_type: 3, timezone: 'Europe/London' };
}

/**
 * Parses `updated_after`: `YYYY-MM-DD HH:MM:SS` (what Rowan sends), `YYYY-MM-DD`, or ISO 8601. Times without
 * an offset are read as UTC (unverified: Wonde documents no time zone for this parameter). Null if invalid.
 */
export function parseUpdatedAfter(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(value.trim());
  if (match) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

const DAY_MS = 86_400_000;
const parsedDays = new Map<string, number>();

/** Midnight UTC of an ISO date, in epoch ms (cached: generation asks for the same bounds many times). */
export function dayStart(isoDate: string): number {
  let ms = parsedDays.get(isoDate);
  if (ms === undefined) {
    ms = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
    parsedDays.set(isoDate, ms);
  }
  return ms;
}

/** `YYYY-MM-DD` of an instant (UTC), without allocating a Date (civil-from-days). */
export function isoDate(epochMs: number): string {
  const div = (a: number, b: number): number => (a / b) | 0; // positive and small here; see imul32
  const z = div(epochMs, DAY_MS) + 719468;
  const era = div(z, 146097);
  const doe = z - era * 146097;
  const yoe = div(doe - div(doe, 1460) + div(doe, 36524) - div(doe, 146096), 365);
  const doy = doe - (365 * yoe + div(yoe, 4) - div(yoe, 100));
  const mp = div(5 * doy + 2, 153);
  const day = doy - div(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A random instant between two ISO dates (UTC). */
export function randomInstant(random: SeededRandom, from: string, to: string): number {
  const start = dayStart(from);
  return start + random.below(dayStart(to) - start);
}

/** A random calendar date between two ISO dates. */
export function randomDate(random: SeededRandom, from: string, to: string): string {
  return isoDate(randomInstant(random, from, to));
}

/** Date-of-birth range for an NC year in the anchored academic year ('R' is 0). */
export function birthRange(ncYear: number): { from: string; to: string } {
  const start = ACADEMIC_YEAR_START - 5 - ncYear;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}
