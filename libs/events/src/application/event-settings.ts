/** Timings and addresses the events context is configured with. */
export class EventSettings {
  constructor(
    /** How long a waiting-list offer is kept before it passes to the next family. */
    readonly offerWindowMs: number,
    /** How long a parent's place is held while they pay (Stripe keeps a checkout open 30 minutes at least). */
    readonly paymentHoldMs: number = 31 * 60_000,
    /** The web app's origin, where the payment page sends families back to. */
    readonly webOrigin: string = 'http://127.0.0.1:5173',
  ) {}
}
