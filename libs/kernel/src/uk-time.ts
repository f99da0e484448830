const UK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in the UK (Europe/London) at this instant, as YYYY-MM-DD: 00:30 BST on 2 June is 2 June. */
export function ukDate(at: Date): string {
  return UK_DAY.format(at);
}

/** The instant a UK calendar day (YYYY-MM-DD) begins: 00:00 GMT, or 23:00 UTC the day before in summer (BST). */
export function ukMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const hourBefore = new Date(utcMidnight - 3_600_000);
  // Clocks change at 01:00 UTC, so UK midnight is never ambiguous: it is 00:00 or 23:00 UTC.
  return ukDate(hourBefore) === day ? hourBefore : new Date(utcMidnight);
}

/** The first instant of the UK calendar month that contains this instant. */
export function ukMonthStart(at: Date): Date {
  return ukMidnight(`${ukDate(at).slice(0, 7)}-01`);
}

const UK_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a UK reader expects it in a sentence: "Tue 8 Dec, 16:00" (UK time). */
export function ukDateTime(at: Date): string {
  return UK_DATE_TIME.format(at).replace(' at ', ', ');
}
