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
  readonly mail?: { readonly messageId?: string; readonly tags?: Record<string, string[]> };
  readonly bounce?: { readonly bounceType?: string; readonly timestamp?: string };
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
  switch (type ?? '') {
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
