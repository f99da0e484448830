/**
 * Every queue and job Rowan runs, with its payload type, in one place. Payloads carry ids, never entities.
 * Later capabilities add `events` and `compliance` (ARCHITECTURE.md section 5).
 */
export const QUEUES = {
  access: 'access',
  sync: 'sync',
  /** Message fan-out: resolve the audience, create deliveries, hand them to the send queues. */
  dispatch: 'dispatch',
  /** One queue per provider, each under its own rate limit. */
  sms: 'send-sms',
  email: 'send-email',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  'provision-identity': { readonly userId: string };
  'run-sync': { readonly runId: string };
  'dispatch-message': { readonly messageId: string };
  'send-delivery': { readonly deliveryId: string };
}
export type JobName = keyof JobPayloads;

/** Job ids derived from the business key, so enqueuing twice runs once. BullMQ forbids ':' in custom ids. */
export const jobIds = {
  provisionIdentity: (userId: string) => `provision-identity-${userId}`,
  runSync: (runId: string) => `run-sync-${runId}`,
  dispatchMessage: (messageId: string, notBefore: number) => `dispatch-${messageId}-${notBefore}`,
  sendDelivery: (deliveryId: string) => `send-${deliveryId}`,
};

/** Routine work is prioritised below urgent work, which carries no priority (BullMQ takes those first). */
export const ROUTINE_PRIORITY = 10;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;
