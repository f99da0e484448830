import type { SchoolId, TrustId, UserId } from '@rowan/kernel';

/** What changed, said briefly for people, with the before/after values that matter. */
export interface AuditChange {
  readonly summary: string;
  readonly before?: Readonly<Record<string, unknown>>;
  readonly after?: Readonly<Record<string, unknown>>;
}

/** One state-changing action. Written in the same transaction as the change it records. */
export interface AuditEntry extends AuditChange {
  readonly action: string;
  readonly trustId: TrustId | null;
  readonly schoolId: SchoolId | null;
  readonly targetType: string;
  readonly targetId: string;
}

export class AuditRecord {
  constructor(
    readonly id: string,
    readonly at: Date,
    readonly actorId: UserId | null,
    readonly action: string,
    readonly trustId: TrustId | null,
    readonly schoolId: SchoolId | null,
    readonly targetType: string,
    readonly targetId: string,
    readonly summary: string,
    readonly before: Readonly<Record<string, unknown>> | null,
    readonly after: Readonly<Record<string, unknown>> | null,
    readonly requestId: string | null,
  ) {}

  /** The record's place in its chain (AuditChain), set once by the sealer; null until then. */
  readonly chainSeq: number | null = null;
  readonly prevHash: string | null = null;
  readonly hash: string | null = null;
}
