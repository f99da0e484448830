import { escapeHtml, renderPage } from './page-layout';

/**
 * The sign-in pages. Browser tests fill them by label ("Email address", "Password", "Verification code")
 * and press "Sign in" / "Verify": keep those texts exact.
 */

export interface DemoHint {
  readonly emails: readonly string[];
  readonly password: string;
  readonly code: string;
}

export type PasswordFormError = { readonly field: 'email' | 'password'; readonly message: string };

export function renderPasswordPage(input: {
  readonly action: string;
  readonly email?: string;
  readonly error?: PasswordFormError;
  readonly demo: DemoHint;
}): string {
  const { error } = input;
  const body = `<form method="post" action="${escapeHtml(input.action)}" novalidate>
${renderField({ name: 'email', label: 'Email address', type: 'email', autocomplete: 'username', value: input.email, error: error?.field === 'email' ? error.message : undefined, autofocus: error?.field !== 'password' })}
${renderField({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', error: error?.field === 'password' ? error.message : undefined, autofocus: error?.field === 'password' })}
<button type="submit">Sign in</button>
</form>
${renderDemoHint(input.demo)}`;
  return renderPage({ heading: 'Sign in', body, hasError: error !== undefined });
}

export function renderCodePage(input: {
  readonly action: string;
  readonly error?: string;
  readonly demo: DemoHint;
}): string {
  const body = `<form method="post" action="${escapeHtml(input.action)}" novalidate>
${renderField({ name: 'code', label: 'Verification code', type: 'text', autocomplete: 'one-time-code', inputmode: 'numeric', hint: 'Enter the 6-digit code from your authenticator app.', error: input.error, autofocus: true })}
<button type="submit">Verify</button>
</form>
${renderDemoHint(input.demo)}`;
  return renderPage({ heading: 'Check your authenticator app', body, hasError: input.error !== undefined });
}

/** RP-initiated logout: FusionAuth signs out without asking, so the form submits itself (the button is for no-JS). */
export function renderLogoutPage(form: string): string {
  const body = `${form}
<p>Signing you out of Rowan.</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>document.getElementById('op.logoutForm').insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.getElementById('op.logoutForm').submit();</script>`;
  return renderPage({ heading: 'Signing out', body });
}

export function renderSignedOutPage(): string {
  return renderPage({ heading: 'You have signed out', body: '<p>You can close this window.</p>' });
}

export function renderErrorPage(message: string): string {
  return renderPage({ heading: 'Sorry, there is a problem', body: `<p>${escapeHtml(message)}</p>` });
}

interface FieldInput {
  readonly name: string;
  readonly label: string;
  readonly type: 'email' | 'password' | 'text';
  readonly autocomplete: string;
  readonly value?: string | undefined;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly inputmode?: 'numeric';
  readonly autofocus?: boolean;
}

function renderField(field: FieldInput): string {
  const hintId = `${field.name}-hint`;
  const errorId = `${field.name}-error`;
  const describedBy = [
    field.hint === undefined ? '' : hintId,
    field.error === undefined ? '' : errorId,
  ].filter(Boolean);
  const attributes = [
    `id="${field.name}"`,
    `name="${field.name}"`,
    `type="${field.type}"`,
    `autocomplete="${field.autocomplete}"`,
    'spellcheck="false"',
    field.value === undefined ? '' : `value="${escapeHtml(field.value)}"`,
    field.inputmode === undefined ? '' : `inputmode="${field.inputmode}"`,
    describedBy.length === 0 ? '' : `aria-describedby="${describedBy.join(' ')}"`,
    field.error === undefined ? '' : 'aria-invalid="true"',
    field.autofocus === true ? 'autofocus' : '',
  ].filter(Boolean);
  return `<div class="field">
<label for="${field.name}">${escapeHtml(field.label)}</label>
${field.hint === undefined ? '' : `<p class="hint" id="${hintId}">${escapeHtml(field.hint)}</p>`}
${field.error === undefined ? '' : `<p class="error" id="${errorId}"><span class="visually-hidden">Error: </span>${escapeHtml(field.error)}</p>`}
<input ${attributes.join(' ')}>
</div>`;
}

function renderDemoHint(demo: DemoHint): string {
  const emails = demo.emails.map((email) => `<li><code>${escapeHtml(email)}</code></li>`).join('');
  return `<section class="demo" aria-labelledby="demo-heading">
<h2 id="demo-heading">Demo accounts</h2>
<ul>${emails}</ul>
<p>Password: <code>${escapeHtml(demo.password)}</code></p>
<p>Code: <code>${escapeHtml(demo.code)}</code></p>
</section>`;
}
