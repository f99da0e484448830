import {
  SendBulkEmailCommand,
  SendEmailCommand,
  SESv2Client,
  SESv2ServiceException,
  type BulkEmailEntryResult,
} from '@aws-sdk/client-sesv2';
import {
  EmailSender,
  escapeHtml,
  mapMergeFields,
  ProviderUnavailable,
  type BulkSendOutcome,
  type MergeField,
  type OutgoingBulkEmail,
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

/** Bulk entry statuses that mean "not this address" rather than "not now". */
const REJECTED_ENTRY = new Set(['MESSAGE_REJECTED', 'INVALID_PARAMETER']);

/**
 * Sends email through SES v2 with the official SDK: one SendEmail, or one SendBulkEmail for up to 50 recipients
 * with an inline template. The delivery id travels as a tag, so events name it.
 */
export class SesEmailSender extends EmailSender {
  readonly bulkLimit = 50;
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

  async sendBulk(email: OutgoingBulkEmail): Promise<BulkSendOutcome[]> {
    // Only the fields the templates use travel with each entry: the request stays small (SES takes 1 MB).
    const used: Placeholder[] = [];
    const template = {
      Subject: sesTemplate(email.subject, false, used),
      Html: sesTemplate(email.html, true, used),
      Text: sesTemplate(email.text, false, used),
    };
    const blank = { title: '', forename: '', surname: '', children: '', school: '' };
    try {
      const sent = await this.client.send(
        new SendBulkEmailCommand({
          FromEmailAddress: `${encodedName(email.fromName)} <${this.settings.fromAddress}>`,
          DefaultContent: {
            Template: { TemplateContent: template, TemplateData: sesTemplateData(blank, used) },
          },
          BulkEmailEntries: email.entries.map((entry) => ({
            Destination: { ToAddresses: [entry.to] },
            ReplacementTags: [{ Name: 'delivery', Value: entry.reference }],
            ReplacementEmailContent: {
              ReplacementTemplate: { ReplacementTemplateData: sesTemplateData(entry.fields, used) },
            },
          })),
          ...(this.settings.configurationSet ? { ConfigurationSetName: this.settings.configurationSet } : {}),
        }),
      );
      return email.entries.map((_, i) => bulkOutcome(sent.BulkEmailEntryResults?.[i]));
    } catch (error) {
      const outcome = refusal(error);
      // A whole call refused (MessageRejected for the call): every entry shares the fate.
      return email.entries.map(() => outcome);
    }
  }
}

/**
 * Our merge fields as SES inline-template placeholders: `{{forename}}` in the subject and text, and
 * `{{forename_html}}`, an escaped copy, in the HTML (SES does not escape what it substitutes). Any other `{{` is
 * escaped, so content can never be read as template syntax.
 */
function sesTemplate(text: string, html: boolean, used: Placeholder[]): string {
  return mapMergeFields(
    text,
    (field) => {
      if (!used.some((u) => u.field === field && u.html === html)) {
        used.push({ field, html });
      }
      return `{{${placeholder({ field, html })}}}`;
    },
    (literal) => literal.replace(/\{\{/g, '\\{{'),
  );
}

/** A merge field as the template names it: `forename`, or `forename_html` for its escaped copy. */
interface Placeholder {
  readonly field: MergeField;
  readonly html: boolean;
}

const placeholder = (p: Placeholder) => `${p.field}${p.html ? '_html' : ''}`;

function sesTemplateData(fields: Readonly<Record<MergeField, string>>, used: readonly Placeholder[]): string {
  return JSON.stringify(
    Object.fromEntries(
      used.map((p) => [placeholder(p), p.html ? escapeHtml(fields[p.field]) : fields[p.field]]),
    ),
  );
}

function bulkOutcome(result: BulkEmailEntryResult | undefined): BulkSendOutcome {
  if (result?.Status === 'SUCCESS' && result.MessageId) {
    return { outcome: 'sent', providerRef: result.MessageId };
  }
  const status = result?.Status ?? 'NO_RESULT';
  return REJECTED_ENTRY.has(status)
    ? { outcome: 'rejected', code: status, reason: result?.Error ?? status }
    : { outcome: 'retry', reason: `${status}${result?.Error ? `: ${result.Error}` : ''}` };
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
