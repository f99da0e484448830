import type { Tone } from '../../ui/types';

export const EVENT_STATUS: Record<string, { label: string; tone: Tone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  published: { label: 'Published', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'warning' },
};

export const BOOKING_STATE: Record<string, { label: string; tone: Tone }> = {
  confirmed: { label: 'Confirmed', tone: 'success' },
  waitlisted: { label: 'Waiting list', tone: 'info' },
  offered: { label: 'Offered', tone: 'warning' },
  held: { label: 'Held for payment', tone: 'warning' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

export const CHARACTERISTICS = [
  { value: 'pupil_premium', label: 'Pupil Premium' },
  { value: 'free_school_meals', label: 'Free school meals' },
  { value: 'sen', label: 'SEN' },
] as const;

const PER: Record<string, string> = { term: ' for the term', session: ' a session' };

/** A price as families read it: "Free", "£18.50", "£1.50 a session", "£30.00 for the term". */
export const price = (p: number | null | undefined, unit?: string | null): string =>
  p === null || p === undefined ? 'Free' : `£${(p / 100).toFixed(2)}${PER[unit ?? ''] ?? ''}`;
