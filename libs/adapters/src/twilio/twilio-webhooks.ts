import type { DeliveryEvent, DeliveryState } from '@rowan/communications';
import twilio from 'twilio';

/**
 * Whether a callback really comes from Twilio: `X-Twilio-Signature` over the exact public URL it called and the
 * posted form fields, with our auth token.
 */
export function isSignedByTwilio(
  authToken: string,
  signature: string | undefined,
  publicUrl: string,
  params: Record<string, string>,
): boolean {
  return !!signature && twilio.validateRequest(authToken, signature, publicUrl, params);
}

const STATES: Record<string, DeliveryState | undefined> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'failed',
};

/** A status callback in our words, or null for statuses that say nothing new (queued, accepted, sending). */
export function twilioStatusEvent(
  params: Record<string, string>,
  deliveryId: string | null,
): DeliveryEvent | null {
  const state = STATES[params.MessageStatus ?? params.SmsStatus ?? ''];
  const sid = params.MessageSid ?? params.SmsSid;
  if (!state || !sid) {
    return null;
  }
  return {
    deliveryId,
    channel: 'sms',
    providerRef: sid,
    state,
    ...(params.ErrorCode ? { errorCode: params.ErrorCode } : {}),
  };
}
