import type { IncomingMessage, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { pathOf, readBody, redirect, sendHtml, sendJson } from '../http/http-helpers';
import { serve } from '../http/server';
import { StripeApiHandler } from './stripe-api.handler';
import type { RecordedStripeObject, StripeControl } from './stripe-control';
import { StripeControlHandler } from './stripe-control.handler';
import { StripeApiError } from './stripe-errors';
import { checkoutPage, notFoundPage } from './stripe-pages';
import { nowSeconds } from './stripe-records';
import { renderBalanceTransaction, renderCharge, renderRefund, type StripeJson } from './stripe-render';
import { StripePayments } from './stripe-payments';
import { StripeState } from './stripe-state';
import { StripeWebhooks } from './stripe-webhooks';

export const SANDBOX_STRIPE = {
  secretKey: 'sk_test_sandbox',
  webhookSecret: 'whsec_sandbox',
  port: 4014,
} as const;

export interface StripeStandInOptions {
  readonly host?: string;
  readonly port?: number;
  /** The only key accepted in `Authorization: Bearer ...` (default `sk_test_sandbox`). */
  readonly secretKey?: string;
  /** The origin in checkout sessions' `url` (default: the address it listens on). */
  readonly publicUrl?: string;
  /** Where events are posted, signed; undefined: they are only recorded. */
  readonly webhookUrl?: string;
  /** The endpoint's signing secret (default `whsec_sandbox`). */
  readonly webhookSecret?: string;
  /** Webhook attempts per delivery (default 4) and the back-off before the second (default 200 ms, doubling). */
  readonly webhookRetry?: {
    readonly attempts?: number;
    readonly backoffMs?: number;
    readonly timeoutMs?: number;
  };
}

export interface StripeStandIn {
  readonly url: string;
  readonly port: number;
  readonly control: StripeControl;
  close(): Promise<void>;
}

/**
 * Stripe's Checkout Sessions, PaymentIntents, Charges, Refunds and balance transactions as the `stripe`
 * SDK calls them (`host`/`port`/`protocol: 'http'`), per connected account, with a hosted checkout page,
 * signed webhooks and controls for tests (also over HTTP under `/sandbox/stripe`).
 */
export async function startStripeStandIn(options: StripeStandInOptions = {}): Promise<StripeStandIn> {
  let origin = '';
  const webhooks = new StripeWebhooks({
    url: options.webhookUrl ?? null,
    secret: options.webhookSecret ?? SANDBOX_STRIPE.webhookSecret,
    apiVersion: Stripe.API_VERSION,
    attempts: options.webhookRetry?.attempts ?? 4,
    backoffMs: options.webhookRetry?.backoffMs ?? 200,
    timeoutMs: options.webhookRetry?.timeoutMs ?? 10_000,
  });
  const state = new StripeState(
    (id) => `${origin}/checkout/${id}`,
    (type, account, object) => void webhooks.record(type, account, object),
  );
  const payments = new StripePayments(state);
  const api = new StripeApiHandler(state, payments, options.secretKey ?? SANDBOX_STRIPE.secretKey);
  const withAccount = (json: StripeJson, account: string | null): RecordedStripeObject => ({
    ...json,
    account,
  });

  const control: StripeControl = {
    pay: (id) => state.renderSession(payments.pay(id)),
    decline: (id) => state.renderSession(payments.decline(id)),
    expire: (id) => state.renderSession(state.expire(state.anySession(id))),
    sessions: () => [...state.sessions.values()].map((s) => withAccount(state.renderSession(s), s.account)),
    charges: () => [...state.charges.values()].map((c) => withAccount(renderCharge(c), c.account)),
    refunds: () => [...state.refunds.values()].map((r) => withAccount(renderRefund(r), r.account)),
    balanceTransactions: (account) => {
      const now = nowSeconds();
      const all = [...state.balanceTransactions.values()]
        .filter((t) => account === undefined || t.account === account)
        .sort((a, b) => b.created - a.created || b.sequence - a.sequence);
      return all.map((t) => withAccount(renderBalanceTransaction(t, now), t.account));
    },
    events: () => webhooks.events(),
    replay: (replayOptions) => webhooks.replay(replayOptions),
    pauseDeliveries: () => webhooks.pause(),
    resumeDeliveries: () => webhooks.resume(),
    failDeliveries: (count) => webhooks.failDeliveries(count),
    setWebhookUrl: (url) => webhooks.setUrl(url),
    idle: () => webhooks.idle(),
    plantMismatch: (mismatch) => {
      const txn = payments.plantMismatch(mismatch);
      return withAccount(renderBalanceTransaction(txn, nowSeconds()), txn.account);
    },
    reset: () => {
      state.reset();
      api.reset();
      webhooks.reset();
    },
  };
  const controls = new StripeControlHandler(control, state, webhooks);

  async function checkout(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [, , sessionId, action] = url.pathname.split('/');
    let session;
    try {
      session = state.anySession(decodeURIComponent(sessionId ?? ''));
    } catch {
      return sendHtml(res, 404, notFoundPage());
    }
    if (req.method === 'GET' && action === undefined) {
      return sendHtml(
        res,
        200,
        checkoutPage(session, url.searchParams.has('declined') && session.declines > 0),
      );
    }
    if (req.method !== 'POST' || session.status !== 'open') {
      return redirect(res, `/checkout/${session.id}`);
    }
    await readBody(req);
    switch (action) {
      case 'pay':
        payments.pay(session.id);
        return redirect(
          res,
          session.successUrl?.replaceAll('{CHECKOUT_SESSION_ID}', session.id) ?? `/checkout/${session.id}`,
        );
      case 'decline':
        payments.decline(session.id);
        return redirect(res, `/checkout/${session.id}?declined=1`);
      case 'cancel':
        return redirect(
          res,
          session.cancelUrl?.replaceAll('{CHECKOUT_SESSION_ID}', session.id) ?? `/checkout/${session.id}`,
        );
      case undefined:
      default:
        return sendHtml(res, 404, notFoundPage());
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = pathOf(req);
    if (url.pathname.startsWith('/v1/')) {
      return api.handle(req, res, url);
    }
    if (url.pathname.startsWith('/checkout/')) {
      return checkout(req, res, url);
    }
    if (url.pathname === '/sandbox/stripe' || url.pathname.startsWith('/sandbox/stripe/')) {
      try {
        return await controls.handle(req, res, url.pathname.slice('/sandbox/stripe'.length));
      } catch (error) {
        if (error instanceof StripeApiError) {
          return sendJson(res, error.status, error.toJSON());
        }
        throw error;
      }
    }
    sendJson(
      res,
      404,
      new StripeApiError(
        404,
        'invalid_request_error',
        `Unrecognized request URL (${req.method}: ${url.pathname}).`,
      ).toJSON(),
    );
  }

  const server = await serve('stripe', options.host ?? '127.0.0.1', options.port ?? 0, handle);
  origin = (options.publicUrl ?? server.origin).replace(/\/$/, '');
  return {
    url: server.origin,
    port: server.port,
    control,
    close: async () => {
      await webhooks.close();
      await server.close();
    },
  };
}
