import type { Tone } from '../../ui/types';

export const CONSENT_STATE: Record<string, { label: string; tone: Tone }> = {
  not_needed: { label: 'Not needed', tone: 'neutral' },
  missing: { label: 'Missing', tone: 'warning' },
  given: { label: 'Given', tone: 'success' },
  stale: { label: 'To confirm again', tone: 'warning' },
};
