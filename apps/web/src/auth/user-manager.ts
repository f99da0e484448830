import type { UserManager } from 'oidc-client-ts';
import type { AppConfig } from '../config';

/** State carried through the identity provider and back to /auth/callback. */
export interface SignInState {
  readonly returnTo?: string;
}

/** The signed-in person's tokens, as this tab keeps them (a subset of oidc-client-ts's `User`). */
export interface SessionUser {
  readonly access_token: string;
  readonly id_token?: string;
  readonly refresh_token?: string;
  /** Seconds since the epoch. */
  readonly expires_at?: number;
}

/** oidc-client-ts's WebStorageStateStore prefix, set explicitly because `storedUser()` reads the same key. */
const STORE_PREFIX = 'oidc.';
/** Load the library and let it renew this long before the access token expires (it renews at 60 s). */
const RENEW_LEAD_MS = 90_000;

let settings: AppConfig | null = null;
let manager: Promise<UserManager> | null = null;

/** At boot: where the identity provider is. The OIDC library itself loads on first use (`userManager()`). */
export function configureAuth(config: AppConfig): void {
  settings = config;
}

/**
 * OIDC authorisation code flow with PKCE against the configured issuer (FusionAuth; the sandbox stand-in
 * locally), through oidc-client-ts. The library is a third of the boot code, and a signed-in page needs none
 * of it until the tokens are near expiry, so it loads on first use: signing in or out, the callback, renewing.
 */
export function userManager(): Promise<UserManager> {
  const config = settings;
  if (!config) {
    return Promise.reject(new Error('Auth is not configured yet: call configureAuth() at boot'));
  }
  manager ??= import('oidc-client-ts').then(({ UserManager, WebStorageStateStore }) => {
    const origin = window.location.origin;
    return new UserManager({
      authority: config.oidcIssuer,
      client_id: config.oidcClientId,
      redirect_uri: `${origin}/auth/callback`,
      // The origin as a URL ("https://app.example/"): must match the issuer's registration byte for byte.
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: 'openid email profile offline_access',
      // Tokens stay in this tab's session storage; a refresh token renews them without a redirect.
      userStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: STORE_PREFIX }),
      automaticSilentRenew: true,
      loadUserInfo: false,
    });
  });
  return manager;
}

/**
 * The user oidc-client-ts stored in this tab, read straight from session storage (its key is the store prefix
 * and `user:<authority>:<client id>`, its value the user's JSON) so that boot need not load the library.
 */
export function storedUser(): SessionUser | null {
  if (!settings) {
    return null;
  }
  const raw = window.sessionStorage.getItem(userKey(settings));
  try {
    const user = raw ? (JSON.parse(raw) as Partial<SessionUser>) : null;
    return typeof user?.access_token === 'string' ? (user as SessionUser) : null;
  } catch {
    return null;
  }
}

export function isExpired(user: SessionUser): boolean {
  return user.expires_at !== undefined && user.expires_at * 1000 <= Date.now();
}

/**
 * Loads the library shortly before the access token expires; once created, the UserManager renews the tokens
 * with the refresh token itself (automatic silent renew), now and every time after.
 */
export function renewBeforeExpiry(user: SessionUser): void {
  if (user.expires_at !== undefined && user.refresh_token) {
    const delay = Math.max(0, user.expires_at * 1000 - Date.now() - RENEW_LEAD_MS);
    window.setTimeout(() => void userManager().catch(() => undefined), delay);
  }
}

/** Forgets this tab's tokens (and, if the library is loaded, tells it, so that it stops renewing them). */
export async function forgetUser(): Promise<void> {
  if (settings) {
    window.sessionStorage.removeItem(userKey(settings));
  }
  await manager?.then((um) => um.removeUser()).catch(() => undefined);
}

/** The access token for API calls; renews an expired one with the refresh token when it can. */
export async function getAccessToken(): Promise<string | null> {
  const user = storedUser();
  if (!user) {
    return null;
  }
  if (!isExpired(user)) {
    return user.access_token;
  }
  if (!user.refresh_token) {
    return null;
  }
  try {
    const renewed = await (await userManager()).signinSilent();
    return renewed?.access_token ?? null;
  } catch {
    return null;
  }
}

function userKey(config: AppConfig): string {
  return `${STORE_PREFIX}user:${config.oidcIssuer}:${config.oidcClientId}`;
}
