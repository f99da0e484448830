import { SUBJECT_ACCESS_STYLE_HASH } from '@rowan/compliance/application/subject-access/subject-access.html';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { serveWeb, type WebServer } from '../../scripts/serve-web';

/**
 * The web host serves the build's precompressed copies (apps/web/build/precompress.ts writes a .br and a .gz
 * beside each text file) to browsers that accept them, and the plain file to those that do not.
 */
describe('serveWeb', () => {
  const INDEX = '<!doctype html><title>Rowan</title>'.padEnd(2000, ' ');
  const SCRIPT = 'console.log("parent area");'.repeat(100);
  let dist: string;
  let web: WebServer;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'rowan-serve-web-'));
    await mkdir(join(dist, 'assets'));
    for (const [name, body] of [
      ['index.html', INDEX],
      ['assets/parent-abc123.js', SCRIPT],
    ] as const) {
      await writeFile(join(dist, name), body);
      await writeFile(join(dist, `${name}.br`), brotliCompressSync(body));
      await writeFile(join(dist, `${name}.gz`), gzipSync(body));
    }
    web = await serveWeb({
      host: '127.0.0.1',
      port: 0,
      distDir: dist,
      config: {
        apiUrl: 'http://127.0.0.1:1',
        oidcIssuer: 'http://127.0.0.1:2/oauth2/tenant-a',
        oidcClientId: 'web',
      },
    });
  });

  afterAll(async () => {
    await web?.close();
    await rm(dist, { recursive: true, force: true });
  });

  function get(path: string, acceptEncoding?: string) {
    return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(`${web.url}${path}`, {
        headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      });
      req.once('error', reject);
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.end();
    });
  }

  it('sends the brotli copy of an asset to a browser that accepts it', async () => {
    const res = await get('/assets/parent-abc123.js', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('sends gzip, or the plain file, to browsers that accept no more', async () => {
    expect((await get('/assets/parent-abc123.js', 'gzip')).headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/parent-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('compresses the SPA fallback too', async () => {
    const res = await get('/parent/invitations', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toBe(INDEX);
  });

  it('sends a strict Content Security Policy with the app, its assets and its config', async () => {
    for (const path of ['/', '/parent/invitations', '/assets/parent-abc123.js', '/config.json']) {
      const { headers } = await get(path);
      const policy = directives(String(headers['content-security-policy']));
      expect(policy).toEqual({
        'default-src': ["'self'"],
        // No 'unsafe-inline' or 'unsafe-eval': the build's scripts are files of its own.
        'script-src': ["'self'"],
        // Beside its own files, only the subject access page's one stylesheet (opened from a blob: URL, which
        // keeps this policy), by its hash: no inline style else.
        'style-src': ["'self'", SUBJECT_ACCESS_STYLE_HASH],
        'img-src': ["'self'", 'data:'],
        // Only the API and the identity provider (their origins, not any path), nothing else.
        'connect-src': ["'self'", 'http://127.0.0.1:1', 'http://127.0.0.1:2'],
        'frame-src': ['http://127.0.0.1:2'],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
      });
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });
});

/** A Content-Security-Policy header as directive -> sources. */
function directives(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}
