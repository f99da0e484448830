import type { SchoolId } from '@rowan/kernel';
import type { MisContact, MisGroup, MisPupil, MisStaffMember } from '../../domain/mis/mis-records';
import type { StoredFingerprint } from '../../domain/mis/sync-plan';

export type DirectoryKind = 'pupil' | 'contact' | 'staff' | 'group';

export interface Write<T> {
  readonly id: string;
  readonly record: T;
  readonly fingerprint: string;
  readonly isNew: boolean;
}

/** A pupil to write, with its links already resolved to Rowan ids. */
export interface PupilWrite extends Write<MisPupil> {
  readonly contactIds: ReadonlyMap<string, string>;
  readonly groupIds: readonly string[];
}

/**
 * Bulk writes for MIS sync: multi-row, chunked, each call one transaction, so a sync that dies half way leaves
 * every pupil either as before or fully updated (with its links and characteristics).
 */
export abstract class DirectorySyncStore {
  abstract fingerprints(schoolId: SchoolId, kind: DirectoryKind): Promise<Map<string, StoredFingerprint>>;
  abstract writeGroups(schoolId: SchoolId, writes: readonly Write<MisGroup>[], at: Date): Promise<void>;
  abstract writeContacts(schoolId: SchoolId, writes: readonly Write<MisContact>[], at: Date): Promise<void>;
  /** Upserts the pupils and replaces their contact links, group memberships and current characteristics. */
  abstract writePupils(schoolId: SchoolId, writes: readonly PupilWrite[], at: Date): Promise<void>;
  abstract writeStaff(schoolId: SchoolId, writes: readonly Write<MisStaffMember>[], at: Date): Promise<void>;
  /** Marks pupils as left (keeping them); `leaveDate` per pupil, defaulting to `today`. */
  abstract markPupilsLeft(
    schoolId: SchoolId,
    leavers: ReadonlyMap<string, string | null>,
    today: string,
    at: Date,
  ): Promise<number>;
  /** Display names ("Forename Surname") of the school's records with these MIS ids. */
  abstract names(
    schoolId: SchoolId,
    kind: DirectoryKind,
    misIds: readonly string[],
  ): Promise<Map<string, string>>;
  abstract deactivate(
    schoolId: SchoolId,
    kind: 'contact' | 'staff' | 'group',
    misIds: readonly string[],
    at: Date,
  ): Promise<number>;
}
