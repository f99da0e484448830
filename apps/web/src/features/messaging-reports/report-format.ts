import type { Interval, ReportFigures, ReportPeriod } from './composables/use-messaging-report';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};

/** "May 2025", or "w/c 26 May 2025" for a week (commencing Monday). */
export function periodLabel(p: Pick<ReportPeriod, 'firstDay'>, interval: Interval): string {
  const { y, m, d } = day(p.firstDay);
  return interval === 'month' ? `${MONTHS[m - 1]} ${y}` : `w/c ${d} ${MONTHS[m - 1]} ${y}`;
}

export const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);
export const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;
export const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10}%`);

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** One sentence for a chart's text equivalent. */
export function summary(totals: ReportFigures, periods: number, interval: Interval): string {
  return (
    `Over ${plural(periods, interval)}: ${plural(totals.messages, 'message')} to ` +
    `${plural(totals.recipients, 'recipient')}, ${count(totals.reached)} reached (${percent(totals.reachRate)}), ` +
    `SMS cost ${pounds(totals.smsCostPence)}. The table below gives every figure.`
  );
}
