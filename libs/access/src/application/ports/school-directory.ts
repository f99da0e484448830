import type { SchoolId, TrustId } from '@rowan/kernel';

export interface SchoolRef {
  readonly id: SchoolId;
  readonly trustId: TrustId;
  readonly name: string;
}

export interface TrustRef {
  readonly id: TrustId;
  readonly name: string;
}

/** What access needs to know about trusts and schools; answered by the directory context. */
export abstract class SchoolDirectory {
  abstract findSchool(id: SchoolId): Promise<SchoolRef | null>;
  abstract findTrust(id: TrustId): Promise<TrustRef | null>;
  abstract schoolsOf(trustIds: readonly TrustId[]): Promise<SchoolRef[]>;
  abstract describe(
    schoolIds: readonly SchoolId[],
    trustIds: readonly TrustId[],
  ): Promise<{ schools: SchoolRef[]; trusts: TrustRef[] }>;
}
