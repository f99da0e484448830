import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { Message, MessageRepository, type MessageEstimate } from '@rowan/communications';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { decodeCursor, toPage } from '../cursor';

@Injectable()
export class MikroOrmMessageRepository extends MessageRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findForSchool(schoolId: SchoolId, id: string): Promise<Message | null> {
    return this.em.findOne(Message, { id, schoolId });
  }

  /** For the worker (no tenant scope): it scopes itself by the message's school. */
  findById(id: string): Promise<Message | null> {
    return this.em.findOne(Message, { id }, { filters: false });
  }

  findByIdempotencyKey(schoolId: SchoolId, key: string): Promise<Message | null> {
    return this.em.findOne(Message, { schoolId, idempotencyKey: key });
  }

  async listForSchool(schoolId: SchoolId, page: PageRequest): Promise<Page<Message>> {
    const after = decodeCursor(page.cursor);
    const rows = await this.em.find(
      Message,
      { schoolId, ...(after ? { id: { $lt: after } } : {}) },
      { orderBy: { id: 'desc' }, limit: page.limit + 1 },
    );
    return toPage(rows, page, (m) => m.id);
  }

  dueScheduled(now: Date, limit: number): Promise<Message[]> {
    return this.em.find(
      Message,
      { status: 'scheduled', scheduledFor: { $lte: now } },
      { filters: false, orderBy: { scheduledFor: 'asc' }, limit },
    );
  }

  add(message: Message): void {
    this.em.persist(message);
  }

  async recordEstimate(
    id: string,
    estimate: MessageEstimate,
    stop: { readonly status: 'pending_approval' | 'held'; readonly reason: string | null } | null,
    at: Date,
  ): Promise<boolean> {
    const moved = await this.em.nativeUpdate(
      Message,
      { id, status: 'sending' },
      { estimate, updatedAt: at, ...(stop ? { status: stop.status, heldReason: stop.reason } : {}) },
      { filters: false },
    );
    return moved > 0;
  }

  async rewrite(message: Message, from: readonly Message['status'][]): Promise<boolean> {
    const moved = await this.em.nativeUpdate(
      Message,
      { id: message.id, schoolId: message.schoolId, status: { $in: [...from] } },
      {
        audience: message.audience,
        content: message.content,
        policy: message.policy,
        status: message.status,
        scheduledFor: message.scheduledFor,
        sentAt: message.sentAt,
        approvedBy: message.approvedBy,
        estimate: null,
        heldReason: null,
        updatedAt: message.updatedAt,
      },
      { filters: false },
    );
    return moved > 0;
  }

  async moveStatus(
    id: string,
    from: readonly Message['status'][],
    to: Message['status'],
    at: Date,
  ): Promise<boolean> {
    const moved = await this.em.nativeUpdate(
      Message,
      { id, status: { $in: [...from] } },
      { status: to, updatedAt: at, ...(to === 'sending' ? { sentAt: at } : {}) },
      { filters: false },
    );
    return moved > 0;
  }
}
