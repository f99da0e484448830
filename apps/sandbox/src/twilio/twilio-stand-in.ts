import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import twilio from 'twilio';
import { Callbacks } from '../http/callbacks';
import { pathOf, readForm, readJson, sendHtml, sendJson } from '../http/http-helpers';
import { escapeHtml, Faults, serve } from '../http/server';
import { twilioSegments } from './twilio-segments';

export const SANDBOX_TWILIO = {
  accountSid: 'AC00000000000000000000000000000001',
  authToken: 'sandbox-twilio-auth-token',
};

export interface TwilioStandInOptions {
  readonly host?: string;
  readonly port?: number;
  readonly accountSid: string;
  readonly authToken: string;
  /** Delay before each status callback (default 20 ms). */
  readonly callbackDelayMs?: number;
  /** Where replies (STOP…) are posted, as a messaging service's inbound webhook. */
  readonly inboundUrl?: string;
}

export interface RecordedSms {
  readonly sid: string;
  readonly to: string;
  readonly from: string;
  readonly body: string;
  readonly segments: number;
  readonly encoding: 'GSM-7' | 'UCS-2';
  status: string;
  readonly statusCallback: string | null;
  readonly at: string;
}

export interface TwilioControl {
  clear(): void;
  /** The next `count` sends (or every send for `forMs`) answer this HTTP status (500 or 429); null stops. */
  faults(status: 500 | 429 | null, options?: { count?: number; forMs?: number }): void;
  latency(ms: number): void;
  /** Sends to this number are refused with this Twilio error code (21211, 21610, 21612, 21614). */
  reject(number: string, code: number): void;
  /** Sends to this number are accepted but then reported undelivered (or failed) with this error code. */
  undeliverable(number: string, errorCode?: number, status?: 'undelivered' | 'failed'): void;
  /** A reply from `from`, posted signed to the inbound URL; STOP and its synonyms opt the number out. */
  reply(from: string, body: string): Promise<void>;
  setInboundUrl(url: string): void;
}

export interface TwilioStandIn {
  readonly url: string;
  readonly port: number;
  messages(): RecordedSms[];
  readonly control: TwilioControl;
  close(): Promise<void>;
}

const STOP = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'];
const START = ['START', 'UNSTOP', 'YES'];

/** Twilio's Messages API (send, fetch, list), signed status callbacks and inbound replies, plus controls. */
export async function startTwilioStandIn(options: TwilioStandInOptions): Promise<TwilioStandIn> {
  const sent: RecordedSms[] = [];
  const optedOut = new Set<string>();
  const rejected = new Map<string, number>();
  const undeliverable = new Map<string, { errorCode: number; status: 'undelivered' | 'failed' }>();
  const faults = new Faults<500 | 429>();
  let latencyMs = 0;
  let inboundUrl = options.inboundUrl ?? null;
  const base = `/2010-04-01/Accounts/${options.accountSid}/Messages`;
  const callbacksOut = new Callbacks('twilio');
  const later = (ms: number, post: () => Promise<Response>) => callbacksOut.later(ms, post);

  const signedPost = (url: string, params: Record<string, string>) => {
    const signature = twilio.getExpectedTwilioSignature(options.authToken, url, params);
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
  };

  const callbacks = (sms: RecordedSms) => {
    if (!sms.statusCallback) {
      return;
    }
    const fate = undeliverable.get(sms.to);
    const steps: Array<[string, number | null]> = [
      ['sent', null],
      fate ? [fate.status, fate.errorCode] : ['delivered', null],
    ];
    let delay = options.callbackDelayMs ?? 20;
    for (const [status, errorCode] of steps) {
      later(delay, () => {
        sms.status = status;
        return signedPost(sms.statusCallback!, {
          AccountSid: options.accountSid,
          ApiVersion: '2010-04-01',
          From: sms.from,
          MessageSid: sms.sid,
          MessageStatus: status,
          SmsSid: sms.sid,
          SmsStatus: status,
          To: sms.to,
          ...(errorCode ? { ErrorCode: String(errorCode) } : {}),
        });
      });
      delay += options.callbackDelayMs ?? 20;
    }
  };

  async function create(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const to = form.get('To') ?? '';
    const body = form.get('Body') ?? '';
    if (!/^\+[1-9]\d{6,14}$/.test(to)) {
      return twilioError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    }
    if (optedOut.has(to)) {
      return twilioError(res, 400, 21610, 'Attempt to send to unsubscribed recipient');
    }
    const code = rejected.get(to);
    if (code) {
      return twilioError(res, 400, code, `The stand-in was told to refuse ${to}`);
    }
    const { segments, encoding } = twilioSegments(body);
    const service = form.get('MessagingServiceSid');
    const sms: RecordedSms = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from: form.get('From') ?? service ?? '',
      body,
      segments,
      encoding,
      status: service ? 'accepted' : 'queued',
      statusCallback: form.get('StatusCallback'),
      at: new Date().toISOString(),
    };
    sent.push(sms);
    sendJson(res, 201, resource(sms, options.accountSid, service));
    callbacks(sms);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = pathOf(req);
    if (url.pathname.startsWith('/sandbox/twilio')) {
      return controls(req, res, url.pathname.slice('/sandbox/twilio'.length));
    }
    if (!url.pathname.startsWith(base)) {
      return twilioError(res, 404, 20404, 'The requested resource was not found');
    }
    const expected = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      return twilioError(res, 401, 20003, 'Authenticate');
    }
    if (latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
    }
    const fault = faults.next();
    if (fault) {
      return twilioError(
        res,
        fault,
        fault === 429 ? 20429 : 20500,
        fault === 429 ? 'Too Many Requests' : 'Internal Server Error',
      );
    }
    if (req.method === 'POST' && url.pathname === `${base}.json`) {
      return create(req, res);
    }
    if (req.method === 'GET' && url.pathname === `${base}.json`) {
      const to = url.searchParams.get('To');
      const after = url.searchParams.get('DateSent>') ?? url.searchParams.get('DateSent>=');
      const found = sent.filter(
        (s) => (!to || s.to === to) && (!after || s.at >= new Date(after).toISOString()),
      );
      return sendJson(
        res,
        200,
        page(
          found.map((s) => resource(s, options.accountSid, null)),
          base,
        ),
      );
    }
    const one = /\/Messages\/(SM[0-9a-f]{32})\.json$/.exec(url.pathname);
    const sms = one ? sent.find((s) => s.sid === one[1]) : undefined;
    if (req.method === 'GET' && sms) {
      return sendJson(res, 200, resource(sms, options.accountSid, null));
    }
    return twilioError(res, 404, 20404, 'The requested resource was not found');
  }

  const control: TwilioControl = {
    clear: () => void (sent.length = 0),
    faults: (status, opts) => faults.set(status, opts),
    latency: (ms) => void (latencyMs = ms),
    reject: (number, code) => void rejected.set(number, code),
    undeliverable: (number, errorCode = 30003, status = 'undelivered') =>
      void undeliverable.set(number, { errorCode, status }),
    reply: async (from, body) => {
      const word = body.trim().toUpperCase();
      if (STOP.includes(word)) {
        optedOut.add(from);
      } else if (START.includes(word)) {
        optedOut.delete(from);
      }
      if (inboundUrl) {
        const answer = await signedPost(inboundUrl, {
          AccountSid: options.accountSid,
          Body: body,
          From: from,
          MessageSid: `SM${randomBytes(16).toString('hex')}`,
          NumMedia: '0',
          To: 'Rowan',
        });
        await answer.arrayBuffer();
      }
    },
    setInboundUrl: (url) => void (inboundUrl = url),
  };

  async function controls(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'GET' && (path === '' || path === '/')) {
      return sendHtml(res, 200, outboxPage(sent));
    }
    if (req.method === 'GET' && path === '/messages') {
      return sendJson(res, 200, { messages: sent });
    }
    const body = (await readJson(req)) as Record<string, unknown>;
    const n = (key: string) => (typeof body[key] === 'number' ? (body[key] as number) : undefined);
    const s = (key: string) => String(body[key] ?? '');
    switch (path) {
      case '/clear':
        control.clear();
        break;
      case '/faults': {
        const status = n('status');
        control.faults(status === 500 || status === 429 ? status : null, {
          ...(n('count') !== undefined ? { count: n('count')! } : {}),
          ...(n('forMs') !== undefined ? { forMs: n('forMs')! } : {}),
        });
        break;
      }
      case '/latency':
        control.latency(n('ms') ?? 0);
        break;
      case '/reject':
        control.reject(s('number'), n('code') ?? 21211);
        break;
      case '/undeliverable':
        control.undeliverable(
          s('number'),
          n('errorCode'),
          body.status === 'failed' ? 'failed' : 'undelivered',
        );
        break;
      case '/reply':
        await control.reply(s('from'), s('body'));
        break;
      case '/inbound-url':
        control.setInboundUrl(s('url'));
        break;
      default:
        return sendJson(res, 404, { message: 'Unknown control' });
    }
    sendJson(res, 200, { ok: true });
  }

  const server = await serve('twilio', options.host ?? '127.0.0.1', options.port ?? 0, handle);
  const close = async () => {
    await callbacksOut.close();
    await server.close();
  };
  return { url: server.origin, port: server.port, messages: () => [...sent], control, close };
}

function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  sendJson(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function resource(sms: RecordedSms, accountSid: string, service: string | null) {
  const date = new Date(sms.at).toUTCString().replace('GMT', '+0000');
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: sms.body,
    date_created: date,
    date_sent: null,
    date_updated: date,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: sms.from,
    messaging_service_sid: service,
    num_media: '0',
    num_segments: String(sms.segments),
    price: null,
    price_unit: 'GBP',
    sid: sms.sid,
    status: sms.status,
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sms.sid}/Media.json` },
    to: sms.to,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sms.sid}.json`,
  };
}

function page(messages: unknown[], base: string) {
  return {
    messages,
    end: Math.max(messages.length - 1, 0),
    first_page_uri: `${base}.json?PageSize=50&Page=0`,
    next_page_uri: null,
    page: 0,
    page_size: 50,
    previous_page_uri: null,
    start: 0,
    uri: `${base}.json?PageSize=50&Page=0`,
  };
}

function outboxPage(sent: readonly RecordedSms[]): string {
  const rows = [...sent]
    .reverse()
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.at)}</td><td>${escapeHtml(s.to)}</td><td>${s.segments} (${s.encoding})</td><td>${escapeHtml(s.status)}</td><td>${escapeHtml(s.body)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox SMS</title></head><body>
<h1>SMS sent through the Twilio stand-in (${sent.length})</h1>
<table><thead><tr><th>Time</th><th>To</th><th>Segments</th><th>Status</th><th>Text</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>`;
}
