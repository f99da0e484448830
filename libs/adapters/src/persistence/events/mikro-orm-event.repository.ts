import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { EventRepository, SchoolEvent, type EventStatus } from '@rowan/events';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { decodeCursor, toPage } from '../cursor';
import { UNSCOPED } from '../tenant-filter';

@Injectable()
export class MikroOrmEventRepository extends EventRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findForSchool(schoolId: SchoolId, id: string): Promise<SchoolEvent | null> {
    return this.em.findOne(SchoolEvent, { id, schoolId });
  }

  /** Within the request's tenant scope (a parent's schools); the use case checks the child's school. */
  findById(id: string): Promise<SchoolEvent | null> {
    return this.em.findOne(SchoolEvent, { id });
  }

  findForWorker(id: string): Promise<SchoolEvent | null> {
    return this.em.findOne(SchoolEvent, { id }, UNSCOPED);
  }

  async listForSchool(
    schoolId: SchoolId,
    page: PageRequest,
    status?: EventStatus,
  ): Promise<Page<SchoolEvent>> {
    const after = decodeCursor(page.cursor);
    const rows = await this.em.find(
      SchoolEvent,
      { schoolId, ...(status ? { status } : {}), ...(after ? { id: { $lt: after } } : {}) },
      { orderBy: { id: 'desc' }, limit: page.limit + 1 },
    );
    return toPage(rows, page, (e) => e.id);
  }

  add(event: SchoolEvent): void {
    this.em.persist(event);
  }

  async moveStatus(id: string, from: EventStatus, to: EventStatus, at: Date): Promise<boolean> {
    const moved = await this.em.nativeUpdate(
      SchoolEvent,
      { id, status: from },
      { status: to, updatedAt: at },
      UNSCOPED,
    );
    return moved > 0;
  }

  async recordInvitationMessage(id: string, messageId: string): Promise<void> {
    await this.em.nativeUpdate(SchoolEvent, { id }, { invitationMessageId: messageId }, UNSCOPED);
  }
}
