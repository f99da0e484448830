import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadRequestError, pathOf, sendJson } from '../http/http-helpers';
import { createSchoolControl, type SchoolControl } from './school-control';
import { createWondeApiHandler } from './wonde-api.handler';
import { createWondeControlHandler, type RateLimitSetting } from './wonde-control.handler';
import { sendJsonText } from './wonde-paging';
import { WondeSchool, type StandInSchool } from './wonde-school';

export interface WondeStandInOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  readonly schools: readonly StandInSchool[];
  /** The largest `per_page` honoured (default 200). */
  readonly pageSizeMax?: number;
  /** Every `every`-th API request answers 429 with `Retry-After: 1`. Changeable later over HTTP. */
  readonly rateLimit?: { readonly every: number };
  /** The clock for changes made through the controls (default `Date.now`). */
  readonly clock?: () => number;
}

export interface WondeStandIn {
  /** The API base, like Wonde's `https://api.wonde.com/v1.0/`: `http://127.0.0.1:PORT/v1.0/`. */
  readonly url: string;
  readonly port: number;
  /** The control for one school; throws for an unknown id. */
  school(id: string): SchoolControl;
  close(): Promise<void>;
}

/** Starts the local Wonde stand-in: Wonde's read API for generated schools, plus `/sandbox/wonde` controls. */
export async function startWondeStandIn(options: WondeStandInOptions): Promise<WondeStandIn> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? Date.now;
  const schools = new Map(options.schools.map((config) => [config.id, new WondeSchool(config, clock)]));
  const controls = new Map([...schools].map(([id, school]) => [id, createSchoolControl(school)]));
  const rateLimit: RateLimitSetting = { every: options.rateLimit?.every ?? null };
  const api = createWondeApiHandler({ schools, pageSizeMax: options.pageSizeMax ?? 200 });
  const control = createWondeControlHandler(controls, rateLimit);
  let apiRequests = 0;

  const server = createServer();
  const port = await listen(server, options.port ?? 0, host);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = pathOf(req);
    if (url.pathname.startsWith('/sandbox/wonde/')) {
      return control(req, res, url);
    }
    if (url.pathname.startsWith('/v1.0/')) {
      apiRequests++;
      if (rateLimit.every !== null && apiRequests % rateLimit.every === 0) {
        const body = { error: 'too_many_requests', error_description: 'Rate limit exceeded, retry later' };
        return sendJsonText(res, 429, JSON.stringify(body), { 'retry-after': '1' });
      }
      return api(req, res, url, req.headers.host ? `http://${req.headers.host}` : origin);
    }
    sendJson(res, 404, { error: 'not_found', error_description: 'Unknown endpoint' });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    dispatch(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof BadRequestError) {
        sendJson(res, 400, { error: 'invalid_request', error_description: error.message });
      } else {
        console.error('wonde stand-in: unhandled error', error);
        sendJson(res, 500, { error: 'server_error' });
      }
    });
  });

  return {
    url: `${origin}/v1.0/`,
    port,
    school(id) {
      const found = controls.get(id);
      if (!found) {
        throw new Error(`the Wonde stand-in has no school '${id}'`);
      }
      return found;
    },
    close: () => close(server),
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
