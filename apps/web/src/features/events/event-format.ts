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
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

export const CHARACTERISTICS = [
  { value: 'pupil_premium', label: 'Pupil Premium' },
  { value: 'free_school_meals', label: 'Free school meals' },
  { value: 'sen', label: 'SEN' },
] as const;

export const price = (p: number | null | undefined): string =>
  p === null || p === undefined ? 'Free' : `£${(p / 100).toFixed(2)}`;
