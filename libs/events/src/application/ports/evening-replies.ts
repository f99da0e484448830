import type { SchoolId, UserId } from '@rowan/kernel';

/** The answer a parent got to a request that carried an `Idempotency-Key`. */
export interface EveningReply {
  readonly userId: UserId;
  readonly idempotencyKey: string;
  readonly schoolId: SchoolId;
  readonly eventId: string;
  /** The operation and what it was asked (`hold/<event>/<pupil>/<slot>`): the key answers only that again. */
  readonly requestHash: string;
  readonly answer: unknown;
  readonly createdAt: Date;
}

/**
 * Answers to parents' evening requests sent with an `Idempotency-Key`, kept so that a retry gets the same answer
 * (Stripe's manner): keys are the parent's own, one answer each.
 */
export abstract class EveningReplies {
  /** The stored reply, its answer as it was given: every `…At` field that held a date is a `Date` again. */
  abstract find(userId: UserId, idempotencyKey: string): Promise<EveningReply | null>;
  /** Kept in the caller's transaction; a key already kept (a concurrent request) is a conflict. */
  abstract keep(reply: EveningReply): Promise<void>;
}
