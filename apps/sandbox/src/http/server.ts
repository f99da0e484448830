import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadRequestError, sendJson } from './http-helpers';

/** Starts a plain HTTP server for a stand-in; errors become JSON answers. Resolves to its origin and a closer. */
export async function serve(
  name: string,
  host: string,
  port: number,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<{ origin: string; port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || req.destroyed) {
        // Answered already, or the caller went away mid-request (a killed worker): nobody to tell.
        res.destroy();
      } else if (error instanceof BadRequestError) {
        sendJson(res, 400, { message: error.message });
      } else {
        console.error(`${name} stand-in: unhandled error`, error);
        sendJson(res, 500, { message: 'stand-in error' });
      }
    });
  });
  const bound = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Faults a stand-in can be told to inject: the next `count` requests, or all until `until`. */
export class Faults<T> {
  private kind: T | null = null;
  private count = 0;
  private until = 0;

  set(kind: T | null, options: { count?: number; forMs?: number } = {}): void {
    this.kind = kind;
    this.count = options.count ?? (options.forMs ? 0 : Number.POSITIVE_INFINITY);
    this.until = options.forMs ? Date.now() + options.forMs : 0;
  }

  /** The fault for this request, if one is due. */
  next(): T | null {
    if (this.kind === null) {
      return null;
    }
    if (this.until && Date.now() < this.until) {
      return this.kind;
    }
    if (this.count > 0 && !this.until) {
      this.count--;
      return this.kind;
    }
    this.kind = null;
    return null;
  }
}

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
