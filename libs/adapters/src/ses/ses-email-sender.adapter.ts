import { SendEmailCommand, SESv2Client, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import {
  EmailSender,
  ProviderUnavailable,
  type OutgoingEmail,
  type SendOutcome,
} from '@rowan/communications';

export interface SesSettings {
  readonly region: string;
  /** The stand-in's URL in development and tests; absent for AWS itself. */
  readonly endpoint?: string;
  readonly fromAddress: string;
  readonly configurationSet?: string;
}

const TRANSIENT = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'InternalFailure',
  'ServiceUnavailable',
  'ThrottlingException',
]);

/** Sends email through SES v2 with the official SDK. The delivery id travels as a tag, so events name it. */
export class SesEmailSender extends EmailSender {
  private readonly client: SESv2Client;

  constructor(private readonly settings: SesSettings) {
    super();
    this.client = new SESv2Client({
      region: settings.region,
      // Our queue retries with back-off: one attempt per job.
      maxAttempts: 1,
      ...(settings.endpoint
        ? {
            endpoint: settings.endpoint,
            credentials: { accessKeyId: 'stand-in', secretAccessKey: 'stand-in' },
          }
        : {}),
    });
  }

  async send(email: OutgoingEmail): Promise<SendOutcome> {
    try {
      const sent = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: `${encodedName(email.fromName)} <${this.settings.fromAddress}>`,
          Destination: { ToAddresses: [email.to] },
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Html: { Data: email.html, Charset: 'UTF-8' },
                Text: { Data: email.text, Charset: 'UTF-8' },
              },
            },
          },
          EmailTags: [{ Name: 'delivery', Value: email.reference }],
          ...(this.settings.configurationSet ? { ConfigurationSetName: this.settings.configurationSet } : {}),
        }),
      );
      return { outcome: 'sent', providerRef: sent.MessageId ?? '' };
    } catch (error) {
      return refusal(error);
    }
  }
}

/** A rejected message is an outcome for this address; throttling and outages are thrown for a retry. */
function refusal(error: unknown): SendOutcome {
  if (error instanceof SESv2ServiceException && error.name === 'MessageRejected') {
    return { outcome: 'rejected', code: 'MessageRejected', reason: error.message };
  }
  if (
    !(error instanceof SESv2ServiceException) ||
    TRANSIENT.has(error.name) ||
    (error.$metadata.httpStatusCode ?? 0) >= 500
  ) {
    throw new ProviderUnavailable(
      `SES is not taking email now (${error instanceof Error ? error.name : 'no answer'})`,
    );
  }
  throw new Error(`SES refused the request: ${error.name} ${error.message}`);
}

/** A display name as an RFC 2047 encoded word when it is not plain ASCII, else quoted. */
function encodedName(name: string): string {
  return /^[\x20-\x7e]*$/.test(name)
    ? `"${name.replace(/["\\]/g, '\\$&')}"`
    : `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
}
