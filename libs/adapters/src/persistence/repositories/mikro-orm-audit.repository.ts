import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  AuditLog,
  AuditRecord,
  AuditTrail,
  User,
  type AuditEntry,
  type AuditFilter,
  type AuditRecordWithActor,
} from '@rowan/access';
import { Clock, IdGenerator, type Page, type PageRequest, type SchoolId, type UserId } from '@rowan/kernel';
import { workContext } from '../../context/request-context';
import { decodeCursor, toPage } from '../cursor';

@Injectable()
export class MikroOrmAuditTrail extends AuditTrail {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    super();
  }

  record(actorId: UserId | null, entry: AuditEntry): void {
    this.em.persist(
      new AuditRecord(
        this.ids.next(),
        this.clock.now(),
        actorId,
        entry.action,
        entry.trustId,
        entry.schoolId,
        entry.targetType,
        entry.targetId,
        entry.summary.slice(0, 500),
        entry.before ?? null,
        entry.after ?? null,
        workContext.current()?.requestId ?? null,
      ),
    );
  }
}

@Injectable()
export class MikroOrmAuditLog extends AuditLog {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async listForSchool(
    schoolId: SchoolId,
    filter: AuditFilter,
    page: PageRequest,
  ): Promise<Page<AuditRecordWithActor>> {
    const after = decodeCursor(page.cursor);
    const at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    const records = await this.em.find(
      AuditRecord,
      {
        schoolId,
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.actorId ? { actorId: filter.actorId } : {}),
        ...(filter.targetType ? { targetType: filter.targetType } : {}),
        ...(filter.targetId ? { targetId: filter.targetId } : {}),
        ...(filter.from || filter.to ? { at } : {}),
        ...(after ? { id: { $lt: after } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: page.limit + 1 },
    );
    const actorIds = [...new Set(records.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
    const actors = actorIds.length ? await this.em.find(User, { id: { $in: actorIds } }) : [];
    const byId = new Map(actors.map((u) => [u.id as string, u]));
    const rows = records.map((record) => {
      const user = record.actorId ? byId.get(record.actorId) : undefined;
      return { record, actor: user ? { id: user.id, name: user.displayName(), email: user.email } : null };
    });
    return toPage(rows, page, (row) => row.record.id);
  }
}
