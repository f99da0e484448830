import type { Page, PageRequest, SchoolId, UserId } from '@rowan/kernel';
import type { AuditEntry, AuditRecord } from '../../domain/audit-record';

/** Records who changed what. The record is stored with the change, in the same transaction. */
export abstract class AuditTrail {
  abstract record(actorId: UserId | null, entry: AuditEntry): void;
}

export interface AuditFilter {
  readonly action?: string;
  readonly actorId?: UserId;
  /** What the change was to: a kind (`booking`, `membership`, …) and, optionally, one of them by id. */
  readonly targetType?: string;
  readonly targetId?: string;
  readonly from?: Date;
  readonly to?: Date;
}

export interface AuditRecordWithActor {
  readonly record: AuditRecord;
  readonly actor: { readonly id: UserId; readonly name: string; readonly email: string } | null;
}

export abstract class AuditLog {
  abstract listForSchool(
    schoolId: SchoolId,
    filter: AuditFilter,
    page: PageRequest,
  ): Promise<Page<AuditRecordWithActor>>;
}
