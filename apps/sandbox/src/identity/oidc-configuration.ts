import { randomBytes } from 'node:crypto';
import { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { ACCESS_TOKEN_TTL_SECONDS } from './token-minter';
import { AMR_MFA, fusionAuthClaims } from './fusionauth-claims';
import { createInMemoryAdapter } from './in-memory.adapter';
import type { SigningKey } from './signing-key';
import type { UserDirectory } from './user-directory';
import { renderErrorPage, renderLogoutPage, renderSignedOutPage } from './views/sign-in.views';

/** FusionAuth's OAuth paths (discovery is always `/.well-known/openid-configuration`). */
export const FUSIONAUTH_ROUTES = {
  authorization: '/oauth2/authorize',
  token: '/oauth2/token',
  userinfo: '/oauth2/userinfo',
  end_session: '/oauth2/logout',
  jwks: '/.well-known/jwks.json',
} as const;

export const SCOPES = ['openid', 'email', 'profile', 'offline_access'] as const;
export const SCOPE = SCOPES.join(' ');

export interface OidcConfigurationInput {
  readonly applicationId: string;
  readonly tenantId: string;
  readonly webOrigin: string;
  readonly key: SigningKey;
  readonly users: UserDirectory;
}

/**
 * oidc-provider 9 set up to look like a FusionAuth application from the outside. Access tokens are JWTs
 * only when issued for a resource server, so every token request is given one (the application itself,
 * via `defaultResource` + `useGrantedResource`), whose `audience` is the application id; `extraTokenClaims`
 * adds FusionAuth's claims and the JWT customizer gives the header FusionAuth's `typ: JWT`.
 */
export function buildOidcConfiguration(input: OidcConfigurationInput): Configuration {
  const { applicationId, tenantId, webOrigin, users } = input;
  const resource = `urn:fusionauth:application:${applicationId}`;
  return {
    adapter: createInMemoryAdapter(),
    clients: [
      {
        client_id: applicationId,
        client_name: 'Rowan',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${webOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${webOrigin}/`],
        scope: SCOPE,
      },
    ],
    jwks: { keys: [input.key.privateJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: FUSIONAUTH_ROUTES,
    scopes: [...SCOPES],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name', 'name'],
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
    },
    // FusionAuth's id_token carries the profile claims even when an access token is issued too.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, origin) => origin === webOrigin,
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: false },
      // Not FusionAuth features: keep them out of the discovery document.
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = renderLogoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = renderSignedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf?.[0] ?? resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) {
            throw new errors.InvalidTarget();
          }
          return {
            scope: SCOPE,
            audience: applicationId,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    formats: {
      customizers: {
        jwt: (_ctx, _token, jwt) => {
          jwt.header = { ...jwt.header, typ: 'JWT' };
          delete jwt.payload.client_id;
        },
      },
    },
    extraTokenClaims: (ctx, token) => {
      const user = token.kind === 'AccessToken' ? users.findById(token.accountId) : undefined;
      if (user === undefined || token.kind !== 'AccessToken') {
        return undefined; // client-credentials tokens (not used) or a deleted user
      }
      const { AuthorizationCode: code, RefreshToken: refreshToken } = ctx.oidc.entities;
      const source = code ?? refreshToken;
      return {
        ...fusionAuthClaims({
          applicationId,
          tenantId,
          user,
          authenticationType: code === undefined ? 'REFRESH_TOKEN' : 'PASSWORD',
          authTime: source?.authTime ?? Math.floor(Date.now() / 1000),
          sid: token.sid ?? token.sessionUid ?? source?.sessionUid ?? '',
          mfa: source?.amr?.includes(AMR_MFA) ?? false,
        }),
      };
    },
    findAccount: (_ctx, sub) => {
      const user = users.findById(sub);
      if (user === undefined) {
        return undefined;
      }
      const name = [user.givenName, user.familyName].filter(Boolean).join(' ');
      return {
        accountId: user.id,
        claims: () => ({
          sub: user.id,
          email: user.email,
          email_verified: true,
          ...(user.givenName === undefined ? {} : { given_name: user.givenName }),
          ...(user.familyName === undefined ? {} : { family_name: user.familyName }),
          ...(name === '' ? {} : { name }),
        }),
      };
    },
    // First-party application: consent is implied, as in FusionAuth. Every grant holds every scope.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider } = ctx.oidc;
      if (client === undefined || session?.accountId === undefined) {
        return undefined;
      }
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId === undefined ? undefined : await provider.Grant.find(grantId);
      const grant =
        existing ?? new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPE);
      grant.addResourceScope(resource, SCOPE);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(
        `${out.error}: ${out.error_description ?? 'the request could not be completed'}`,
      );
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      Interaction: 10 * 60,
      Session: 8 * 60 * 60,
      Grant: 30 * 24 * 60 * 60,
      RefreshToken: 30 * 24 * 60 * 60,
    },
  };
}
