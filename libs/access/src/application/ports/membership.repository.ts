import type { Page, PageRequest, SchoolId, UserId } from '@rowan/kernel';
import type { Membership, MembershipStatus } from '../../domain/membership';
import type { Role } from '../../domain/role';
import type { User } from '../../domain/user';

export interface MembershipFilter {
  /** Only these roles; all roles when absent. */
  readonly roles?: readonly Role[];
  readonly status?: MembershipStatus;
}

export interface MembershipWithUser {
  readonly membership: Membership;
  readonly user: User;
}

export abstract class MembershipRepository {
  /** Every membership of the user that is not revoked, across all schools and trusts. */
  abstract findCurrentForUser(userId: UserId): Promise<Membership[]>;
  abstract findInSchool(schoolId: SchoolId, membershipId: string): Promise<Membership | null>;
  /** The user's membership at a school or trust (scope key = school id, or trust id for trust-wide roles). */
  abstract findForUserInScope(userId: UserId, scopeKey: string): Promise<Membership | null>;
  abstract listInSchool(
    schoolId: SchoolId,
    filter: MembershipFilter,
    page: PageRequest,
  ): Promise<Page<MembershipWithUser>>;
  abstract add(membership: Membership): void;
}
