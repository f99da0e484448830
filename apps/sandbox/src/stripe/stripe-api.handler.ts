import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'qs';
import { readBody, sendJson } from '../http/http-helpers';
import { invalid, noSuch, StripeApiError } from './stripe-errors';
import { expandOf, int, type Params, refundParams, sessionParams, str, unknownParams } from './stripe-params';
import { nowSeconds } from './stripe-records';
import {
  renderBalanceTransaction,
  renderCharge,
  renderPaymentIntent,
  renderRefund,
  type StripeJson,
} from './stripe-render';
import type { StripePayments } from './stripe-payments';
import type { StripeState } from './stripe-state';

interface StoredResponse {
  readonly route: string;
  readonly body: string;
  readonly status: number;
  readonly json: StripeJson;
}

const EXPAND_ONLY = new Set(['expand']);
const LIST_PARAMS = new Set([
  'limit',
  'starting_after',
  'ending_before',
  'created',
  'type',
  'source',
  'currency',
  'expand',
]);

const QS = { depth: 10, arrayLimit: 100, parameterLimit: 2000 } as const;

/** Stripe's `/v1` API, the part Rowan calls: auth, `Stripe-Account` scoping, idempotency keys, `expand[]`. */
export class StripeApiHandler {
  private readonly idempotent = new Map<string, StoredResponse>();

  constructor(
    private readonly state: StripeState,
    private readonly payments: StripePayments,
    private readonly secretKey: string,
  ) {}

  reset(): void {
    this.idempotent.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    res.setHeader('request-id', `req_${randomBytes(7).toString('hex')}`);
    const body = req.method === 'POST' ? await readBody(req) : '';
    const key = header(req, 'idempotency-key');
    try {
      this.authenticate(req);
      const account = header(req, 'stripe-account');
      if (account !== null && !/^acct_\w+$/.test(account)) {
        throw new StripeApiError(
          403,
          'invalid_request_error',
          `The provided key does not have access to account '${account}' (or that account does not exist).`,
          'account_invalid',
        );
      }
      const route = `${req.method} ${url.pathname}`;
      const stored =
        key && req.method === 'POST' ? this.idempotent.get(`${account ?? ''}|${key}`) : undefined;
      if (stored) {
        if (stored.route !== route || stored.body !== body) {
          throw new StripeApiError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          );
        }
        res.setHeader('idempotent-replayed', 'true');
        res.setHeader('idempotency-key', key!);
        return sendJson(res, stored.status, stored.json);
      }
      const params = (req.method === 'POST' ? parse(body, QS) : parse(url.search.slice(1), QS)) as Params;
      const json = this.route(req.method ?? 'GET', url.pathname, params, account);
      if (key && req.method === 'POST') {
        this.idempotent.set(`${account ?? ''}|${key}`, { route, body, status: 200, json });
        res.setHeader('idempotency-key', key);
      }
      sendJson(res, 200, json);
    } catch (error) {
      if (!(error instanceof StripeApiError)) {
        throw error;
      }
      sendJson(res, error.status, error.toJSON());
    }
  }

  private authenticate(req: IncomingMessage): void {
    const authorization = req.headers.authorization ?? '';
    const basic = /^Basic (.+)$/.exec(authorization);
    const given = basic
      ? Buffer.from(basic[1]!, 'base64').toString().split(':')[0]
      : /^Bearer (.+)$/.exec(authorization)?.[1];
    if (!given) {
      throw new StripeApiError(
        401,
        'invalid_request_error',
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      );
    }
    if (given !== this.secretKey) {
      throw new StripeApiError(
        401,
        'invalid_request_error',
        `Invalid API Key provided: ${given.slice(0, 8)}${'*'.repeat(Math.max(given.length - 12, 0))}${given.slice(-4)}`,
        'api_key_invalid',
      );
    }
  }

  private route(method: string, path: string, params: Params, account: string | null): StripeJson {
    const state = this.state;
    const expand = (json: StripeJson) => this.expand(json, expandOf(params), account);
    const one =
      /^\/v1\/(checkout\/sessions|payment_intents|charges|refunds|balance_transactions)\/([^/]+)(\/expire)?$/.exec(
        path,
      );
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      return expand(state.renderSession(state.createSession(sessionParams(params, account, nowSeconds()))));
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return expand(renderRefund(this.payments.createRefund(account, refundParams(params))));
    }
    if (method === 'GET' && (one || path === '/v1/balance_transactions')) {
      unknownParams(params, path === '/v1/balance_transactions' ? LIST_PARAMS : EXPAND_ONLY, '');
    }
    if (method === 'GET' && path === '/v1/balance_transactions') {
      return expand(this.listBalanceTransactions(params, account));
    }
    if (one && one[1] === 'checkout/sessions') {
      const session = state.session(one[2]!, account);
      if (method === 'POST' && one[3]) {
        return expand(state.renderSession(state.expire(session)));
      }
      if (method === 'GET' && !one[3]) {
        return expand(state.renderSession(session));
      }
    }
    if (one && method === 'GET' && !one[3]) {
      const id = one[2]!;
      switch (one[1]) {
        case 'payment_intents':
          return expand(renderPaymentIntent(state.intent(id, account)));
        case 'charges':
          return expand(renderCharge(state.charge(id, account)));
        case 'refunds':
          return expand(renderRefund(state.refund(id, account)));
        case 'balance_transactions':
          return expand(renderBalanceTransaction(state.balanceTransaction(id, account), nowSeconds()));
        case undefined:
        default:
          break;
      }
    }
    throw new StripeApiError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${method}: ${path}). The Rowan stand-in implements only the Stripe endpoints Rowan uses.`,
    );
  }

  private listBalanceTransactions(params: Params, account: string | null): StripeJson {
    const limit = int(params, 'limit') ?? 10;
    if (limit < 1 || limit > 100) {
      throw invalid('This value must be between 1 and 100.', 'limit', 'parameter_invalid_integer');
    }
    const created = createdFilter(params);
    const type = str(params, 'type');
    const source = str(params, 'source');
    const currency = str(params, 'currency');
    const matching = this.state
      .balanceTransactionsOf(account)
      .filter(
        (txn) =>
          created(txn.created) &&
          (!type || txn.type === type) &&
          (!source || txn.sourceId === source) &&
          (!currency || txn.currency === currency),
      );
    let page: typeof matching;
    let hasMore: boolean;
    const after = str(params, 'starting_after');
    const before = str(params, 'ending_before');
    const indexOf = (id: string, param: string) => {
      const index = matching.findIndex((txn) => txn.id === id);
      if (index < 0) {
        throw noSuch('balance_transaction', id, param);
      }
      return index;
    };
    if (before) {
      const end = indexOf(before, 'ending_before');
      page = matching.slice(Math.max(end - limit, 0), end);
      hasMore = end - limit > 0;
    } else {
      const start = after ? indexOf(after, 'starting_after') + 1 : 0;
      page = matching.slice(start, start + limit);
      hasMore = start + limit < matching.length;
    }
    const now = nowSeconds();
    return {
      object: 'list',
      data: page.map((txn) => renderBalanceTransaction(txn, now)),
      has_more: hasMore,
      url: '/v1/balance_transactions',
    };
  }

  /** `expand[]` paths such as `payment_intent`, `latest_charge` or (on a list) `data.source`. */
  private expand(json: StripeJson, paths: readonly string[], account: string | null): StripeJson {
    const walk = (object: StripeJson, path: readonly string[]) => {
      const [head, ...rest] = path;
      const value = head === undefined ? undefined : object[head];
      if (typeof value === 'string') {
        const found = this.state.render(value, account);
        if (found) {
          object[head!] = found;
          walk(found, rest);
        }
      } else if (Array.isArray(value)) {
        value.forEach((item: unknown) => typeof item === 'object' && item && walk(item as StripeJson, rest));
      } else if (typeof value === 'object' && value) {
        walk(value as StripeJson, rest);
      }
    };
    paths.forEach((path) => walk(json, path.split('.')));
    return json;
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) || null;
}

function createdFilter(params: Params): (created: number) => boolean {
  const exact = typeof params.created === 'string' ? int(params, 'created') : null;
  if (exact !== null) {
    return (created) => created === exact;
  }
  const range = (typeof params.created === 'object' && params.created ? params.created : {}) as Params;
  const bound = (name: string) => int(range, name, `created[${name}]`);
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  return (created) =>
    (gt === null || created > gt) &&
    (gte === null || created >= gte) &&
    (lt === null || created < lt) &&
    (lte === null || created <= lte);
}
