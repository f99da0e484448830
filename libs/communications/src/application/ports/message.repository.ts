import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import type { Message, MessageEstimate } from '../../domain/message';

export abstract class MessageRepository {
  abstract findForSchool(schoolId: SchoolId, id: string): Promise<Message | null>;
  /** Keyed by id alone: for the worker, which scopes itself by the message's school. */
  abstract findById(id: string): Promise<Message | null>;
  abstract findByIdempotencyKey(schoolId: SchoolId, key: string): Promise<Message | null>;
  abstract listForSchool(schoolId: SchoolId, page: PageRequest): Promise<Page<Message>>;
  /** Scheduled messages whose time has come. */
  abstract dueScheduled(now: Date, limit: number): Promise<Message[]>;
  abstract add(message: Message): void;
  /** Records what resolving the audience found (and, when it stops there, why), from `sending` only. */
  abstract recordEstimate(
    id: string,
    estimate: MessageEstimate,
    stop: { readonly status: 'pending_approval' | 'held'; readonly reason: string | null } | null,
    at: Date,
  ): Promise<boolean>;
  /**
   * Stores an edit (audience, content, policy, status, schedule, approver) at once, only if the message is still
   * in one of `from` (the scheduler may be releasing it meanwhile); true if it was stored.
   */
  abstract rewrite(message: Message, from: readonly Message['status'][]): Promise<boolean>;
  /** Moves a message from one status to another at once, only if it is still in `from`; true if it moved. */
  abstract moveStatus(
    id: string,
    from: readonly Message['status'][],
    to: Message['status'],
    at: Date,
  ): Promise<boolean>;
}
