import { ProviderUnavailable, SmsSender, type OutgoingSms, type SendOutcome } from '@rowan/communications';
import twilio from 'twilio';
import { RedirectingRequestClient } from './redirecting-request-client';

export interface TwilioSettings {
  readonly accountSid: string;
  readonly authToken: string;
  /** Where the API is, when not Twilio itself (the local stand-in); the SDK is pointed there. */
  readonly apiUrl?: string;
  /** An alphanumeric sender id or number; ignored when a messaging service is set. */
  readonly from: string;
  readonly messagingServiceSid?: string;
  /** Our public status-callback endpoint; the delivery id is added as `?delivery=`. */
  readonly statusCallbackUrl: string;
}

/** Twilio error codes that mean "this number will not take this text": the delivery ends, and falls back. */
const REFUSED: Record<number, string> = {
  21211: 'invalid number',
  21408: 'region not enabled',
  21612: 'not reachable by SMS',
  21614: 'not a mobile number',
  21217: 'number not valid',
};

/** Sends texts with the official Twilio SDK (pointed at the stand-in in development and tests). */
export class TwilioSmsSender extends SmsSender {
  private readonly client: twilio.Twilio;

  constructor(private readonly settings: TwilioSettings) {
    super();
    this.client = twilio(settings.accountSid, settings.authToken, {
      // Our queue retries with back-off and our limiter keeps under Twilio's rate: no hidden SDK retries.
      autoRetry: false,
      ...(settings.apiUrl ? { httpClient: new RedirectingRequestClient(settings.apiUrl) } : {}),
    });
  }

  async send(sms: OutgoingSms): Promise<SendOutcome> {
    try {
      const message = await this.client.messages.create({
        to: sms.to,
        body: sms.body,
        ...(this.settings.messagingServiceSid
          ? { messagingServiceSid: this.settings.messagingServiceSid }
          : { from: this.settings.from }),
        statusCallback: statusCallbackFor(this.settings.statusCallbackUrl, sms.reference),
      });
      return { outcome: 'sent', providerRef: message.sid, segments: Number(message.numSegments) || 1 };
    } catch (error) {
      return refusal(error);
    }
  }

  async findSent(to: string, body: string, since: Date): Promise<string | null> {
    try {
      const sent = await this.client.messages.list({ to, dateSentAfter: since, limit: 50 });
      return sent.find((m) => m.body === body)?.sid ?? null;
    } catch (error) {
      throw unavailable(error);
    }
  }
}

export const statusCallbackFor = (base: string, deliveryId: string): string =>
  `${base}${base.includes('?') ? '&' : '?'}delivery=${encodeURIComponent(deliveryId)}`;

/** A refusal for this number becomes an outcome; anything else is thrown (transient ones for a retry). */
function refusal(error: unknown): SendOutcome {
  if (error instanceof twilio.RestException && error.code !== undefined) {
    if (error.code === 21610) {
      return { outcome: 'opted_out', code: '21610' };
    }
    const reason = REFUSED[error.code];
    if (reason) {
      return { outcome: 'rejected', code: String(error.code), reason };
    }
  }
  throw unavailable(error);
}

function unavailable(error: unknown): Error {
  if (error instanceof twilio.RestException) {
    if (error.status === 429 || error.status >= 500 || error.code === 20429) {
      return new ProviderUnavailable(
        `Twilio is not taking messages now (${error.status} ${error.code ?? ''})`,
      );
    }
    return new Error(`Twilio refused the request: ${error.status} ${error.code ?? ''} ${error.message}`);
  }
  // No answer at all (connection refused, reset, timeout): worth retrying.
  return new ProviderUnavailable(
    `Twilio could not be reached: ${error instanceof Error ? error.message : String(error)}`,
  );
}
