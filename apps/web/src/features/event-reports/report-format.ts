/** Labels and number formats shared by the event reports. */
export const GROUP_LABELS: Record<string, string> = {
  pupil_premium: 'Pupil Premium',
  free_school_meals: 'Free school meals',
  sen: 'SEN',
};

export const STATE_LABELS: Record<string, string> = {
  confirmed: 'Confirmed',
  waitlisted: 'Waiting list',
  offered: 'Offered a place',
  cancelled: 'Cancelled',
  not_responded: 'Not responded',
};

export const CONSENT_LABELS: Record<string, string> = {
  not_needed: 'Not needed',
  missing: 'Missing',
  given: 'Given',
  stale: 'Asked again',
};

export const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);
/** A rate (0 to 1) as a percentage: 0.333 -> "33.3%"; none as a dash. */
export const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10}%`);
/** For a chart: the rate as a number of percent, or null (no bar). */
export const percentValue = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
export const points = (gap: number | null) => (gap === null ? '–' : `${gap > 0 ? '+' : ''}${gap} points`);
