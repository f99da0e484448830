import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import { AccessConflict } from './access.errors';
import type { Role } from './role';

export type MembershipStatus = 'invited' | 'active' | 'revoked';

/**
 * A user's role at a school (or across a trust when `schoolId` is null).
 * One row per (user, scope): re-inviting a revoked person reactivates the same membership.
 */
export class Membership {
  /** Unique per user: the school, or the trust for trust-wide roles. */
  readonly scopeKey: string;

  constructor(
    readonly id: string,
    readonly userId: UserId,
    readonly trustId: TrustId,
    readonly schoolId: SchoolId | null,
    public role: Role,
    public status: MembershipStatus,
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {
    this.scopeKey = schoolId ?? trustId;
  }

  isCurrent(): boolean {
    return this.status !== 'revoked';
  }

  changeRole(role: Role, at: Date): void {
    if (!this.isCurrent()) {
      throw new AccessConflict('A revoked membership cannot change role', 'ACCESS.MEMBERSHIP_REVOKED');
    }
    this.role = role;
    this.updatedAt = at;
  }

  revoke(at: Date): void {
    if (!this.isCurrent()) {
      throw new AccessConflict('The membership is already revoked', 'ACCESS.MEMBERSHIP_REVOKED');
    }
    this.status = 'revoked';
    this.updatedAt = at;
  }

  reinvite(role: Role, at: Date): void {
    if (this.isCurrent()) {
      throw new AccessConflict('This person is already a member here', 'ACCESS.ALREADY_A_MEMBER');
    }
    this.role = role;
    this.status = 'invited';
    this.updatedAt = at;
  }

  /** The first successful sign-in turns an invitation into an active membership. Says whether it did. */
  activate(at: Date): boolean {
    if (this.status !== 'invited') {
      return false;
    }
    this.status = 'active';
    this.updatedAt = at;
    return true;
  }
}
