import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface RushResult {
  /** Milliseconds per request, in the order they were sent. */
  readonly latencies: number[];
  readonly statuses: number[];
  readonly bodies: unknown[];
  readonly seconds: number;
}

export interface RushRequest {
  readonly token: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body: object | null;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The parents' phones: a worker thread of its own, so the clients' HTTP work does not share the API's event
 * loop (1,000 phones are not inside the server). Its keep-alive sockets stay open between rushes (free sockets
 * are kept for every client, or most would reconnect on the next rush).
 */
export class RushClient {
  private readonly worker = new Worker(join(__dirname, 'rush-worker.js'));
  private next = 0;

  rush(base: URL, clients: readonly RushRequest[]): Promise<RushResult> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const onMessage = (message: { id: number; result?: RushResult; error?: string }) => {
        if (message.id !== id) {
          return;
        }
        this.worker.off('message', onMessage);
        if (message.error) {
          reject(new Error(message.error));
        } else {
          resolve(message.result!);
        }
      };
      this.worker.on('message', onMessage);
      this.worker.postMessage({ id, base: base.href, clients });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 1_000, maxFreeSockets: 1_000 });

function send(base: URL, c: RushRequest): Promise<{ status: number; body: unknown }> {
  const payload = c.body ? JSON.stringify(c.body) : null;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: c.method,
        path: c.path,
        headers: {
          authorization: `Bearer ${c.token}`,
          ...c.headers,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null });
        });
      },
    );
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}

/**
 * One request per client, every one released at the same moment: each waits on one barrier promise with its
 * request prepared, then the barrier opens. Runs inside the rush worker.
 */
export async function rush(base: URL, clients: readonly RushRequest[]): Promise<RushResult> {
  let open!: () => void;
  const barrier = new Promise<void>((resolve) => (open = resolve));
  const latencies: number[] = new Array<number>(clients.length).fill(0);
  const statuses: number[] = new Array<number>(clients.length).fill(0);
  const bodies: unknown[] = new Array<unknown>(clients.length).fill(null);
  const all = clients.map(async (c, i) => {
    await barrier;
    const t = performance.now();
    const answer = await send(base, c);
    latencies[i] = performance.now() - t;
    statuses[i] = answer.status;
    bodies[i] = answer.body;
  });
  const started = performance.now();
  open();
  await Promise.all(all);
  return { latencies, statuses, bodies, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
