import type { SchoolId, UserId } from '@rowan/kernel';
import type { MisGroup, MisPupil, MisStaffMember } from './mis/mis-records';

/** The files a directory upload can hold. Pupils and contacts come together (contacts are linked to pupils). */
export type ImportFile = 'pupils' | 'contacts' | 'staff';

/** What an upload says the school has: complete lists of what it covers, translated into MIS records. */
export interface ImportRecords {
  /** Present when the upload covers pupils (and so their contacts and groups). */
  readonly pupils?: {
    readonly onRoll: readonly MisPupil[];
    /** Pupils the upload lists with a leaving date on or before the day it was uploaded. */
    readonly leavers: readonly { readonly misId: string; readonly leaveDate: string }[];
    readonly groups: readonly MisGroup[];
  };
  /** Present when the upload covers staff. */
  readonly staff?: readonly MisStaffMember[];
}

/** How many of one kind an upload would add, change and mark as left, with names to show (a bounded sample). */
export interface ImportChange {
  added: number;
  changed: number;
  left: number;
  unchanged: number;
  readonly samples: { added: string[]; changed: string[]; left: string[] };
}

export type ImportPreview = Record<'pupils' | 'contacts' | 'staff', ImportChange>;

export const SAMPLE_SIZE = 50;

export const emptyChange = (): ImportChange => ({
  added: 0,
  changed: 0,
  left: 0,
  unchanged: 0,
  samples: { added: [], changed: [], left: [] },
});

export type ImportStatus = 'previewed' | 'applied';

/**
 * A CSV upload of a school's directory: checked and previewed when uploaded, applied (all of it or none) when staff
 * confirm. The preview is only true of the directory as it was: `basisRunId` is the last sync it was measured
 * against, and a newer sync makes the upload stale. Its records are personal data, kept only until it is applied or
 * expires.
 */
export class DirectoryImport {
  constructor(
    readonly id: string,
    readonly schoolId: SchoolId,
    public status: ImportStatus,
    readonly files: readonly ImportFile[],
    public records: ImportRecords | null,
    readonly preview: ImportPreview,
    readonly basisRunId: string | null,
    readonly uploadedBy: UserId,
    readonly uploadedAt: Date,
    readonly expiresAt: Date,
    public appliedAt: Date | null = null,
    public runId: string | null = null,
  ) {}

  isExpired(now: Date): boolean {
    return now.getTime() >= this.expiresAt.getTime();
  }

  applied(at: Date, runId: string): void {
    this.status = 'applied';
    this.appliedAt = at;
    this.runId = runId;
    this.records = null;
  }
}
