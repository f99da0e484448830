import { Agent, request } from 'node:http';

export interface RushResult {
  /** Milliseconds per request, in the order they were sent. */
  readonly latencies: number[];
  readonly statuses: number[];
  readonly bodies: unknown[];
  readonly seconds: number;
}

/** Keep-alive sockets enough for every client at once, as 1,000 phones would hold. */
export const agent = new Agent({ keepAlive: true, maxSockets: 1000 });

function send(
  base: URL,
  method: 'GET' | 'POST',
  path: string,
  token: string,
  body: object | null,
): Promise<{ status: number; body: unknown }> {
  const payload = body ? JSON.stringify(body) : null;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
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
 * request prepared, then the barrier opens.
 */
export async function rush(
  base: URL,
  clients: readonly {
    readonly token: string;
    readonly method: 'GET' | 'POST';
    readonly path: string;
    readonly body: object | null;
  }[],
): Promise<RushResult> {
  let open!: () => void;
  const barrier = new Promise<void>((resolve) => (open = resolve));
  const latencies: number[] = new Array<number>(clients.length).fill(0);
  const statuses: number[] = new Array<number>(clients.length).fill(0);
  const bodies: unknown[] = new Array<unknown>(clients.length).fill(null);
  const all = clients.map(async (c, i) => {
    await barrier;
    const t = performance.now();
    const answer = await send(base, c.method, c.path, c.token, c.body);
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
