import type { Clock, IdGenerator, Page, PageRequest, SchoolId, UserId } from '@rowan/kernel';
import {
  AuditLog,
  AuditTrail,
  type AuditFilter,
  type AuditRecordWithActor,
} from '../application/ports/audit-trail';
import { AuditRecord, type AuditEntry } from '../domain/audit-record';
import { byIdDescending } from './in-memory-table';
import type { InMemoryUnitOfWork, UnitParticipant } from './in-memory-unit-of-work';
import type { InMemoryUserRepository } from './in-memory-user.repository';
import { decodeCursor, isAfterCursor, toPage } from './keyset-page';

/** Audit records, stored with the change they describe: only on commit. */
export class InMemoryAuditTrail extends AuditTrail implements UnitParticipant {
  private staged: AuditRecord[] = [];
  private stored: AuditRecord[] = [];

  constructor(
    uow: InMemoryUnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    super();
    uow.enlist(this);
  }

  record(actorId: UserId | null, entry: AuditEntry): void {
    const { action, trustId, schoolId, targetType, targetId, summary } = entry;
    this.staged.push(
      new AuditRecord(
        this.ids.next(),
        this.clock.now(),
        actorId,
        action,
        trustId,
        schoolId,
        targetType,
        targetId,
        summary.slice(0, 500),
        entry.before ?? null,
        entry.after ?? null,
        null,
      ),
    );
  }

  /** The committed records, oldest first. */
  records(): readonly AuditRecord[] {
    return [...this.stored];
  }

  seed(...records: AuditRecord[]): void {
    this.stored.push(...records);
  }

  check(): void {
    // Audit records have no unique key to break.
  }

  apply(): void {
    this.stored.push(...this.staged);
    this.staged = [];
  }

  discard(): void {
    this.staged = [];
  }
}

/** Reads the committed audit records as the MikroORM audit log does: newest first, keyset paged. */
export class InMemoryAuditLog extends AuditLog {
  constructor(
    private readonly trail: InMemoryAuditTrail,
    private readonly users: InMemoryUserRepository,
  ) {
    super();
  }

  listForSchool(
    schoolId: SchoolId,
    filter: AuditFilter,
    page: PageRequest,
  ): Promise<Page<AuditRecordWithActor>> {
    const after = decodeCursor(page.cursor);
    const records = this.trail
      .records()
      .filter(
        (r) =>
          r.schoolId === schoolId &&
          (filter.action === undefined || r.action === filter.action) &&
          (filter.actorId === undefined || r.actorId === filter.actorId) &&
          (filter.targetType === undefined || r.targetType === filter.targetType) &&
          (filter.targetId === undefined || r.targetId === filter.targetId) &&
          (filter.from === undefined || r.at >= filter.from) &&
          (filter.to === undefined || r.at < filter.to) &&
          isAfterCursor(r.id, after),
      )
      .sort(byIdDescending)
      .slice(0, page.limit + 1);
    const actorIds = records.flatMap((r) => (r.actorId ? [r.actorId] : []));
    const actors = new Map(this.users.findManyByIds(actorIds).map((u) => [u.id as string, u]));
    const rows = records.map((record) => {
      const user = record.actorId ? actors.get(record.actorId) : undefined;
      return { record, actor: user ? { id: user.id, name: user.displayName(), email: user.email } : null };
    });
    return Promise.resolve(toPage(rows, page, (row) => row.record.id));
  }
}
