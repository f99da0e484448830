import type { Membership } from '../domain/membership';
import type { User } from '../domain/user';

export interface MembershipView {
  readonly id: string;
  readonly role: Membership['role'];
  readonly status: Membership['status'];
  readonly user: {
    readonly id: string;
    readonly email: string;
    readonly givenName: string;
    readonly familyName: string;
  };
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function toMembershipView(membership: Membership, user: User): MembershipView {
  return {
    id: membership.id,
    role: membership.role,
    status: membership.status,
    user: { id: user.id, email: user.email, givenName: user.givenName, familyName: user.familyName },
    createdAt: membership.createdAt,
    updatedAt: membership.updatedAt,
  };
}
