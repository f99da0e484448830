import Stripe from 'stripe';
import { SeededRandom } from '../wonde/seeded-random';
import { ID_PREFIXES, nowSeconds, stripeId } from './stripe-records';
import type { StripeJson } from './stripe-render';

export interface WebhookDelivery {
  /** False for the first delivery, true for one asked for by `replay`. */
  readonly replay: boolean;
  /** `unsent`: there was no webhook URL when the event happened. */
  status: 'pending' | 'delivered' | 'failed' | 'unsent';
  attempts: number;
  /** The HTTP status of the last attempt, or null when it did not get one. */
  lastStatus: number | null;
  lastError: string | null;
}

export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly account: string | null;
  readonly created: number;
  /** The event exactly as posted: `{ id, object: 'event', type, data: { object }, ... }`. */
  readonly event: StripeJson;
  readonly deliveries: WebhookDelivery[];
}

export interface ReplayOptions {
  /** Events to resend (default: every recorded event). */
  readonly ids?: readonly string[];
  /** How many times each is sent (default 1). */
  readonly times?: number;
  readonly shuffle?: boolean;
  /** Seed for the shuffle, so a run can be repeated (default: random). */
  readonly seed?: string;
}

export interface WebhookSettings {
  url: string | null;
  readonly secret: string;
  readonly apiVersion: string;
  /** Attempts per delivery before it is marked failed (default 4). */
  readonly attempts: number;
  /** Back-off before the second attempt, doubled for each further one (default 200 ms). */
  readonly backoffMs: number;
  readonly timeoutMs: number;
}

interface Job {
  readonly recorded: RecordedEvent;
  readonly delivery: WebhookDelivery;
  readonly settled: () => void;
}

/**
 * Stripe's webhook endpoint deliveries: signed JSON posts, one at a time in the order the events happened,
 * a failed one tried again later (so it can arrive after newer ones, as with Stripe), every event recorded.
 */
export class StripeWebhooks {
  private readonly recorded: RecordedEvent[] = [];
  private readonly queue: Job[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: Array<() => void> = [];
  private running: Promise<void> | null = null;
  private paused = false;
  private failNext = 0;
  private closed = false;

  constructor(private readonly settings: WebhookSettings) {}

  setUrl(url: string | null): void {
    this.settings.url = url;
  }

  record(type: string, account: string | null, object: StripeJson): RecordedEvent {
    const id = stripeId(ID_PREFIXES.event);
    const created = nowSeconds();
    const event: StripeJson = {
      id,
      object: 'event',
      ...(account ? { account } : {}),
      api_version: this.settings.apiVersion,
      created,
      data: { object },
      livemode: false,
      pending_webhooks: this.settings.url ? 1 : 0,
      request: { id: null, idempotency_key: null },
      type,
    };
    const recorded: RecordedEvent = { id, type, account, created, event, deliveries: [] };
    this.recorded.push(recorded);
    if (this.settings.url) {
      void this.enqueue(recorded, false);
    } else {
      recorded.deliveries.push({
        replay: false,
        status: 'unsent',
        attempts: 0,
        lastStatus: null,
        lastError: null,
      });
    }
    return recorded;
  }

  events(): RecordedEvent[] {
    return [...this.recorded];
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  /** The next `count` delivery attempts fail as if the endpoint answered 500. */
  failDeliveries(count: number): void {
    this.failNext = count;
  }

  /** Resends recorded events, signed afresh; resolves when each of these deliveries has succeeded or failed. */
  async replay(options: ReplayOptions = {}): Promise<number> {
    const wanted = options.ids ? new Set(options.ids) : null;
    const events = this.recorded.filter((event) => !wanted || wanted.has(event.id));
    const order: RecordedEvent[] = [];
    for (let i = 0; i < (options.times ?? 1); i++) {
      order.push(...events);
    }
    if (options.shuffle) {
      const random = new SeededRandom(options.seed ?? String(Math.random()));
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random.next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    await Promise.all(order.map((event) => this.enqueue(event, true)));
    return order.length;
  }

  /** Resolves when no delivery is queued, running or waiting to be tried again (held ones count). */
  idle(): Promise<void> {
    if (this.isIdle()) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  reset(): void {
    this.recorded.length = 0;
    this.queue.splice(0).forEach((job) => job.settled());
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    this.failNext = 0;
    this.paused = false;
    this.notifyIdle();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reset();
    await this.running;
  }

  private enqueue(recorded: RecordedEvent, replay: boolean): Promise<void> {
    const delivery: WebhookDelivery = {
      replay,
      status: 'pending',
      attempts: 0,
      lastStatus: null,
      lastError: null,
    };
    recorded.deliveries.push(delivery);
    return new Promise<void>((settled) => {
      this.queue.push({ recorded, delivery, settled });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.paused || this.closed) {
      return;
    }
    const job = this.queue.shift();
    if (!job) {
      this.notifyIdle();
      return;
    }
    this.running = this.attempt(job).finally(() => {
      this.running = null;
      this.pump();
    });
  }

  private async attempt(job: Job): Promise<void> {
    const { delivery } = job;
    delivery.attempts++;
    const failure = await this.post(job.recorded.event);
    delivery.lastStatus = failure.status;
    delivery.lastError = failure.error;
    if (failure.error === null) {
      delivery.status = 'delivered';
      job.settled();
      return;
    }
    if (delivery.attempts >= this.settings.attempts || this.closed) {
      delivery.status = 'failed';
      job.settled();
      return;
    }
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.queue.push(job);
        this.pump();
      },
      this.settings.backoffMs * 2 ** (delivery.attempts - 1),
    );
    this.timers.add(timer);
  }

  private async post(event: StripeJson): Promise<{ status: number | null; error: string | null }> {
    if (this.failNext > 0) {
      this.failNext--;
      return { status: 500, error: 'failed on purpose (failDeliveries)' };
    }
    const url = this.settings.url;
    if (!url) {
      return { status: null, error: 'no webhook URL' };
    }
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: this.settings.secret });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signature,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      await response.arrayBuffer();
      return response.ok
        ? { status: response.status, error: null }
        : { status: response.status, error: `answered ${response.status}` };
    } catch (error) {
      return { status: null, error: String((error as { cause?: unknown }).cause ?? error) };
    }
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && this.running === null && this.timers.size === 0;
  }

  private notifyIdle(): void {
    if (this.isIdle()) {
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }
}
