import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DEMO_USERS } from './demo-users';
import { startIdentityStandIn, type IdentityStandIn } from './identity-stand-in';

const applicationId = '3c219e58-ed0e-4b18-ad48-f4f92793ae32';
const tenantId = '8a6f5c1e-2b4d-4e7f-9a0b-1c2d3e4f5a6b';
const webOrigin = 'http://127.0.0.1:5173';
const options = { applicationId, tenantId, webOrigin, apiKey: 'test-api-key' };

describe('identity stand-in: discovery, JWKS and minted tokens', () => {
  let idp: IdentityStandIn;
  let jwks: JWTVerifyGetKey;

  beforeAll(async () => {
    idp = await startIdentityStandIn(options);
    jwks = createRemoteJWKSet(new URL(`${idp.issuer}/.well-known/jwks.json`));
  });
  afterAll(() => idp.close());

  const verify = (token: string) =>
    jwtVerify(token, jwks, { issuer: idp.issuer, audience: applicationId, algorithms: ['RS256'] });

  it('publishes discovery with FusionAuth paths', async () => {
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${idp.issuer}/oauth2/authorize`,
      token_endpoint: `${idp.issuer}/oauth2/token`,
      userinfo_endpoint: `${idp.issuer}/oauth2/userinfo`,
      end_session_endpoint: `${idp.issuer}/oauth2/logout`,
      jwks_uri: `${idp.issuer}/.well-known/jwks.json`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: expect.arrayContaining(['openid', 'email', 'profile', 'offline_access']),
    });
  });

  it('publishes one public RS256 key in the JWKS, with CORS', async () => {
    const response = await fetch(`${idp.issuer}/.well-known/jwks.json`, { headers: { origin: webOrigin } });
    expect(response.headers.get('access-control-allow-origin')).toBeTruthy();
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('mints a token for a demo user with their roles and MFA', async () => {
    const token = await idp.mintToken({ userId: DEMO_USERS.operator.id });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    const { payload } = await verify(token);
    expect(payload).toMatchObject({
      sub: DEMO_USERS.operator.id,
      aud: applicationId,
      applicationId,
      email: DEMO_USERS.operator.email,
      email_verified: true,
      roles: ['operator'],
      tid: tenantId,
      authenticationType: 'PASSWORD',
      amr: ['pwd', 'mfa'],
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(900);
  });

  it('mints without MFA, for any user id, with given roles', async () => {
    const { payload } = await verify(await idp.mintToken({ userId: 'parent-1', roles: [], mfa: false }));
    expect(payload).toMatchObject({ sub: 'parent-1', email: 'parent-1@rowan.test', roles: [], amr: ['pwd'] });
  });

  it('mints tokens that a correct verifier refuses: expired, foreign audience or issuer, other algorithms', async () => {
    await expect(verify(await idp.mintToken({ expiresInSeconds: -60 }))).rejects.toMatchObject({
      code: 'ERR_JWT_EXPIRED',
    });
    await expect(verify(await idp.mintToken({ audience: 'another-application' }))).rejects.toMatchObject({
      code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
      claim: 'aud',
    });
    await expect(verify(await idp.mintToken({ issuer: 'https://elsewhere.test' }))).rejects.toMatchObject({
      code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
      claim: 'iss',
    });
    for (const algorithm of ['RS384', 'PS256', 'HS256', 'none'] as const) {
      await expect(verify(await idp.mintToken({ algorithm }))).rejects.toThrow();
    }
  });

  it('mints over HTTP at POST /sandbox/tokens for other processes', async () => {
    const response = await fetch(`${idp.issuer}/sandbox/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_USERS.oakfieldAdmin.email, mfa: false }),
    });
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    const { payload } = await verify(token);
    expect(payload).toMatchObject({ sub: DEMO_USERS.oakfieldAdmin.id, amr: ['pwd'] });

    const invalid = await fetch(`${idp.issuer}/sandbox/tokens`, {
      method: 'POST',
      body: JSON.stringify({ mfa: 'yes' }),
    });
    expect(invalid.status).toBe(400);
  });

  it('keeps its key in SANDBOX_IDENTITY_KEY_FILE so tokens verify after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rowan-identity-'));
    try {
      const keyFile = join(dir, 'identity-key.json');
      const first = await startIdentityStandIn({ ...options, keyFile });
      const token = await first.mintToken();
      await first.close();
      const second = await startIdentityStandIn({ ...options, keyFile });
      try {
        const secondJwks = createRemoteJWKSet(new URL(`${second.issuer}/.well-known/jwks.json`));
        await expect(
          jwtVerify(token, secondJwks, { audience: applicationId, algorithms: ['RS256'] }),
        ).resolves.toBeDefined();
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
