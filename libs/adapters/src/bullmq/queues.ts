import { createHash } from 'node:crypto';

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
  /** Waiting-list offers and parents' evening holds that expire (later: held places, reminders). */
  events: 'events',
  /** The audit log's sealer, retention (anonymising leavers) and the destruction of a school's data. */
  compliance: 'compliance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  'provision-identity': { readonly userId: string };
  'forget-identity': { readonly subject: string };
  'run-sync': { readonly runId: string };
  'dispatch-message': { readonly messageId: string };
  /** Up to SEND_BATCH_MAX email or SMS deliveries, all of one channel. */
  'send-deliveries': { readonly deliveryIds: readonly string[] };
  'expire-offer': { readonly bookingId: string };
  'expire-payment-hold': { readonly bookingId: string };
  /** `attempt`: 0 for the hold's own job, then one more for each re-check of a job that ran early. */
  'expire-hold': { readonly eventId: string; readonly appointmentId: string; readonly attempt: number };
  'run-retention': { readonly schoolId: string };
  'destroy-school': { readonly schoolId: string };
  /** Seal every audit record past the grace period into its school's hash chain. */
  'seal-audit': Record<string, never>;
  /** Forget the sign-in sessions no token can still show. */
  'forget-sign-ins': Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** Job ids derived from the business key, so enqueuing twice runs once. BullMQ forbids ':' in custom ids. */
export const jobIds = {
  provisionIdentity: (userId: string) => `provision-identity-${userId}`,
  forgetIdentity: (subject: string) => `forget-identity-${subject}`,
  runSync: (runId: string) => `run-sync-${runId}`,
  dispatchMessage: (messageId: string, notBefore: number) => `dispatch-${messageId}-${notBefore}`,
  /** The same set of deliveries is one job (a dispatch that runs again re-enqueues only what is unsent). */
  /** One check per offer and expiry time (a re-check of an early run gets its own). */
  expireOffer: (bookingId: string, at: number) => `offer-${bookingId}-${at.toString(36)}`,
  /** One check per held booking and expiry time. */
  expirePaymentHold: (bookingId: string, at: number) => `pay-hold-${bookingId}-${at.toString(36)}`,
  /** One job per hold and expiry time, and one per re-check (a job cannot re-add its own id while it runs). */
  expireHold: (appointmentId: string, at: number, attempt: number) =>
    `hold-${appointmentId}-${at.toString(36)}-${attempt}`,
  /** One retention run per school and day. */
  runRetention: (schoolId: string, day: string) => `retention-${schoolId}-${day}`,
  /** One destruction attempt per school and day (a failed one is tried again the next day). */
  destroySchool: (schoolId: string, day: string) => `destroy-${schoolId}-${day}`,
  /** One sealing at a time is enough: a schedule firing on several workers (or again) adds nothing. */
  sealAudit: () => 'seal-audit',
  forgetSignIns: () => 'forget-sign-ins',
  sendDeliveries: (deliveryIds: readonly string[]) =>
    `send-${createHash('sha256').update(deliveryIds.join(',')).digest('hex').slice(0, 32)}`,
};

/** Routine work is prioritised below urgent work, which carries no priority (BullMQ takes those first). */
export const ROUTINE_PRIORITY = 10;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

/** The most deliveries one send job carries: a handful of queries for the batch instead of several per delivery. */
export const SEND_BATCH_MAX = 50;

/**
 * Deliveries per send job and send jobs per second that together stay at or under `perSecond` deliveries a
 * second: 8 texts a second is one job of 8 a second; 1,000 emails a second is 20 jobs of 50.
 */
export function sendPacing(perSecond: number): { readonly batch: number; readonly jobsPerSecond: number } {
  const jobsPerSecond = Math.ceil(perSecond / SEND_BATCH_MAX);
  return { batch: Math.max(1, Math.floor(perSecond / jobsPerSecond)), jobsPerSecond };
}
