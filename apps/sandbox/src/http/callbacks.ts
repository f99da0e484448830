/**
 * A stand-in's outgoing callbacks (Twilio status callbacks, SES events through SNS), delivered as the real
 * services do: some at a time rather than all at once, and again with back-off when the receiver is down or
 * answers 5xx (SNS retries an HTTP endpoint; Twilio retries on connection failures). Closing cancels what has
 * not started and waits for what is in flight.
 */
export class Callbacks {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly concurrency = 16,
    private readonly attempts = 6,
  ) {}

  /** After `ms`, calls `post` (again on failure) until it is answered below 500. */
  later(ms: number, post: () => Promise<Response>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const running = this.deliver(post).finally(() => this.inFlight.delete(running));
      this.inFlight.add(running);
    }, ms);
    this.timers.add(timer);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.waiting.splice(0).forEach((start) => start());
    await Promise.all(this.inFlight);
  }

  private async deliver(post: () => Promise<Response>): Promise<void> {
    for (let attempt = 1; attempt <= this.attempts && !this.closed; attempt++) {
      if (this.running >= this.concurrency) {
        await new Promise<void>((resolve) => this.waiting.push(resolve));
        if (this.closed) {
          return;
        }
      }
      this.running++;
      let failure: string | null;
      try {
        const response = await post();
        await response.arrayBuffer();
        failure = response.status >= 500 ? `answered ${response.status}` : null;
      } catch (error) {
        failure = String((error as { cause?: unknown }).cause ?? error);
      } finally {
        this.running--;
        this.waiting.shift()?.();
      }
      if (failure === null) {
        return;
      }
      if (attempt === this.attempts) {
        console.error(`${this.name} stand-in: a callback failed ${attempt} times, last: ${failure}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
