import { randomUUID } from 'node:crypto';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { operations } from '../support/openapi-walk';

describe('platform conventions', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack.close());

  it('is live and ready when MySQL and Redis answer', async () => {
    expect((await stack.http().get('/health/live')).status).toBe(200);
    const ready = await stack.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ mysql: 'ok', redis: 'ok' });
  });

  it('serves an OpenAPI 3.1 document in which every operation declares a permission', async () => {
    const doc = await stack.http().get('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const undeclared = operations(doc.body).filter((op) => !op.path.startsWith('/health') && !op.permission);
    expect(undeclared).toEqual([]);
    const docs = await stack.http().get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
  });

  it('sets security headers and echoes a request id', async () => {
    const response = await stack.http().get('/health/live').set('x-request-id', 'req-platform-0001');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-request-id']).toBe('req-platform-0001');
  });

  it('gives the API docs a strict Content Security Policy that their own scripts satisfy', async () => {
    const docs = await stack.http().get('/api/docs');
    const policy = directives(docs.headers['content-security-policy']);
    expect(policy).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
    // No inline script (it would be refused), and every script the page names is served by the API itself.
    const scripts = [...docs.text.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim()).toBe('');
      const src = /src=["']([^"']+)["']/.exec(attributes!)?.[1] ?? '';
      const url = new URL(src, 'http://api.test/api/docs');
      expect(url.origin).toBe('http://api.test');
      const script = await stack.http().get(url.pathname);
      expect(script.status).toBe(200);
    }
    expect(docs.text).not.toMatch(/\son[a-z]+=/i);
  });

  it('answers unknown routes with problem+json', async () => {
    const response = await stack.http().get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await stack.http().get('/health/live');
    const metrics = await stack.http().get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('rowan_api_http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('rowan_api_process_cpu_seconds_total');
  });

  it('keeps the queue dashboard for operators only', async () => {
    expect((await stack.http().get('/ops/queues')).status).toBe(401);
    const wrong = Buffer.from('ops:wrong-password-entirely').toString('base64');
    expect((await stack.http().get('/ops/queues').set('authorization', `Basic ${wrong}`)).status).toBe(401);
    const right = Buffer.from(
      `${stack.config.OPS_DASHBOARD_USER}:${stack.config.OPS_DASHBOARD_PASSWORD}`,
    ).toString('base64');
    const page = await stack.http().get('/ops/queues').set('authorization', `Basic ${right}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
  });
});

describe('rate limiting (Redis-backed)', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack({
      RATE_LIMIT_PER_MINUTE: '3',
      REDIS_PREFIX: `rowan-test-rl-${randomUUID().slice(0, 8)}`,
    });
  });
  afterAll(() => stack.close());

  it('answers 429 problem+json past the limit', async () => {
    const statuses: number[] = [];
    let last: { headers: Record<string, string>; body: { status?: number } } | undefined;
    for (let i = 0; i < 5; i++) {
      const response = await stack.http().get('/api/v1/me');
      statuses.push(response.status);
      last = response;
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(last?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(last?.body.status).toBe(429);
  });
});

describe('CORS for the web app', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack({ WEB_ORIGIN: 'http://127.0.0.1:5173' });
  });
  afterAll(() => stack.close());

  it.each(['PATCH', 'DELETE', 'POST', 'PUT'])(
    'lets the web origin send %s with a bearer token',
    async (method) => {
      const response = await stack
        .http()
        .options(
          '/api/v1/schools/0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e01/memberships/0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e02',
        )
        .set('origin', 'http://127.0.0.1:5173')
        .set('access-control-request-method', method)
        .set('access-control-request-headers', 'authorization,content-type');
      expect(response.status).toBeLessThan(300);
      expect(response.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
      expect(response.headers['access-control-allow-methods']).toContain(method);
      expect(response.headers['access-control-allow-headers']).toContain('authorization');
    },
  );

  it('gives no CORS grant to another origin', async () => {
    const response = await stack.http().get('/health/live').set('origin', 'https://evil.example');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** A Content-Security-Policy header as directive -> sources. */
function directives(header: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}
