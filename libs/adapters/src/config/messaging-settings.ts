import type { SesSettings } from '../ses/ses-email-sender.adapter';
import type { TwilioSettings } from '../twilio/twilio-sms-sender.adapter';
import { sendPacing } from '../bullmq/queues';
import type { BaseConfig } from './config';

/** The SMS and email providers' settings, from configuration (shared by the API and the worker). */
export function messagingSettings(config: BaseConfig): {
  twilio: TwilioSettings;
  ses: SesSettings;
  sending: { smsBatch: number; emailBatch: number; claimExpiryMs: number; parallelCalls: number };
} {
  const api = config.PUBLIC_API_URL.replace(/\/$/, '');
  return {
    sending: {
      smsBatch: sendPacing(config.SMS_PER_SECOND).batch,
      emailBatch: sendPacing(config.EMAIL_PER_SECOND).batch,
      claimExpiryMs: config.SEND_CLAIM_EXPIRY_SECONDS * 1000,
      parallelCalls: 50,
    },
    twilio: {
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      from: config.TWILIO_FROM,
      statusCallbackUrl: `${api}/api/v1/webhooks/twilio/status`,
      ...(config.TWILIO_API_URL ? { apiUrl: config.TWILIO_API_URL } : {}),
      ...(config.TWILIO_MESSAGING_SERVICE_SID
        ? { messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID }
        : {}),
    },
    ses: {
      region: config.SES_REGION,
      fromAddress: config.SES_FROM_ADDRESS,
      ...(config.SES_ENDPOINT ? { endpoint: config.SES_ENDPOINT } : {}),
      ...(config.SES_CONFIGURATION_SET ? { configurationSet: config.SES_CONFIGURATION_SET } : {}),
    },
  };
}
