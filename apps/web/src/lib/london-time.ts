import { inLondon } from './format';

/**
 * The UTC instant of a wall-clock time in Europe/London, for `<input type="date">` filters.
 * `date` is `YYYY-MM-DD`; the result is an ISO 8601 string.
 */
export function londonToIso(date: string, hour: number, minute: number, second = 0, ms = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d, hour, minute, second, ms);
  // London is UTC or UTC+1: guess, measure the offset at the guess, correct once (and again across a change).
  let instant = wanted;
  for (let i = 0; i < 2; i += 1) {
    const p = inLondon(new Date(instant));
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, second, ms);
    instant += wanted - shown;
  }
  return new Date(instant).toISOString();
}

export function startOfLondonDay(date: string): string {
  return londonToIso(date, 0, 0);
}

/** The instant the day after `date` begins in London: an exclusive upper bound for that day. */
export function endOfLondonDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return startOfLondonDay(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10));
}

/** An instant as a `<input type="datetime-local">` value in London wall time (`YYYY-MM-DDTHH:MM`); '' for none. */
export function isoToLondonInput(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const p = inLondon(new Date(iso));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
