import type { Tone } from '../../ui/types';
import type { RoutingPolicy } from './message-types';

export const POLICIES: ReadonlyArray<{ value: RoutingPolicy; label: string; hint: string }> = [
  {
    value: 'cheapest',
    label: 'Lowest cost',
    hint: 'The app if they use it, else email, else SMS; falls back when a message fails or stays unread',
  },
  { value: 'all', label: 'Urgent: every channel', hint: 'App, email and SMS at once, even in quiet hours' },
  { value: 'email', label: 'Email only', hint: 'Only people with an email address' },
  { value: 'sms', label: 'SMS only', hint: 'Only people with a mobile number' },
];

export const STATUS: Record<string, { label: string; tone: Tone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  pending_approval: { label: 'Awaiting approval', tone: 'warning' },
  scheduled: { label: 'Scheduled', tone: 'info' },
  held: { label: 'Held', tone: 'warning' },
  sending: { label: 'Sending', tone: 'info' },
  sent: { label: 'Sent', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

export const CHANNELS = [
  { key: 'app', label: 'App' },
  { key: 'email', label: 'Email' },
  { key: 'sms', label: 'SMS' },
] as const;

export const STATES = [
  { key: 'queued', label: 'Queued' },
  { key: 'sent', label: 'Sent' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'read', label: 'Read' },
  { key: 'failed', label: 'Failed' },
  { key: 'bounced', label: 'Bounced' },
  { key: 'opted_out', label: 'Opted out' },
] as const;

export const REASONS: Record<string, string> = {
  no_contact: 'No email or mobile for this routing',
  failed: 'Failed',
  bounced: 'Email bounced',
  opted_out: 'Replied STOP to texts',
};

export const YEARS: ReadonlyArray<{ value: number; label: string }> = [
  { value: 0, label: 'Reception' },
  ...Array.from({ length: 13 }, (_, i) => ({ value: i + 1, label: `Year ${i + 1}` })),
];

export const CHARACTERISTICS = [
  { value: 'pupil_premium', label: 'Pupil Premium' },
  { value: 'free_school_meals', label: 'Free school meals' },
  { value: 'sen', label: 'SEN' },
  { value: 'eal', label: 'EAL' },
] as const;

export const MERGE_FIELDS = ['forename', 'surname', 'children', 'school'] as const;

export const pounds = (pence: number): string => `£${(pence / 100).toFixed(2)}`;

/** Plain text as simple HTML paragraphs (the composer's email body). */
export function paragraphs(text: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
