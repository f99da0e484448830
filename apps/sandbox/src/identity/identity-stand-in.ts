import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';
import { DEMO_MFA_CODE, DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { createSandboxTokensHandler } from './handlers/sandbox-tokens.handler';
import { createSignInHandler } from './handlers/sign-in.handler';
import { createUserApiHandler } from './handlers/user-api.handler';
import { createUserinfoHandler } from './handlers/userinfo.handler';
import { createIdentityRouter } from './identity-router';
import { keepOfflineAccessWithoutPrompt } from './offline-access.middleware';
import { buildOidcConfiguration, FUSIONAUTH_ROUTES, SCOPE } from './oidc-configuration';
import { loadOrCreateSigningKey } from './signing-key';
import { createTokenMinter, type MintTokenOptions } from './token-minter';
import { UserDirectory } from './user-directory';

export interface IdentityStandInOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** The FusionAuth application id: OAuth client_id, access-token `aud` and `applicationId`. */
  readonly applicationId: string;
  /** The SPA's origin: redirect URI `${webOrigin}/auth/callback`, post-logout `${webOrigin}/`, CORS. */
  readonly webOrigin: string;
  /** What the user API expects in the `Authorization` header. */
  readonly apiKey: string;
  readonly tenantId: string;
  /** A JWK file to load the signing key from, or to save a new one to, so tokens survive a restart. */
  readonly keyFile?: string;
}

export interface IdentityStandIn {
  /** e.g. `http://127.0.0.1:4010`, no trailing slash: the `iss` of every token and FusionAuth's base URL. */
  readonly issuer: string;
  readonly port: number;
  /** Signs a FusionAuth-shaped access token with the issuer's own key. */
  mintToken(options?: MintTokenOptions): Promise<string>;
  close(): Promise<void>;
}

/** Starts the local FusionAuth stand-in: an OIDC issuer (oidc-provider) plus FusionAuth's user API subset. */
export async function startIdentityStandIn(options: IdentityStandInOptions): Promise<IdentityStandIn> {
  const { applicationId, tenantId, webOrigin, apiKey } = options;
  const key = await loadOrCreateSigningKey(options.keyFile);
  const server = createServer();
  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const issuer = `http://${formatHost(options.host ?? '127.0.0.1')}:${port}`;

  const users = new UserDirectory(tenantId, Object.values(DEMO_USERS));
  const provider = new Provider(
    issuer,
    buildOidcConfiguration({ applicationId, tenantId, webOrigin, key, users }),
  );
  provider.use(keepOfflineAccessWithoutPrompt(FUSIONAUTH_ROUTES.authorization));
  const mintToken = createTokenMinter({ issuer, applicationId, tenantId, scope: SCOPE, key, users });
  const demo = {
    emails: Object.values(DEMO_USERS).map((user) => user.email),
    password: DEMO_PASSWORD,
    code: DEMO_MFA_CODE,
  };

  const handle = createIdentityRouter({
    provider,
    signIn: createSignInHandler({ provider, users, password: DEMO_PASSWORD, mfaCode: DEMO_MFA_CODE, demo }),
    userinfo: createUserinfoHandler({ issuer, applicationId, webOrigin, key, users }),
    userApi: createUserApiHandler({ apiKey, tenantId, applicationId, users }),
    sandboxTokens: createSandboxTokensHandler(mintToken),
  });
  server.on('request', (req, res) => void handle(req, res));

  return { issuer, port, mintToken, close: () => close(server) };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
