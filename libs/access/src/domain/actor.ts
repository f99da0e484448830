import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import { OPERATOR_PERMISSIONS, UNIVERSAL_PERMISSIONS, roleGrants, type Permission } from './permission';
import { STAFF_ROLES, type Role } from './role';

/** One active membership as the actor holds it: trust-wide when `schoolId` is null. */
export interface ActorMembership {
  readonly role: Role;
  readonly trustId: TrustId;
  readonly schoolId: SchoolId | null;
}

/** Where an object lives, for a permission check. */
export interface Scope {
  readonly trustId: TrustId;
  readonly schoolId?: SchoolId;
}

/**
 * Who is acting, derived from a verified token and the memberships stored in Rowan.
 * Every use case takes one; nothing is decided from the token's own role claims except `operator`.
 */
export class Actor {
  constructor(
    readonly userId: UserId,
    readonly email: string,
    readonly memberships: readonly ActorMembership[],
    readonly operator: boolean,
    readonly mfa: boolean,
  ) {}

  /** May the actor do this at this scope? A trust-wide membership covers every school in its trust. */
  can(permission: Permission, scope?: Scope): boolean {
    if (UNIVERSAL_PERMISSIONS.includes(permission)) {
      return true;
    }
    if (this.operator && OPERATOR_PERMISSIONS.includes(permission)) {
      return true;
    }
    if (!scope) {
      return this.memberships.some((m) => roleGrants(m.role, permission));
    }
    return this.membershipsCovering(scope).some((m) => roleGrants(m.role, permission));
  }

  /** Does the actor belong anywhere in this scope at all (used to answer 404 rather than 403)? */
  canSee(scope: Scope): boolean {
    return this.operator || this.membershipsCovering(scope).length > 0;
  }

  /** Trusts in which the actor holds a trust-wide role granting the permission. */
  trustsWhere(permission: Permission): TrustId[] {
    return unique(
      this.memberships
        .filter((m) => m.schoolId === null && roleGrants(m.role, permission))
        .map((m) => m.trustId),
    );
  }

  /** Schools where the actor holds a school-level role granting the permission. */
  schoolsWhere(permission: Permission): SchoolId[] {
    return unique(
      this.memberships.flatMap((m) =>
        m.schoolId !== null && roleGrants(m.role, permission) ? [m.schoolId] : [],
      ),
    );
  }

  /** True when any membership is a staff role, which requires MFA. */
  get isStaff(): boolean {
    return this.memberships.some((m) => STAFF_ROLES.includes(m.role));
  }

  private membershipsCovering(scope: Scope): ActorMembership[] {
    return this.memberships.filter(
      (m) => m.trustId === scope.trustId && (m.schoolId === null || m.schoolId === scope.schoolId),
    );
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
