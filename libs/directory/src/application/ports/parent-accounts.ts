import type { SchoolId, TrustId, UserId } from '@rowan/kernel';

/** Parent accounts live in the access context; the directory asks for one for a contact. */
export abstract class ParentAccounts {
  abstract grant(request: {
    readonly invitedBy: UserId;
    readonly trustId: TrustId;
    readonly schoolId: SchoolId;
    readonly contactId: string;
    readonly email: string;
    readonly givenName: string;
    readonly familyName: string;
  }): Promise<{ userId: UserId; alreadyInvited: boolean }>;
}

export interface LinkedChild {
  readonly id: string;
  readonly preferredForename: string;
  readonly preferredSurname: string;
  readonly yearGroup: string | null;
  readonly registrationGroup: string | null;
  readonly schoolId: string;
  readonly relationship: string;
  /** Whether any of the user's contact records for this child has parental responsibility (from the MIS). */
  readonly parentalResponsibility: boolean;
}

/** Contacts as people who sign in: which contact records are linked to a user, and their children. */
export abstract class ContactAccounts {
  abstract findContact(
    schoolId: SchoolId,
    contactId: string,
  ): Promise<{
    id: string;
    forename: string;
    surname: string;
    emails: string[];
    userId: string | null;
  } | null>;
  abstract link(schoolId: SchoolId, contactId: string, userId: UserId): Promise<void>;
  /** Children on roll of every contact record linked to this user, across schools. */
  abstract childrenOf(userId: UserId): Promise<LinkedChild[]>;
}
