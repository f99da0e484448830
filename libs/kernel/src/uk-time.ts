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
