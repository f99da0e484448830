import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AppConfig } from '../config';

/** State carried through the identity provider and back to /auth/callback. */
export interface SignInState {
  readonly returnTo?: string;
}

let manager: UserManager | null = null;

/** OIDC authorisation code flow with PKCE against the configured issuer (FusionAuth; the sandbox stand-in locally). */
export function createUserManager(config: AppConfig): UserManager {
  const origin = window.location.origin;
  manager = new UserManager({
    authority: config.oidcIssuer,
    client_id: config.oidcClientId,
    redirect_uri: `${origin}/auth/callback`,
    // The origin as a URL ("https://app.example/"): must match the issuer's registration byte for byte.
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid email profile offline_access',
    // Tokens stay in this tab's session storage; a refresh token renews them without a redirect.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    loadUserInfo: false,
  });
  return manager;
}

export function userManager(): UserManager {
  if (!manager) {
    throw new Error('UserManager is not created yet: call createUserManager() at boot');
  }
  return manager;
}

/** The access token for API calls; renews an expired one with the refresh token when it can. */
export async function getAccessToken(): Promise<string | null> {
  const um = userManager();
  const user = await um.getUser();
  if (!user) {
    return null;
  }
  if (!user.expired) {
    return user.access_token;
  }
  if (!user.refresh_token) {
    return null;
  }
  try {
    const renewed = await um.signinSilent();
    return renewed?.access_token ?? null;
  } catch {
    return null;
  }
}
