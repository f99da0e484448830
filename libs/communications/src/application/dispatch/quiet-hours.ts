/** The UK hour (0–23) of an instant. */
export function ukHour(at: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(
      at,
    ),
  );
}

/**
 * How long a routine message must wait for quiet hours to end, in milliseconds (0 outside them). Quiet hours are
 * UK hours [start, end); start > end wraps midnight (21 to 7 is overnight).
 */
export function quietHoursWait(at: Date, quiet: { start: number; end: number } | null): number {
  if (!quiet || quiet.start === quiet.end) {
    return 0;
  }
  const hour = ukHour(at);
  const inside =
    quiet.start < quiet.end
      ? hour >= quiet.start && hour < quiet.end
      : hour >= quiet.start || hour < quiet.end;
  if (!inside) {
    return 0;
  }
  // Step forward a minute at a time to the first instant outside (exact across clock changes, at most 24 h).
  const minute = 60_000;
  let t = Math.ceil(at.getTime() / minute) * minute;
  while (ukHour(new Date(t)) !== quiet.end) {
    t += minute;
  }
  return t - at.getTime();
}
