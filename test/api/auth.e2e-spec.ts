import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { TEST_APPLICATION_ID } from '../support/test-env';

describe('sign-in tokens (RS256 via the issuer JWKS, MFA for staff)', () => {
  let stack: ApiStack;
  let staffEmail: string;
  let staffSubject: string;

  beforeAll(async () => {
    stack = await startApiStack();
    const trust = await stack.make.trust();
    const school = await stack.make.school(trust);
    const { user } = await stack.make.member('office', { school });
    staffEmail = user.email;
    staffSubject = user.identitySubject!;
  });
  afterAll(() => stack.close());

  const me = (token: string) => stack.http().get('/api/v1/me').set('authorization', `Bearer ${token}`);

  function expectRefused(response: {
    status: number;
    headers: Record<string, string>;
    body: { status: number; code: string };
  }) {
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.status).toBe(401);
  }

  it('accepts a valid staff token with MFA', async () => {
    const response = await me(await stack.token({ userId: staffSubject, email: staffEmail }));
    expect(response.status).toBe(200);
    expect(response.body.email).toBe(staffEmail);
    expect(response.body.memberships).toHaveLength(1);
    expect(response.body.memberships[0]).toMatchObject({
      role: 'office',
      permissions: [
        'schools:read',
        'memberships:read',
        'directory:read',
        'parents:invite',
        'messages:read',
        'messages:send',
        'events:read',
        'events:manage',
        'payments:read',
        'reports:read',
      ],
    });
  });

  it('refuses a request without a token', async () => {
    expectRefused(await stack.http().get('/api/v1/me'));
  });

  it('refuses a token signed by another key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = (await exportJWK(publicKey)).kid ?? 'foreign-key';
    const token = await new SignJWT({
      email: staffEmail,
      amr: ['pwd', 'mfa'],
      applicationId: TEST_APPLICATION_ID,
    })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(staffSubject)
      .setIssuer(stack.identity.issuer)
      .setAudience(TEST_APPLICATION_ID)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    expectRefused(await me(token));
  });

  it('refuses an expired token', async () => {
    expectRefused(
      await me(await stack.token({ userId: staffSubject, email: staffEmail, expiresInSeconds: -60 })),
    );
  });

  it('refuses an unsigned token (alg: none)', async () => {
    expectRefused(
      await me(await stack.token({ userId: staffSubject, email: staffEmail, algorithm: 'none' })),
    );
  });

  it('refuses the RS/HS confusion (HS256 keyed with the public key)', async () => {
    expectRefused(
      await me(await stack.token({ userId: staffSubject, email: staffEmail, algorithm: 'HS256' })),
    );
  });

  it('refuses a token for another audience', async () => {
    expectRefused(
      await me(
        await stack.token({
          userId: staffSubject,
          email: staffEmail,
          audience: '11111111-2222-4333-8444-555555555555',
        }),
      ),
    );
  });

  it('refuses a token from another issuer', async () => {
    expectRefused(
      await me(await stack.token({ userId: staffSubject, email: staffEmail, issuer: 'http://127.0.0.1:1' })),
    );
  });

  it('refuses a staff token without MFA, saying why', async () => {
    const response = await me(await stack.token({ userId: staffSubject, email: staffEmail, mfa: false }));
    expectRefused(response);
    expect(response.body.code).toBe('ACCESS.MFA_REQUIRED');
  });

  it('lets a person with no staff role in without MFA (parents sign in with a password)', async () => {
    const response = await me(await stack.token({ email: `parent-${Date.now()}@example.test`, mfa: false }));
    expect(response.status).toBe(200);
    expect(response.body.memberships).toEqual([]);
  });
});
