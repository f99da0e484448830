/** Work for the `events` queue. */
export abstract class EventJobs {
  /** Checks an offer when it is due to expire (a later accept or cancel makes the job a no-op). */
  abstract expireOffer(bookingId: string, at: Date): Promise<void>;
  /** Lets a place held for payment go when its hold expires unpaid (a payment first makes the job a no-op). */
  abstract expirePaymentHold(bookingId: string, at: Date): Promise<void>;
  /**
   * Releases a parents' evening hold when it is due to expire (a confirm or cancel first makes the job a no-op).
   * `attempt` tells apart a re-check from a job that ran early.
   */
  abstract expireHold(
    hold: { eventId: string; appointmentId: string },
    at: Date,
    attempt?: number,
  ): Promise<void>;
}
