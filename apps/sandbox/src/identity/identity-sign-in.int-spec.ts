import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { DEMO_MFA_CODE, DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { startIdentityStandIn, type IdentityStandIn } from './identity-stand-in';
import { BrowserLikeClient } from './testing/browser-like-client';
import { formAction, signInOverHttp } from './testing/http-sign-in';

const applicationId = '3c219e58-ed0e-4b18-ad48-f4f92793ae32';
const tenantId = '8a6f5c1e-2b4d-4e7f-9a0b-1c2d3e4f5a6b';
const webOrigin = 'http://127.0.0.1:5173';

describe('identity stand-in: sign-in (authorisation code + PKCE)', () => {
  let idp: IdentityStandIn;

  beforeAll(async () => {
    idp = await startIdentityStandIn({ applicationId, tenantId, webOrigin, apiKey: 'test-api-key' });
  });
  afterAll(() => idp.close());

  const verify = (token: string) =>
    jwtVerify(token, createRemoteJWKSet(new URL(`${idp.issuer}/.well-known/jwks.json`)), {
      issuer: idp.issuer,
      audience: applicationId,
      algorithms: ['RS256'],
    });

  it('signs in with password and code, and issues a FusionAuth-shaped RS256 access token with MFA', async () => {
    const user = DEMO_USERS.operator;
    const tokens = await signInOverHttp({ issuer: idp.issuer, applicationId, webOrigin, email: user.email });

    const { payload, protectedHeader } = await verify(tokens.access_token);
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) });
    expect(payload).toMatchObject({
      sub: user.id,
      aud: applicationId,
      applicationId,
      iss: idp.issuer,
      roles: ['operator'],
      tid: tenantId,
      authenticationType: 'PASSWORD',
      email: user.email,
      email_verified: true,
      amr: ['pwd', 'mfa'],
      sid: expect.stringMatching(/^\S+$/),
      jti: expect.stringMatching(/^\S+$/),
      auth_time: expect.any(Number),
    });
    expect(payload.client_id).toBeUndefined();
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(900);
    expect(tokens.expires_in).toBeLessThanOrEqual(900);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(decodeProtectedHeader(tokens.id_token).alg).toBe('RS256');
  });

  it('refreshes (offline_access) to a new access token that keeps the MFA claim', async () => {
    const tokens = await signInOverHttp({
      issuer: idp.issuer,
      applicationId,
      webOrigin,
      email: DEMO_USERS.oakfieldTeacher.email,
    });
    const response = await fetch(`${idp.issuer}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: webOrigin },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token ?? '',
        client_id: applicationId,
      }).toString(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(webOrigin);
    const refreshed = (await response.json()) as { access_token: string };
    const { payload } = await verify(refreshed.access_token);
    expect(payload).toMatchObject({
      sub: DEMO_USERS.oakfieldTeacher.id,
      authenticationType: 'REFRESH_TOKEN',
      amr: ['pwd', 'mfa'],
    });
  });

  it('issues no refresh token without offline_access, as FusionAuth', async () => {
    const tokens = await signInOverHttp({
      issuer: idp.issuer,
      applicationId,
      webOrigin,
      email: DEMO_USERS.oakfieldAdmin.email,
      scope: 'openid email profile',
    });
    expect(tokens.refresh_token).toBeUndefined();
    expect((await verify(tokens.access_token)).payload.amr).toEqual(['pwd', 'mfa']);
  });

  it('answers userinfo for its access token, with CORS for the web origin', async () => {
    const tokens = await signInOverHttp({
      issuer: idp.issuer,
      applicationId,
      webOrigin,
      email: DEMO_USERS.trustAdmin.email,
    });
    const response = await fetch(`${idp.issuer}/oauth2/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}`, origin: webOrigin },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(webOrigin);
    expect(await response.json()).toMatchObject({
      sub: DEMO_USERS.trustAdmin.id,
      email: DEMO_USERS.trustAdmin.email,
      given_name: 'Amara',
    });
    const refused = await fetch(`${idp.issuer}/oauth2/userinfo`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(refused.status).toBe(401);
  });

  it('refuses a wrong password with the error tied to the password field, and a wrong code likewise', async () => {
    const client = new BrowserLikeClient();
    const authorize = `${idp.issuer}/oauth2/authorize?${new URLSearchParams({
      client_id: applicationId,
      redirect_uri: `${webOrigin}/auth/callback`,
      response_type: 'code',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString()}`;
    const login = await client.follow(await client.get(authorize), authorize);
    const passwordAction = await formAction(login.response, login.url);

    const wrong = await client.postForm(passwordAction, {
      email: DEMO_USERS.oakfieldOffice.email,
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(200);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('The email address or password is incorrect');
    expect(wrongHtml).toMatch(
      /<input id="password"[^>]*aria-describedby="password-error"[^>]*aria-invalid="true"/,
    );
    expect(wrongHtml).toContain('<title>Error: Sign in');

    const right = await client.postForm(passwordAction, {
      email: DEMO_USERS.oakfieldOffice.email,
      password: DEMO_PASSWORD,
    });
    const codePage = await client.follow(right, passwordAction);
    const codeAction = await formAction(codePage.response.clone(), codePage.url);
    expect(await codePage.response.text()).toContain('<label for="code">Verification code</label>');

    const wrongCode = await client.postForm(codeAction, { code: '000000' });
    expect(wrongCode.status).toBe(200);
    expect(await wrongCode.text()).toMatch(
      /<input id="code"[^>]*aria-describedby="code-hint code-error"[^>]*aria-invalid="true"/,
    );

    const done = await client.follow(
      await client.postForm(codeAction, { code: DEMO_MFA_CODE }),
      codeAction,
      webOrigin,
    );
    expect(new URL(done.url).searchParams.get('code')).toEqual(expect.any(String));
  });

  it('renders accessible sign-in markup: language, title, main, labels and autocomplete', async () => {
    const client = new BrowserLikeClient();
    const authorize = `${idp.issuer}/oauth2/authorize?client_id=${applicationId}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(`${webOrigin}/auth/callback`)}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256`;
    const login = await client.follow(await client.get(authorize), authorize);
    const html = await login.response.text();
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toMatch(/<title>Sign in – Rowan<\/title>/);
    expect(html).toContain('<main');
    expect(html).toContain('<label for="email">Email address</label>');
    expect(html).toMatch(/<input id="email" name="email" type="email" autocomplete="username"/);
    expect(html).toMatch(
      /<input id="password" name="password" type="password" autocomplete="current-password"/,
    );
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).toContain('Demo accounts');
  });

  it('refuses an authorisation request without PKCE', async () => {
    const response = await fetch(
      `${idp.issuer}/oauth2/authorize?client_id=${applicationId}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(`${webOrigin}/auth/callback`)}`,
      { redirect: 'manual' },
    );
    const location = new URL(response.headers.get('location') ?? '', idp.issuer);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('signs out through /oauth2/logout back to the web origin', async () => {
    const client = new BrowserLikeClient();
    const tokens = await signInOverHttp(
      { issuer: idp.issuer, applicationId, webOrigin, email: DEMO_USERS.birchwoodAdmin.email },
      client,
    );
    const logout = `${idp.issuer}/oauth2/logout?${new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: `${webOrigin}/` }).toString()}`;
    const page = await client.get(logout);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = new URL(/action="([^"]+)"/.exec(html)?.[1] ?? '', logout).href;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const done = await client.follow(
      await client.postForm(action, { xsrf, logout: 'yes' }),
      action,
      webOrigin,
    );
    expect(done.url).toBe(`${webOrigin}/`);
  });
});
