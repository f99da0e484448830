import type { MisContact, MisGroup, MisPupil, MisStaffMember } from '../../domain/mis/mis-records';

/** Where and how to read one school's MIS; the token is already decrypted. */
export interface MisAccess {
  readonly externalSchoolId: string;
  readonly baseUrl: string;
  readonly token: string;
}

export interface MisReadOptions {
  /** Only records changed after this instant (a delta); everything when absent. */
  readonly updatedAfter?: Date;
}

export interface MisLeaver {
  readonly misId: string;
  readonly leaveDate: string | null;
}

export interface MisDeletion {
  readonly kind: 'pupil' | 'contact' | 'staff' | 'group';
  readonly misId: string;
}

/**
 * A school's management information system, read a page at a time. Adapters (Wonde, …) translate their
 * vendor's records into Rowan's MIS records and handle paging and rate limits.
 */
export abstract class MisSource {
  abstract counts(access: MisAccess): Promise<{ pupils: number; staff: number }>;
  abstract groups(access: MisAccess, options: MisReadOptions): AsyncIterable<MisGroup[]>;
  /** Pupils on roll, each with their contacts and group memberships. */
  abstract pupils(access: MisAccess, options: MisReadOptions): AsyncIterable<MisPupil[]>;
  /** Contacts whose own details changed (for deltas: a changed email does not change the pupil). */
  abstract contacts(access: MisAccess, options: MisReadOptions): AsyncIterable<MisContact[]>;
  abstract leavers(access: MisAccess, options: MisReadOptions): AsyncIterable<MisLeaver[]>;
  abstract staff(access: MisAccess, options: MisReadOptions): AsyncIterable<MisStaffMember[]>;
  abstract deletions(access: MisAccess, options: MisReadOptions): AsyncIterable<MisDeletion[]>;
}
