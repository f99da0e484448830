import type { Provider } from 'oidc-provider';

/** Koa middleware as `provider.use()` takes it (koa itself is only oidc-provider's dependency). */
type ProviderMiddleware = Parameters<Provider['use']>[0];

/**
 * FusionAuth issues a refresh token whenever `offline_access` is requested. oidc-provider follows OpenID
 * Connect Core 11 instead and drops `offline_access` unless the request also says `prompt=consent`. To
 * behave like FusionAuth, an authorisation request asking for `offline_access` without any `prompt` gets
 * `prompt=consent` added here; the sign-in handler then grants consent without showing a page (consent
 * for a first-party application is implied, as in FusionAuth).
 */
export function keepOfflineAccessWithoutPrompt(authorizationPath: string): ProviderMiddleware {
  return async (ctx, next) => {
    const { scope, prompt } = ctx.query;
    if (ctx.method === 'GET' && ctx.path === authorizationPath && prompt === undefined) {
      if (typeof scope === 'string' && scope.split(' ').includes('offline_access')) {
        ctx.query = { ...ctx.query, prompt: 'consent' };
      }
    }
    await next();
  };
}
