import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import { BadRequestError, pathOf, sendEmpty, sendJson } from '../http/http-helpers';
import type { SignInStep } from './handlers/sign-in.handler';
import { FUSIONAUTH_ROUTES } from './oidc-configuration';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface IdentityRoutes {
  readonly provider: Provider;
  readonly signIn: (
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    step: SignInStep,
  ) => Promise<void>;
  readonly userinfo: Handler;
  readonly userApi: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
  readonly sandboxTokens: Handler;
}

const INTERACTION_PATH = /^\/interaction\/([\w-]+)(?:\/(password|code))?$/;

/** Our own routes first; everything else (discovery, JWKS, authorize, token, logout) is oidc-provider's. */
export function createIdentityRouter(routes: IdentityRoutes): Handler {
  const oidc = routes.provider.callback();

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = pathOf(req);
    const path = url.pathname;
    if (path === FUSIONAUTH_ROUTES.userinfo) {
      return routes.userinfo(req, res);
    }
    if (path === '/sandbox/tokens') {
      return req.method === 'POST' ? routes.sandboxTokens(req, res) : sendEmpty(res, 405);
    }
    if (path === '/api/user' || path.startsWith('/api/user/')) {
      return routes.userApi(req, res, url);
    }
    const interaction = INTERACTION_PATH.exec(path);
    if (interaction !== null) {
      const uid = interaction[1] ?? '';
      const step = interaction[2] as Exclude<SignInStep, 'show'> | undefined;
      const expected = step === undefined ? 'GET' : 'POST';
      return req.method === expected ? routes.signIn(req, res, uid, step ?? 'show') : sendEmpty(res, 405);
    }
    return oidc(req, res);
  }

  return async (req, res) => {
    try {
      await dispatch(req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof BadRequestError) {
        return sendJson(res, 400, { error: 'invalid_request', error_description: error.message });
      }
      console.error('identity stand-in: unhandled error', error);
      sendJson(res, 500, { error: 'server_error' });
    }
  };
}
