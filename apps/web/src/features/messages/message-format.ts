import type { Tone } from '../../ui/types';
import type { Audience, RoutingPolicy } from './message-types';

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

export type InviteeFilter = NonNullable<Audience['eventInvitees']>['invitees'];

export const INVITEE_FILTERS: ReadonlyArray<{ value: InviteeFilter; label: string; hint: string }> = [
  { value: 'all', label: 'Everyone invited', hint: '' },
  { value: 'booked', label: 'Booked', hint: 'with a confirmed place' },
  { value: 'waitlisted', label: 'On the waiting list', hint: 'including any offered a place' },
  { value: 'not_responded', label: 'Not yet responded', hint: 'invited, with no booking' },
  { value: 'consent_outstanding', label: 'Consent outstanding', hint: 'holding a place, consent not given' },
];

export const MERGE_FIELDS = ['forename', 'surname', 'children', 'school'] as const;

export const pounds = (pence: number): string => `£${(pence / 100).toFixed(2)}`;

/**
 * The plain-text alternative of the composer's rich-text email: paragraphs and headings separated by blank
 * lines, lists as "- " or "1. " lines (nested ones indented), links as "text (address)". Merge fields pass
 * through untouched.
 */
export function htmlToText(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return blocks(body, '')
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function blocks(parent: Element, indent: string): string[] {
  const out: string[] = [];
  let loose = '';
  const flush = () => {
    if (loose.trim()) {
      out.push(indent + loose.trim());
    }
    loose = '';
  };
  for (const node of Array.from(parent.childNodes)) {
    if (node instanceof HTMLUListElement || node instanceof HTMLOListElement) {
      flush();
      const ordered = node instanceof HTMLOListElement;
      const items = Array.from(node.children).filter((c) => c.tagName === 'LI');
      out.push(
        items
          .map((li, i) => {
            const [first = '', ...rest] = blocks(li, `${indent}   `).map((b) => b.trimStart());
            const nested = rest.map((b) => `${indent}   ${b}`);
            return [`${indent}${ordered ? `${i + 1}.` : '-'} ${first}`, ...nested].join('\n');
          })
          .join('\n'),
      );
    } else if (node instanceof HTMLElement && /^(P|H[1-6]|BLOCKQUOTE|DIV)$/.test(node.tagName)) {
      flush();
      const text = inline(node).trim();
      if (text) {
        out.push(indent + text.replace(/\n/g, `\n${indent}`));
      }
    } else {
      loose += inline(node);
    }
  }
  flush();
  return out;
}

function inline(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) {
    return (node.textContent ?? '').replace(/\s+/g, ' ');
  }
  if (!(node instanceof HTMLElement)) {
    return '';
  }
  if (node.tagName === 'BR') {
    return '\n';
  }
  const text = Array.from(node.childNodes).map(inline).join('');
  if (node.tagName === 'A') {
    const href = (node.getAttribute('href') ?? '').replace(/^mailto:/, '');
    return href && href !== text.trim() ? `${text} (${href})` : text;
  }
  return text;
}
