import type { Channel } from './channel';
import type { MessageEstimate, MessageContent } from './message';
import { escapeHtml, mergeFields } from './merge-fields';
import { firstChannels, reachableChannels, type Recipient } from './recipient';
import type { RoutingPolicy } from './channel';
import { smsSegments } from './sms-segments';

/** One recipient's copy of a channel's content, merge fields filled. */
export function renderApp(content: MessageContent, r: Recipient, school: string) {
  return content.app
    ? { title: mergeFields(content.app.title, r, school), body: mergeFields(content.app.body, r, school) }
    : null;
}

export function renderEmail(content: MessageContent, r: Recipient, school: string) {
  return content.email
    ? {
        subject: mergeFields(content.email.subject, r, school),
        html: mergeFields(content.email.html, r, school, escapeHtml),
        text: mergeFields(content.email.text, r, school),
      }
    : null;
}

export function renderSms(content: MessageContent, r: Recipient, school: string): string | null {
  return content.sms ? mergeFields(content.sms.text, r, school) : null;
}

export interface PlannedRecipient {
  readonly recipient: Recipient;
  /** Every channel they can be reached on (for fallbacks), cheapest first. */
  readonly reachable: readonly Channel[];
  /** The channels their first deliveries use. */
  readonly first: readonly Channel[];
  /** SMS segments of their copy, when SMS is among the first channels. */
  readonly smsSegments: number;
}

/**
 * Who gets what first, and what it costs: the routing decision for each recipient and the estimate shown before
 * sending (first deliveries only; fallbacks to SMS cost more, and are counted when they happen).
 */
export function planSend(
  recipients: readonly Recipient[],
  policy: RoutingPolicy,
  content: MessageContent,
  school: string,
  blocked: ReadonlySet<string>,
  segmentPence: number,
): { planned: PlannedRecipient[]; estimate: MessageEstimate } {
  const byChannel = { app: 0, email: 0, sms: 0 };
  let unreachable = 0;
  let segments = 0;
  const planned = recipients.map((recipient) => {
    const reachable = reachableChannels(recipient, blocked);
    const first = firstChannels(policy, reachable);
    first.forEach((c) => byChannel[c]++);
    if (first.length === 0) {
      unreachable++;
    }
    const sms = first.includes('sms') ? smsSegments(renderSms(content, recipient, school) ?? '').segments : 0;
    segments += sms;
    return { recipient, reachable, first, smsSegments: sms };
  });
  return {
    planned,
    estimate: {
      recipients: recipients.length,
      byChannel,
      unreachable,
      smsSegments: segments,
      smsCostPence: segments * segmentPence,
    },
  };
}
