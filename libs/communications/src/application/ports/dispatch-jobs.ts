export interface QueuedDelivery {
  readonly id: string;
  readonly channel: 'email' | 'sms';
}

/** The worker's communications jobs. Urgent work is never queued behind routine work. */
export abstract class DispatchJobs {
  /** Resolve the audience and hand out the first deliveries. */
  abstract dispatch(messageId: string, urgent: boolean, delayMs?: number): Promise<void>;
  /** Hand these deliveries to their providers, in bulk (each provider has its own queue and rate limit). */
  abstract send(deliveries: readonly QueuedDelivery[], urgent: boolean): Promise<void>;
}
