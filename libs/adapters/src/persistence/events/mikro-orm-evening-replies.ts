import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { EventConflict, EveningReplies, type EveningReply } from '@rowan/events';
import type { SchoolId, UserId } from '@rowan/kernel';
import { runSql, selectRows } from '../directory/bulk-sql';
import { isUniqueViolation } from '../unique-violation';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON keeps dates as ISO strings: every `…At` field holding one becomes a `Date` again. */
const revive = (key: string, value: unknown): unknown =>
  typeof value === 'string' && key.endsWith('At') && ISO.test(value) ? new Date(value) : value;

/** Parents' evening replies as rows of `parents_evening_replies`, in the caller's transaction. */
@Injectable()
export class MikroOrmEveningReplies extends EveningReplies {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async find(userId: UserId, idempotencyKey: string): Promise<EveningReply | null> {
    const [row] = await selectRows<{
      school_id: string;
      event_id: string;
      request_hash: string;
      answer: unknown;
      created_at: Date;
    }>(
      this.em,
      `select school_id, event_id, request_hash, answer, created_at from parents_evening_replies
        where user_id = ? and idempotency_key = ?`,
      [userId, idempotencyKey],
    );
    if (!row) {
      return null;
    }
    const text = typeof row.answer === 'string' ? row.answer : JSON.stringify(row.answer);
    return {
      userId,
      idempotencyKey,
      schoolId: row.school_id as SchoolId,
      eventId: row.event_id,
      requestHash: row.request_hash,
      answer: JSON.parse(text, revive) as unknown,
      createdAt: new Date(row.created_at),
    };
  }

  async keep(reply: EveningReply): Promise<void> {
    try {
      await runSql(
        this.em,
        `insert into parents_evening_replies (user_id, idempotency_key, school_id, event_id, request_hash, answer,
           created_at) values (?, ?, ?, ?, ?, ?, ?)`,
        [
          reply.userId,
          reply.idempotencyKey,
          reply.schoolId,
          reply.eventId,
          reply.requestHash,
          JSON.stringify(reply.answer),
          reply.createdAt,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new EventConflict(
          'This Idempotency-Key was used for a different request',
          'EVENTS.IDEMPOTENCY_KEY_REUSED',
        );
      }
      throw error;
    }
  }
}
