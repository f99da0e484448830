import type { Page, PageRequest, SchoolId, TrustId, UserId } from '@rowan/kernel';

/** One retention pass over one school: what it anonymised, by context and table. */
export interface RetentionRun {
  readonly id: string;
  readonly schoolId: SchoolId;
  readonly ranAt: Date;
  /** Leavers who left on or before this day were due. */
  readonly leftOnOrBefore: string;
  readonly pupils: number;
  readonly contacts: number;
  readonly rows: Readonly<Record<string, number>>;
}

/** A school's contract end, once the trust has recorded the termination. */
export interface SchoolContract {
  readonly schoolId: SchoolId;
  readonly trustId: TrustId;
  readonly endsOn: string;
  readonly destroyOn: string;
  readonly recordedBy: UserId | null;
  readonly recordedAt: Date;
}

/** What was destroyed when a school's data went, kept for the trust after the school has gone. */
export interface SchoolDeletion {
  readonly id: string;
  readonly trustId: TrustId;
  readonly schoolId: SchoolId;
  readonly schoolName: string;
  readonly urn: string | null;
  readonly contractEndedOn: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  /** Rows deleted, by table. */
  readonly rows: Readonly<Record<string, number>>;
}

export abstract class ComplianceStore {
  abstract recordRun(run: RetentionRun): Promise<void>;
  abstract runs(schoolId: SchoolId, page: PageRequest): Promise<Page<RetentionRun>>;

  abstract contract(schoolId: SchoolId): Promise<SchoolContract | null>;
  abstract saveContract(contract: SchoolContract): Promise<void>;
  /** Removes the recorded termination; false when there was none. */
  abstract withdrawContract(schoolId: SchoolId): Promise<boolean>;
  /** Schools whose destruction day is `today` or earlier. */
  abstract dueForDestruction(today: string): Promise<SchoolContract[]>;

  abstract startDeletion(deletion: SchoolDeletion): Promise<void>;
  abstract deletionOf(schoolId: SchoolId): Promise<SchoolDeletion | null>;
  /** Adds rows deleted from `table` to the deletion's tally (in the transaction that deleted them). */
  abstract countDeleted(id: string, table: string, rows: number): Promise<void>;
  abstract finishDeletion(id: string, at: Date): Promise<void>;
  abstract unfinishedDeletions(): Promise<SchoolDeletion[]>;
  abstract deletions(trustId: TrustId, page: PageRequest): Promise<Page<SchoolDeletion>>;
}

/**
 * Destroys one school's data, in every table that holds any, a chunk at a time inside the caller's
 * transaction: the people who belonged only to it, then every row carrying its `school_id` (memberships first,
 * so nobody can act there meanwhile), then the school itself. Run again after a crash, it goes on where it
 * stopped. `null` when nothing is left.
 */
export abstract class SchoolDataEraser {
  abstract eraseChunk(schoolId: SchoolId, limit: number): Promise<ErasedChunk | null>;
}

export interface ErasedChunk {
  readonly table: string;
  readonly rows: number;
  /** For deleted accounts: their identity-provider subjects, to be forgotten there once this has committed. */
  readonly identitySubjects?: readonly string[];
}

/** Asks the identity provider to forget people Rowan no longer holds (through the access context's jobs). */
export abstract class IdentityForgetting {
  abstract forget(subjects: readonly string[]): Promise<void>;
}

export abstract class ComplianceJobs {
  abstract runRetention(schoolId: SchoolId, day: string): Promise<void>;
  abstract destroySchool(schoolId: SchoolId, day: string): Promise<void>;
}
