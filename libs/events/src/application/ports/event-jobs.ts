/** Work for the `events` queue. */
export abstract class EventJobs {
  /** Checks an offer when it is due to expire (a later accept or cancel makes the job a no-op). */
  abstract expireOffer(bookingId: string, at: Date): Promise<void>;
}
