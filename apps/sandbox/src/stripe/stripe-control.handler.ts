import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, sendHtml, sendJson } from '../http/http-helpers';
import { invalid } from './stripe-errors';
import { overviewPage } from './stripe-pages';
import type { StripeControl } from './stripe-control';
import type { PlantedMismatch } from './stripe-payments';
import type { StripeState } from './stripe-state';
import type { StripeWebhooks } from './stripe-webhooks';

/**
 * `StripeControl` over HTTP under `/sandbox/stripe`, for the demo and for tests in another process:
 * GET `/`, `/sessions`, `/charges`, `/refunds`, `/balance-transactions[?account=]`, `/events`;
 * POST `/pay`, `/decline`, `/expire` `{ sessionId }`, `/replay` `{ ids?, times?, shuffle?, seed? }`, `/pause`,
 * `/resume`, `/fail-deliveries` `{ count }`, `/webhook-url` `{ url }`, `/idle`, `/plant-mismatch`, `/reset`.
 */
export class StripeControlHandler {
  constructor(
    private readonly control: StripeControl,
    private readonly state: StripeState,
    private readonly webhooks: StripeWebhooks,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const control = this.control;
    if (req.method === 'GET') {
      const query = new URL(req.url ?? '/', 'http://sandbox.invalid').searchParams;
      switch (path) {
        case '':
        case '/':
          return sendHtml(res, 200, overviewPage(this.state, this.webhooks.events()));
        case '/sessions':
          return sendJson(res, 200, { sessions: control.sessions() });
        case '/charges':
          return sendJson(res, 200, { charges: control.charges() });
        case '/refunds':
          return sendJson(res, 200, { refunds: control.refunds() });
        case '/balance-transactions': {
          const account = query.get('account');
          const which = account === null ? undefined : account === 'platform' ? null : account;
          return sendJson(res, 200, { balanceTransactions: control.balanceTransactions(which) });
        }
        case '/events':
          return sendJson(res, 200, { events: control.events() });
        default:
          return sendJson(res, 404, { message: 'Unknown control' });
      }
    }
    if (req.method !== 'POST') {
      return sendJson(res, 405, { message: 'GET or POST' });
    }
    const body = (await readJson(req)) as Record<string, unknown>;
    const sessionId = () => {
      if (typeof body.sessionId !== 'string') {
        throw invalid('sessionId is required', 'sessionId');
      }
      return body.sessionId;
    };
    switch (path) {
      case '/pay':
        return sendJson(res, 200, control.pay(sessionId()));
      case '/decline':
        return sendJson(res, 200, control.decline(sessionId()));
      case '/expire':
        return sendJson(res, 200, control.expire(sessionId()));
      case '/replay': {
        const sent = await control.replay({
          ...(Array.isArray(body.ids) ? { ids: body.ids.map(String) } : {}),
          ...(typeof body.times === 'number' ? { times: body.times } : {}),
          ...(typeof body.shuffle === 'boolean' ? { shuffle: body.shuffle } : {}),
          ...(typeof body.seed === 'string' ? { seed: body.seed } : {}),
        });
        return sendJson(res, 200, { sent });
      }
      case '/pause':
        control.pauseDeliveries();
        break;
      case '/resume':
        control.resumeDeliveries();
        break;
      case '/fail-deliveries':
        control.failDeliveries(typeof body.count === 'number' ? body.count : 1);
        break;
      case '/webhook-url':
        control.setWebhookUrl(typeof body.url === 'string' ? body.url : null);
        break;
      case '/idle':
        await control.idle();
        break;
      case '/plant-mismatch':
        if (body.kind !== 'amount' && body.kind !== 'extra') {
          throw invalid(
            "kind is 'amount' (with balanceTransactionId, amount) or 'extra' (amount, account?)",
            'kind',
          );
        }
        return sendJson(res, 200, control.plantMismatch(body as unknown as PlantedMismatch));
      case '/reset':
        control.reset();
        break;
      default:
        return sendJson(res, 404, { message: 'Unknown control' });
    }
    sendJson(res, 200, { ok: true });
  }
}
