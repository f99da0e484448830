import type { SchoolId } from '@rowan/kernel';

/** The people one retention pass anonymises in one school, in one transaction. */
export interface Leavers {
  readonly pupilIds: readonly string[];
  /** Contacts left with no current child once these pupils go: every child of theirs has left and is due. */
  readonly contactIds: readonly string[];
  /** Those contacts' Rowan accounts (parent app users), if they had any. */
  readonly contactUserIds: readonly string[];
}

/** What a school holds about its leavers, for the office: how many are kept and when the next ones go. */
export interface LeaversKept {
  readonly kept: number;
  readonly anonymised: number;
  /** The earliest leave date among the leavers still kept, if any. */
  readonly earliestLeaveDate: string | null;
}

/** The directory's side of retention: who left when, and who is due. */
export abstract class LeaverRegister {
  /** Schools with at least one leaver who left on or before `leftOnOrBefore` and is not yet anonymised. */
  abstract schoolsWithDueLeavers(leftOnOrBefore: string): Promise<SchoolId[]>;
  /** Up to `limit` due pupils, with the contacts who have no current or not-yet-due child beside them. */
  abstract findDue(schoolId: SchoolId, leftOnOrBefore: string, limit: number): Promise<Leavers>;
  abstract kept(schoolId: SchoolId): Promise<LeaversKept>;
}

/** What one context changed in a pass: rows by table, and work to do once the pass has committed. */
export interface RetentionChanges {
  readonly rows: Record<string, number>;
  /** Runs after the transaction commits (asking another system to forget the people, say). */
  readonly afterCommit?: () => Promise<void>;
}

/**
 * One context's part in anonymising leavers, run inside the pass's transaction: replace what identifies them
 * in that context's own records, keep what the school must keep (bookings, payments, the ledger).
 */
export abstract class RetentionParticipant {
  abstract readonly context: string;
  abstract anonymise(schoolId: SchoolId, leavers: Leavers, at: Date): Promise<RetentionChanges>;
}

/** Nest token for the list of participants (every context that holds personal data about pupils or contacts). */
export const RETENTION_PARTICIPANTS = Symbol('RETENTION_PARTICIPANTS');
