import { createHash, randomBytes } from 'node:crypto';
import { DEMO_MFA_CODE, DEMO_PASSWORD } from '../demo-users';
import { BrowserLikeClient } from './browser-like-client';

export interface HttpSignInInput {
  readonly issuer: string;
  readonly applicationId: string;
  readonly webOrigin: string;
  readonly email: string;
  readonly password?: string;
  readonly code?: string;
  readonly scope?: string;
}

export interface TokenResponse {
  readonly access_token: string;
  readonly id_token: string;
  readonly refresh_token?: string;
  readonly token_type: string;
  readonly expires_in: number;
  readonly scope?: string;
}

export function pkcePair(): { readonly verifier: string; readonly challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The `action` of the page's first form, made absolute. */
export async function formAction(response: Response, pageUrl: string): Promise<string> {
  const html = await response.text();
  const action = /<form[^>]*\saction="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) {
    throw new Error(`no form on ${pageUrl} (status ${response.status}): ${html.slice(0, 300)}`);
  }
  return new URL(action.replaceAll('&amp;', '&'), pageUrl).href;
}

/**
 * Signs in as a browser would (authorisation code with PKCE, password page, code page) and exchanges the
 * code at the token endpoint. For end-to-end tests that want a token from the real flow, not a minted one.
 */
export async function signInOverHttp(
  input: HttpSignInInput,
  client = new BrowserLikeClient(),
): Promise<TokenResponse> {
  const { issuer, applicationId, webOrigin } = input;
  const redirectUri = `${webOrigin}/auth/callback`;
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(8).toString('hex');
  const authorize = new URL(`${issuer}/oauth2/authorize`);
  authorize.search = new URLSearchParams({
    client_id: applicationId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: input.scope ?? 'openid email profile offline_access',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();

  const login = await client.follow(await client.get(authorize.href), authorize.href, webOrigin);
  const passwordAction = await formAction(login.response, login.url);
  const afterPassword = await client.postForm(passwordAction, {
    email: input.email,
    password: input.password ?? DEMO_PASSWORD,
  });
  const codePage = await client.follow(afterPassword, passwordAction, webOrigin);
  const codeAction = await formAction(codePage.response, codePage.url);
  if (!codeAction.endsWith('/code')) {
    throw new Error(`sign-in as ${input.email} was refused at the password step`);
  }
  const afterCode = await client.postForm(codeAction, { code: input.code ?? DEMO_MFA_CODE });
  const callback = await client.follow(afterCode, codeAction, webOrigin);

  const returned = new URL(callback.url);
  const code = returned.searchParams.get('code');
  if (
    !callback.url.startsWith(redirectUri) ||
    code === null ||
    returned.searchParams.get('state') !== state
  ) {
    throw new Error(`sign-in did not return to ${redirectUri} with a code: ${callback.url}`);
  }
  const tokenResponse = await fetch(`${issuer}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: webOrigin },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: applicationId,
      code_verifier: verifier,
    }).toString(),
  });
  if (!tokenResponse.ok) {
    throw new Error(`token endpoint answered ${tokenResponse.status}: ${await tokenResponse.text()}`);
  }
  return (await tokenResponse.json()) as TokenResponse;
}
