import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathOf, readJson, sendHtml, sendJson } from '../http/http-helpers';
import { Callbacks } from '../http/callbacks';
import { escapeHtml, Faults, serve } from '../http/server';

export interface SesEventsTarget {
  readonly url: string;
  readonly username: string;
  readonly password: string;
}

export interface SesStandInOptions {
  readonly host?: string;
  readonly port?: number;
  /** Where delivery, bounce and complaint events are posted as SNS notifications (basic auth). */
  readonly eventsTarget?: SesEventsTarget;
  readonly eventDelayMs?: number;
}

export interface RecordedEmail {
  readonly messageId: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string | null;
  readonly text: string | null;
  readonly tags: Readonly<Record<string, string>>;
  readonly at: string;
}

export type SesError = 'TooManyRequestsException' | 'InternalFailure';

export interface SesControl {
  clear(): void;
  faults(error: SesError | null, options?: { count?: number; forMs?: number }): void;
  bounce(address: string, bounceType?: 'Permanent' | 'Transient'): void;
  reject(address: string): void;
  setEventsTarget(target: SesEventsTarget): void;
}

export interface SesStandIn {
  readonly url: string;
  readonly port: number;
  emails(): RecordedEmail[];
  readonly control: SesControl;
  close(): Promise<void>;
}

interface SendEmailBody {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  Content?: {
    Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string }; Html?: { Data?: string } } };
  };
  EmailTags?: Array<{ Name: string; Value: string }>;
  ConfigurationSetName?: string;
}

interface SendBulkEmailBody {
  FromEmailAddress?: string;
  DefaultContent?: {
    Template?: {
      TemplateName?: string;
      TemplateContent?: { Subject?: string; Html?: string; Text?: string };
      TemplateData?: string;
    };
  };
  BulkEmailEntries?: Array<{
    Destination?: { ToAddresses?: string[] };
    ReplacementTags?: Array<{ Name: string; Value: string }>;
    ReplacementEmailContent?: { ReplacementTemplate?: { ReplacementTemplateData?: string } };
  }>;
  DefaultEmailTags?: Array<{ Name: string; Value: string }>;
  ConfigurationSetName?: string;
}

/** An inline template's simple substitutions, as SES does them: `{{name}}` unescaped, `\{{` a literal. */
function renderTemplate(template: string, data: Record<string, unknown>): string {
  return template.replace(/\\\{\{|\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (_whole, name?: string) =>
    name === undefined ? '{{' : String(data[name] ?? ''),
  );
}

const SIMULATOR: Record<string, 'Bounce' | 'Complaint' | 'Delivery'> = {
  'bounce@simulator.amazonses.com': 'Bounce',
  'complaint@simulator.amazonses.com': 'Complaint',
  'success@simulator.amazonses.com': 'Delivery',
};

/**
 * SES v2 SendEmail (`POST /v2/email/outbound-emails`) as the AWS SDK calls it, the mailbox simulator, and
 * configuration-set events delivered as SNS notifications. The SigV4 signature is required but not checked.
 */
export async function startSesStandIn(options: SesStandInOptions = {}): Promise<SesStandIn> {
  const sent: RecordedEmail[] = [];
  const bounces = new Map<string, 'Permanent' | 'Transient'>();
  const rejected = new Set<string>();
  const faults = new Faults<SesError>();
  let target = options.eventsTarget ?? null;
  const events = new Callbacks('ses');

  // As SES does: a Send event once it has taken the message, then what became of it.
  const publish = (email: RecordedEmail, to: string) => {
    post(email, to, 'Send');
    post(email, to, SIMULATOR[to] ?? (bounces.has(to) ? 'Bounce' : 'Delivery'));
  };

  const post = (email: RecordedEmail, to: string, kind: 'Send' | 'Bounce' | 'Complaint' | 'Delivery') => {
    if (!target) {
      return;
    }
    const timestamp = new Date().toISOString();
    const event = {
      eventType: kind,
      mail: {
        timestamp: email.at,
        source: email.from,
        sendingAccountId: '000000000000',
        messageId: email.messageId,
        destination: email.to,
        headersTruncated: false,
        tags: Object.fromEntries(Object.entries(email.tags).map(([k, v]) => [k, [v]])),
      },
      ...(kind === 'Send' ? { send: {} } : {}),
      ...(kind === 'Delivery'
        ? {
            delivery: { timestamp, processingTimeMillis: 20, recipients: [to], smtpResponse: '250 2.0.0 OK' },
          }
        : {}),
      ...(kind === 'Bounce'
        ? {
            bounce: {
              bounceType: bounces.get(to) ?? 'Permanent',
              bounceSubType: 'General',
              bouncedRecipients: [{ emailAddress: to, action: 'failed', status: '5.1.1' }],
              timestamp,
              feedbackId: randomUUID(),
            },
          }
        : {}),
      ...(kind === 'Complaint'
        ? { complaint: { complainedRecipients: [{ emailAddress: to }], timestamp } }
        : {}),
    };
    const { url, username, password } = target;
    events.later(options.eventDelayMs ?? 20, () =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain; charset=UTF-8',
          'x-amz-sns-message-type': 'Notification',
          'x-amz-sns-message-id': randomUUID(),
          'x-amz-sns-topic-arn': 'arn:aws:sns:eu-west-2:000000000000:rowan-ses-events',
          authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
        },
        body: JSON.stringify({
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: 'arn:aws:sns:eu-west-2:000000000000:rowan-ses-events',
          Message: JSON.stringify(event),
          Timestamp: timestamp,
          SignatureVersion: '1',
          Signature: 'sandbox-unsigned',
          SigningCertURL: 'https://sns.eu-west-2.amazonaws.com/sandbox.pem',
        }),
      }),
    );
  };

  /** Answers an unsigned call, or a fault the stand-in was told to give; true when it did. */
  function refused(req: IncomingMessage, res: ServerResponse): boolean {
    if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256')) {
      sesError(res, 403, 'UnrecognizedClientException', 'Missing authentication token');
      return true;
    }
    const fault = faults.next();
    if (fault) {
      sesError(res, fault === 'TooManyRequestsException' ? 429 : 500, fault, 'The stand-in was told to fail');
      return true;
    }
    return false;
  }

  async function send(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (refused(req, res)) {
      return;
    }
    const body = (await readJson(req)) as SendEmailBody;
    const to = body.Destination?.ToAddresses ?? [];
    const simple = body.Content?.Simple;
    if (!body.FromEmailAddress || to.length === 0 || !simple?.Subject?.Data) {
      return sesError(res, 400, 'BadRequestException', 'From, a recipient and a simple subject are required');
    }
    if (to.some((address) => rejected.has(address))) {
      return sesError(res, 400, 'MessageRejected', 'Email address is not verified.');
    }
    const email: RecordedEmail = {
      messageId: `0100${randomUUID().replace(/-/g, '')}-000000`,
      from: body.FromEmailAddress,
      to,
      subject: simple.Subject.Data,
      html: simple.Body?.Html?.Data ?? null,
      text: simple.Body?.Text?.Data ?? null,
      tags: Object.fromEntries((body.EmailTags ?? []).map((t) => [t.Name, t.Value])),
      at: new Date().toISOString(),
    };
    sent.push(email);
    sendJson(res, 200, { MessageId: email.messageId });
    to.forEach((address) => publish(email, address));
  }

  /** SendBulkEmail with an inline template (what Rowan uses): up to 50 entries, a result for each. */
  async function sendBulk(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (refused(req, res)) {
      return;
    }
    const body = (await readJson(req)) as SendBulkEmailBody;
    const template = body.DefaultContent?.Template;
    const entries = body.BulkEmailEntries ?? [];
    if (!body.FromEmailAddress || !template?.TemplateContent?.Subject || entries.length === 0) {
      return sesError(res, 400, 'BadRequestException', 'From, an inline template and entries are required');
    }
    if (entries.length > 50) {
      return sesError(res, 400, 'BadRequestException', 'At most 50 bulk email entries');
    }
    const defaults = JSON.parse(template.TemplateData ?? '{}') as Record<string, unknown>;
    const content = template.TemplateContent;
    const results = entries.map((entry) => {
      const to = entry.Destination?.ToAddresses ?? [];
      if (to.length === 0 || to.some((address) => rejected.has(address))) {
        return { Status: 'MESSAGE_REJECTED', Error: 'Email address is not verified.' };
      }
      const data = {
        ...defaults,
        ...(JSON.parse(
          entry.ReplacementEmailContent?.ReplacementTemplate?.ReplacementTemplateData ?? '{}',
        ) as Record<string, unknown>),
      };
      const email: RecordedEmail = {
        messageId: `0100${randomUUID().replace(/-/g, '')}-000000`,
        from: body.FromEmailAddress!,
        to,
        subject: renderTemplate(content.Subject ?? '', data),
        html: content.Html ? renderTemplate(content.Html, data) : null,
        text: content.Text ? renderTemplate(content.Text, data) : null,
        tags: Object.fromEntries(
          [...(body.DefaultEmailTags ?? []), ...(entry.ReplacementTags ?? [])].map((t) => [t.Name, t.Value]),
        ),
        at: new Date().toISOString(),
      };
      sent.push(email);
      to.forEach((address) => publish(email, address));
      return { Status: 'SUCCESS', MessageId: email.messageId };
    });
    sendJson(res, 200, { BulkEmailEntryResults: results });
  }

  const control: SesControl = {
    clear: () => void (sent.length = 0),
    faults: (error, opts) => faults.set(error, opts),
    bounce: (address, bounceType = 'Permanent') => void bounces.set(address, bounceType),
    reject: (address) => void rejected.add(address),
    setEventsTarget: (t) => void (target = t),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req).pathname;
    if (req.method === 'POST' && path === '/v2/email/outbound-emails') {
      return send(req, res);
    }
    if (req.method === 'POST' && path === '/v2/email/outbound-bulk-emails') {
      return sendBulk(req, res);
    }
    if (req.method === 'GET' && (path === '/sandbox/ses' || path === '/sandbox/ses/')) {
      return sendHtml(res, 200, mailPage(sent));
    }
    if (req.method === 'GET' && (path === '/sandbox/ses/emails' || path === '/store')) {
      return sendJson(res, 200, {
        emails: sent.map((e) => ({ ...e, destination: { to: e.to }, body: { html: e.html, text: e.text } })),
      });
    }
    if (req.method === 'POST' && path.startsWith('/sandbox/ses/')) {
      const body = (await readJson(req)) as Record<string, unknown>;
      const s = (key: string) => String(body[key] ?? '');
      const count = typeof body.count === 'number' ? { count: body.count } : {};
      const forMs = typeof body.forMs === 'number' ? { forMs: body.forMs } : {};
      const actions: Record<string, () => void> = {
        '/sandbox/ses/clear': () => control.clear(),
        '/sandbox/ses/faults': () =>
          control.faults(
            body.error === 'TooManyRequestsException' || body.error === 'InternalFailure' ? body.error : null,
            {
              ...count,
              ...forMs,
            },
          ),
        '/sandbox/ses/bounce': () =>
          control.bounce(s('address'), body.bounceType === 'Transient' ? 'Transient' : 'Permanent'),
        '/sandbox/ses/reject': () => control.reject(s('address')),
        '/sandbox/ses/events-target': () =>
          control.setEventsTarget({ url: s('url'), username: s('username'), password: s('password') }),
      };
      const action = actions[path];
      if (action) {
        action();
        return sendJson(res, 200, { ok: true });
      }
    }
    sendJson(res, 404, { message: 'Unknown endpoint' });
  }

  const server = await serve('ses', options.host ?? '127.0.0.1', options.port ?? 0, handle);
  const close = async () => {
    await events.close();
    await server.close();
  };
  return { url: server.origin, port: server.port, emails: () => [...sent], control, close };
}

function sesError(res: ServerResponse, status: number, type: string, message: string): void {
  res.setHeader('x-amzn-errortype', type);
  sendJson(res, status, { message });
}

function mailPage(sent: readonly RecordedEmail[]): string {
  const rows = [...sent]
    .reverse()
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.at)}</td><td>${escapeHtml(e.to.join(', '))}</td><td>${escapeHtml(e.subject)}</td><td>${escapeHtml((e.text ?? '').slice(0, 200))}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox email</title></head><body>
<h1>Email sent through the SES stand-in (${sent.length})</h1>
<table><thead><tr><th>Time</th><th>To</th><th>Subject</th><th>Text</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>`;
}
