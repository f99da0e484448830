import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { SUBJECT_ACCESS_STYLE_HASH } from '@rowan/compliance/application/subject-access/subject-access.html';
import sirv from 'sirv';

/** What the SPA fetches from `/config.json` at boot (apps/web/src/config.ts). */
export interface WebRuntimeConfig {
  /** API origin, without `/api/v1`. */
  readonly apiUrl: string;
  readonly oidcIssuer: string;
  readonly oidcClientId: string;
}

export interface ServeWebOptions {
  readonly host: string;
  /** 0 picks a free port; the returned url says which. */
  readonly port: number;
  /** The Vite build output (`apps/web/dist`). */
  readonly distDir: string;
  readonly config: WebRuntimeConfig;
}

export interface WebServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the built web app for the demo and the browser tests: static files with SPA fallback
 * (any unknown path answers index.html, so /schools/…/staff and /auth/callback load the app),
 * plus `/config.json` for this environment. Production serves the same files from a CDN.
 */
export async function serveWeb(opts: ServeWebOptions): Promise<WebServer> {
  const distDir = resolve(opts.distDir);
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No web build in ${distDir}: run \`npm run build:web\` first`);
  }
  const configBody = JSON.stringify({
    apiUrl: opts.config.apiUrl,
    oidcIssuer: opts.config.oidcIssuer,
    oidcClientId: opts.config.oidcClientId,
  });
  const securityHeaders = buildSecurityHeaders(opts.config);

  const files = sirv(distDir, {
    single: true,
    dev: false,
    etag: true,
    // The build writes .br and .gz copies of its text files (apps/web/build/precompress.ts).
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) => {
      // Hashed build assets never change; index.html must be checked every time.
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders)) {
      res.setHeader(name, value);
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : configBody);
      return;
    }
    files(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(opts.port, opts.host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;

  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

/** The SPA talks only to itself, the API and the identity provider. */
function buildSecurityHeaders(config: WebRuntimeConfig): Record<string, string> {
  const api = new URL(config.apiUrl).origin;
  const issuer = new URL(config.oidcIssuer).origin;
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // The subject access page is shown from a blob: URL, which keeps this policy: its one stylesheet by hash.
    `style-src 'self' ${SUBJECT_ACCESS_STYLE_HASH}`,
    "img-src 'self' data:",
    `connect-src 'self' ${api} ${issuer}`,
    `frame-src ${issuer}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
  };
}
