import { escapeHtml } from '../http/server';
import { formatPounds, type SessionRecord } from './stripe-records';
import type { StripeState } from './stripe-state';
import type { RecordedEvent } from './stripe-webhooks';

/** The hosted checkout page and the demo's overview: plain HTML and CSS, usable at 360 px and by keyboard. */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f6f7f9}
main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem}
.wide{max-width:72rem}
h1{font-size:1.5rem;margin:0 0 1rem}
h2{font-size:1.125rem;margin:1rem 0 .5rem}
.card{background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:1rem;margin-bottom:1rem}
.amount{font-size:2rem;font-weight:700;margin:.25rem 0}
ul.items{padding:0;list-style:none;margin:0}
ul.items li{display:flex;justify-content:space-between;gap:1rem}
form{margin:.75rem 0 0}
button{width:100%;min-height:2.75rem;font:inherit;font-weight:600;border-radius:.375rem;border:2px solid #1d3f91;cursor:pointer}
.pay{background:#1d3f91;color:#fff}
.decline{background:#fff;color:#8a1c1c;border-color:#8a1c1c}
.cancel{background:#fff;color:#1d3f91}
button:focus-visible,a:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
.alert{border-left:.375rem solid #8a1c1c;background:#fdecec;padding:.75rem;margin-bottom:1rem}
.note{color:#4a4f57;font-size:.875rem}
table{border-collapse:collapse;width:100%;font-size:.875rem;background:#fff}
th,td{border:1px solid #c9ccd1;padding:.25rem .5rem;text-align:left;vertical-align:top}
.scroll{overflow-x:auto;margin-bottom:1.5rem}
code{font-size:.8125rem;word-break:break-all}`;

function page(title: string, body: string, wide = false): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body><main${wide ? ' class="wide"' : ''}>${body}</main></body></html>`;
}

const button = (sessionId: string, action: string, label: string, kind: string) =>
  `<form method="post" action="/checkout/${encodeURIComponent(sessionId)}/${action}"><button type="submit" class="${kind}">${label}</button></form>`;

export function checkoutPage(session: SessionRecord, declined: boolean): string {
  const total = formatPounds(session.amountTotal, session.currency);
  const items = session.lineItems
    .map(
      (item) =>
        `<li><span>${escapeHtml(item.name)}${item.quantity > 1 ? ` × ${item.quantity}` : ''}</span><span>${formatPounds(item.unitAmount * item.quantity, item.currency)}</span></li>`,
    )
    .join('');
  const summary = `<section class="card" aria-labelledby="summary"><h2 id="summary" class="note">You are paying</h2>
<p class="amount">${total}</p><ul class="items">${items}</ul></section>`;
  if (session.status !== 'open') {
    const text =
      session.status === 'complete'
        ? 'This payment is complete. You have not been charged again.'
        : 'This checkout has expired. Nothing was charged. Go back and start again.';
    const back = session.status === 'complete' ? session.successUrl : session.cancelUrl;
    return page(
      session.status === 'complete' ? 'Payment complete' : 'Checkout expired',
      `<h1>${session.status === 'complete' ? 'Payment complete' : 'Checkout expired'}</h1>${summary}
<p role="status">${text}</p>${back ? `<p><a href="${escapeHtml(back)}">Return to the school's site</a></p>` : ''}`,
    );
  }
  const alert = declined
    ? `<div class="alert" role="alert"><strong>Your card was declined.</strong> Nothing was charged. You can try again.</div>`
    : '';
  return page(
    `Pay ${total}`,
    `<h1>Pay ${total}</h1>${alert}${summary}
<section class="card" aria-labelledby="card"><h2 id="card" class="note">Test card (sandbox: no real money moves)</h2>
<p><code>4242 4242 4242 4242</code> · any future date · any CVC</p>
<p class="note">Pay succeeds; Decline is a card the bank refuses.</p>
${button(session.id, 'pay', 'Pay', 'pay')}
${button(session.id, 'decline', 'Decline', 'decline')}
${session.cancelUrl ? button(session.id, 'cancel', 'Cancel and go back', 'cancel') : ''}
</section><p class="note">Stripe stand-in for Rowan's demo and tests. Session <code>${escapeHtml(session.id)}</code></p>`,
  );
}

export function notFoundPage(): string {
  return page(
    'Checkout not found',
    '<h1>Checkout not found</h1><p>There is no checkout at this address.</p>',
  );
}

const table = (caption: string, head: string[], rows: string[][]) => {
  const id = caption.toLowerCase().replace(/\W+/g, '-');
  const header = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<h2 id="${id}">${caption} (${rows.length})</h2><div class="scroll" tabindex="0" role="region" aria-labelledby="${id}"><table aria-labelledby="${id}"><thead><tr>${header}</tr></thead><tbody>${body}</tbody></table></div>`;
};

const code = (text: string | null) => (text ? `<code>${escapeHtml(text)}</code>` : '—');
const when = (seconds: number) => escapeHtml(new Date(seconds * 1000).toISOString().replace('.000', ''));

export function overviewPage(state: StripeState, events: readonly RecordedEvent[]): string {
  const newest = <T extends { created: number }>(list: Iterable<T>) => [...list].reverse();
  const sessions = newest(state.sessions.values()).map((s) => [
    when(s.created),
    code(s.account ?? 'platform'),
    s.status === 'open' ? `<a href="/checkout/${encodeURIComponent(s.id)}">${code(s.id)}</a>` : code(s.id),
    escapeHtml(s.lineItems.map((i) => i.name).join(', ')),
    formatPounds(s.amountTotal, s.currency),
    `${s.status} / ${s.paymentStatus}${s.declines ? ` (${s.declines} declined)` : ''}`,
    code(s.clientReferenceId),
  ]);
  const charges = newest(state.charges.values()).map((c) => [
    when(c.created),
    code(c.account ?? 'platform'),
    code(c.id),
    code(c.paymentIntentId),
    formatPounds(c.amount, c.currency),
    formatPounds(c.amountRefunded, c.currency),
  ]);
  const refunds = newest(state.refunds.values()).map((r) => [
    when(r.created),
    code(r.account ?? 'platform'),
    code(r.id),
    code(r.chargeId),
    formatPounds(r.amount, r.currency),
    escapeHtml(r.reason ?? '—'),
  ]);
  const deliveries = [...events]
    .reverse()
    .map((e) => [
      when(e.created),
      code(e.account ?? 'platform'),
      code(e.id),
      escapeHtml(e.type),
      escapeHtml(
        e.deliveries
          .map(
            (d) =>
              `${d.replay ? 'replay ' : ''}${d.status} after ${d.attempts}${d.lastError ? ` (${d.lastError})` : ''}`,
          )
          .join('; '),
      ),
    ]);
  return page(
    'Sandbox Stripe',
    `<h1>Stripe stand-in</h1>
${table('Checkout sessions', ['Created', 'Account', 'Session', 'Items', 'Amount', 'Status', 'Reference'], sessions)}
${table('Payments', ['Created', 'Account', 'Charge', 'PaymentIntent', 'Amount', 'Refunded'], charges)}
${table('Refunds', ['Created', 'Account', 'Refund', 'Charge', 'Amount', 'Reason'], refunds)}
${table('Webhook events', ['Created', 'Account', 'Event', 'Type', 'Deliveries'], deliveries)}`,
    true,
  );
}
