import type { DeliveryEvent } from '@rowan/communications';

/** An SNS HTTP(S) notification as SES event publishing sends it. */
interface SnsEnvelope {
  readonly Type?: string;
  readonly Message?: string;
  readonly SubscribeURL?: string;
}

interface SesEvent {
  readonly eventType?: string;
  readonly notificationType?: string;
  readonly mail?: {
    readonly messageId?: string;
    readonly timestamp?: string;
    readonly tags?: Record<string, string[]>;
  };
  readonly bounce?: {
    readonly bounceType?: string;
    readonly timestamp?: string;
    readonly bouncedRecipients?: ReadonlyArray<{ readonly emailAddress?: string }>;
  };
  readonly complaint?: {
    readonly timestamp?: string;
    readonly complainedRecipients?: ReadonlyArray<{ readonly emailAddress?: string }>;
  };
  readonly delivery?: { readonly timestamp?: string };
  readonly open?: { readonly timestamp?: string };
}

export type SesNotification =
  | { readonly kind: 'subscription'; readonly confirmUrl: string }
  | { readonly kind: 'event'; readonly event: DeliveryEvent | null }
  | { readonly kind: 'unreadable' };

/** Reads an SNS notification carrying an SES event, in our words (null for events that change nothing). */
export function readSesNotification(body: string): SesNotification {
  let envelope: SnsEnvelope;
  let event: SesEvent;
  try {
    envelope = JSON.parse(body) as SnsEnvelope;
    if (envelope.Type === 'SubscriptionConfirmation' && envelope.SubscribeURL) {
      return { kind: 'subscription', confirmUrl: envelope.SubscribeURL };
    }
    event = JSON.parse(envelope.Message ?? '') as SesEvent;
  } catch {
    return { kind: 'unreadable' };
  }
  const messageId = event.mail?.messageId;
  if (envelope.Type !== 'Notification' || !messageId) {
    return { kind: 'unreadable' };
  }
  const deliveryId = event.mail?.tags?.delivery?.[0] ?? null;
  const type = event.eventType ?? event.notificationType;
  const at = (s?: string) => (s && !Number.isNaN(Date.parse(s)) ? { at: new Date(s) } : {});
  const base = { deliveryId, channel: 'email' as const, providerRef: messageId };
  const address = (list?: ReadonlyArray<{ readonly emailAddress?: string }>) => list?.[0]?.emailAddress;
  switch (type ?? '') {
    case 'Send':
      // SES took the message: the first event, seconds after the call. It settles a send whose worker died
      // before recording SES's answer, so the email is not sent again.
      return { kind: 'event', event: { ...base, state: 'sent', ...at(event.mail?.timestamp) } };
    case 'Complaint': {
      // They received it and marked it as spam: delivered, and never emailed again.
      const complained = address(event.complaint?.complainedRecipients);
      return {
        kind: 'event',
        event: {
          ...base,
          state: 'delivered',
          ...at(event.complaint?.timestamp),
          ...(complained ? { suppress: { address: complained, reason: 'complaint' as const } } : {}),
        },
      };
    }
    case 'Delivery':
      return { kind: 'event', event: { ...base, state: 'delivered', ...at(event.delivery?.timestamp) } };
    case 'Bounce':
      return {
        kind: 'event',
        event: {
          ...base,
          state: 'bounced',
          errorCode: event.bounce?.bounceType ?? 'Bounce',
          ...at(event.bounce?.timestamp),
          ...(event.bounce?.bounceType === 'Permanent' && address(event.bounce.bouncedRecipients)
            ? { suppress: { address: address(event.bounce.bouncedRecipients)!, reason: 'bounce' as const } }
            : {}),
        },
      };
    case 'Reject':
      return { kind: 'event', event: { ...base, state: 'failed', errorCode: 'Reject' } };
    case 'Open':
      return { kind: 'event', event: { ...base, state: 'read', ...at(event.open?.timestamp) } };
    default:
      return { kind: 'event', event: null };
  }
}
