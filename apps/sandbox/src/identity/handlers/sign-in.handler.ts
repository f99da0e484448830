import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction, Provider } from 'oidc-provider';
import { readForm, redirect, sendHtml } from '../../http/http-helpers';
import { AMR_MFA, AMR_PASSWORD } from '../fusionauth-claims';
import type { UserDirectory } from '../user-directory';
import { renderCodePage, renderErrorPage, renderPasswordPage, type DemoHint } from '../views/sign-in.views';

export interface SignInDependencies {
  readonly provider: Provider;
  readonly users: UserDirectory;
  readonly password: string;
  readonly mfaCode: string;
  readonly demo: DemoHint;
}

export type SignInStep = 'show' | 'password' | 'code';

const PENDING_TTL_MS = 10 * 60 * 1000;

/**
 * The two-step sign-in behind oidc-provider's login prompt: `GET /interaction/:uid` shows the current
 * step, `POST .../password` checks email and password, `POST .../code` checks the authenticator code and
 * finishes the interaction with `amr: ['pwd', 'mfa']`. Which interactions passed the password step is kept
 * here, keyed by the interaction uid (the interaction cookie binds that uid to the browser).
 */
export function createSignInHandler(deps: SignInDependencies) {
  const passwordPassed = new Map<string, { readonly accountId: string; readonly expiresAt: number }>();

  function pendingAccount(uid: string): string | undefined {
    const now = Date.now();
    for (const [key, entry] of passwordPassed) {
      if (entry.expiresAt < now) {
        passwordPassed.delete(key);
      }
    }
    return passwordPassed.get(uid)?.accountId;
  }

  return async (req: IncomingMessage, res: ServerResponse, uid: string, step: SignInStep): Promise<void> => {
    let details: Interaction;
    try {
      details = await deps.provider.interactionDetails(req, res);
    } catch {
      return sendHtml(
        res,
        400,
        renderErrorPage('This sign-in has expired. Go back to Rowan and sign in again.'),
      );
    }
    if (details.uid !== uid) {
      return sendHtml(
        res,
        400,
        renderErrorPage('This sign-in link is not valid. Go back to Rowan and sign in again.'),
      );
    }
    if (details.prompt.name === 'consent') {
      // A first-party application: consent is implied (see offline-access.middleware.ts for when it is asked).
      return deps.provider.interactionFinished(
        req,
        res,
        { consent: { grantId: details.grantId } },
        { mergeWithLastSubmission: true },
      );
    }
    const base = `/interaction/${encodeURIComponent(uid)}`;
    const accountId = pendingAccount(uid);

    if (step === 'show') {
      if (accountId !== undefined) {
        return sendHtml(res, 200, renderCodePage({ action: `${base}/code`, demo: deps.demo }));
      }
      const hint = details.params.login_hint;
      const email = typeof hint === 'string' ? hint : undefined;
      return sendHtml(res, 200, renderPasswordPage({ action: `${base}/password`, email, demo: deps.demo }));
    }

    const form = await readForm(req);
    if (step === 'password') {
      const email = (form.get('email') ?? '').trim();
      const password = form.get('password') ?? '';
      const page = (field: 'email' | 'password', message: string) =>
        sendHtml(
          res,
          200,
          renderPasswordPage({
            action: `${base}/password`,
            email,
            error: { field, message },
            demo: deps.demo,
          }),
        );
      if (email === '') {
        return page('email', 'Enter your email address');
      }
      if (password === '') {
        return page('password', 'Enter your password');
      }
      const user = deps.users.findByEmail(email);
      if (user === undefined || password !== deps.password) {
        return page('password', 'The email address or password is incorrect');
      }
      passwordPassed.set(uid, { accountId: user.id, expiresAt: Date.now() + PENDING_TTL_MS });
      return redirect(res, base);
    }

    if (accountId === undefined) {
      return redirect(res, base);
    }
    const code = (form.get('code') ?? '').replace(/\s+/g, '');
    if (code !== deps.mfaCode) {
      const error =
        code === ''
          ? 'Enter the 6-digit code'
          : 'The code is incorrect. Check your authenticator app and try again';
      return sendHtml(res, 200, renderCodePage({ action: `${base}/code`, error, demo: deps.demo }));
    }
    passwordPassed.delete(uid);
    await deps.provider.interactionFinished(
      req,
      res,
      { login: { accountId, amr: [AMR_PASSWORD, AMR_MFA] } },
      { mergeWithLastSubmission: false },
    );
  };
}
