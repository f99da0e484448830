import type { StripeJson } from './stripe-render';
import type { PlantedMismatch } from './stripe-payments';
import type { RecordedEvent, ReplayOptions } from './stripe-webhooks';

/** A Stripe object as the API answers it, with the account it belongs to (null: the platform). */
export type RecordedStripeObject = StripeJson & { readonly account: string | null };

export interface StripeControl {
  /** As the hosted page's Pay button: the session completes, then the webhooks follow. */
  pay(sessionId: string): StripeJson;
  /** As the Decline button: a declined card; the session stays open. */
  decline(sessionId: string): StripeJson;
  /** As Stripe when the session times out (or `checkout.sessions.expire`). */
  expire(sessionId: string): StripeJson;
  sessions(): RecordedStripeObject[];
  charges(): RecordedStripeObject[];
  refunds(): RecordedStripeObject[];
  /** Newest first; `undefined`: every account's, `null`: the platform's, else that connected account's. */
  balanceTransactions(account?: string | null): RecordedStripeObject[];
  /** Every event created, in order, with each delivery's status and attempts. */
  events(): RecordedEvent[];
  /** Resends recorded events (signed afresh); resolves with how many posts, when they have all settled. */
  replay(options?: ReplayOptions): Promise<number>;
  pauseDeliveries(): void;
  resumeDeliveries(): void;
  /** The next `count` delivery attempts fail (as a 500 from the endpoint), so retries can be seen. */
  failDeliveries(count: number): void;
  setWebhookUrl(url: string | null): void;
  /** Resolves when no webhook delivery is queued, in flight or waiting for a retry (paused ones count). */
  idle(): Promise<void>;
  /** For reconciliation: a balance transaction's amount changed, or one Rowan never heard of. */
  plantMismatch(mismatch: PlantedMismatch): RecordedStripeObject;
  /** Forgets every object, event and idempotency key (deliveries in flight finish). */
  reset(): void;
}
