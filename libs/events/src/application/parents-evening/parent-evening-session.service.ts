import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { UnitOfWork } from '@rowan/kernel';
import type { SchoolEvent } from '../../domain/event';
import { EventConflict } from '../../domain/events.errors';
import { EventJobs } from '../ports/event-jobs';
import { EveningReplies } from '../ports/evening-replies';
import { ParentsEveningStore, type AppointmentRecord } from '../ports/parents-evening.store';

export interface ParentChange {
  readonly actor: Actor;
  readonly event: SchoolEvent;
  readonly now: Date;
  /** From the `Idempotency-Key` header, if the parent sent one. */
  readonly idempotencyKey: string | null;
  /** The operation and what it was asked, e.g. `hold/<event>/<pupil>/<slot>`. */
  readonly requestHash: string;
}

export interface ChangeOutcome<T> {
  readonly answer: T;
  /** Holds the change made: each one's expiry is scheduled once it commits. */
  readonly held?: readonly AppointmentRecord[];
}

/**
 * How a parent changes their appointments at an evening: one change at a time per parent (their row locked for the
 * transaction), a repeated `Idempotency-Key` answered as before without doing anything (the same key for a different
 * request is a 409), and each new hold's expiry put on the `events` queue once the change has committed.
 */
@Injectable()
export class ParentEveningSession {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly evenings: ParentsEveningStore,
    private readonly replies: EveningReplies,
    private readonly jobs: EventJobs,
  ) {}

  async run<T>(
    change: ParentChange,
    work: (mine: AppointmentRecord[]) => Promise<ChangeOutcome<T>>,
  ): Promise<T> {
    const earlier = await this.replay<T>(change);
    if (earlier) {
      return earlier.answer;
    }
    const outcome = await this.uow.transaction(async (): Promise<ChangeOutcome<T>> => {
      const mine = await this.evenings.lockParent(change.event.id, change.actor.userId);
      // A retry that raced the first request waited for its lock: it answers what the first one did.
      const raced = await this.replay<T>(change);
      if (raced) {
        return raced;
      }
      const done = await work(mine);
      if (change.idempotencyKey) {
        await this.replies.keep({
          userId: change.actor.userId,
          idempotencyKey: change.idempotencyKey,
          schoolId: change.event.schoolId,
          eventId: change.event.id,
          requestHash: change.requestHash,
          answer: done.answer,
          createdAt: change.now,
        });
      }
      return done;
    });
    for (const hold of outcome.held ?? []) {
      if (hold.holdExpiresAt) {
        await this.jobs.expireHold({ eventId: hold.eventId, appointmentId: hold.id }, hold.holdExpiresAt);
      }
    }
    return outcome.answer;
  }

  private async replay<T>(change: ParentChange): Promise<{ answer: T } | null> {
    if (!change.idempotencyKey) {
      return null;
    }
    const reply = await this.replies.find(change.actor.userId, change.idempotencyKey);
    if (!reply) {
      return null;
    }
    if (reply.requestHash !== change.requestHash) {
      throw new EventConflict(
        'This Idempotency-Key was used for a different request',
        'EVENTS.IDEMPOTENCY_KEY_REUSED',
      );
    }
    return { answer: reply.answer as T };
  }
}
