import { Injectable } from '@nestjs/common';
import { IdGenerator, type SchoolId, type TrustId, type UserId } from '@rowan/kernel';
import { Membership } from '../domain/membership';
import type { Role } from '../domain/role';
import { normaliseEmail, User } from '../domain/user';
import { AccessJobs } from './ports/access-jobs';
import { MembershipRepository } from './ports/membership.repository';
import { UserRepository } from './ports/user.repository';

export interface Invitee {
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
}

/** What staff and parent invitations share: the person, their membership in the scope, their account. */
@Injectable()
export class Invitations {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly jobs: AccessJobs,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Finds or creates the person (by email) and (re)invites them with the role at the school, or across the trust
   * when `schoolId` is null. `alreadyCurrent` says they already hold a membership there, which is left as it is.
   */
  async invite(
    invitee: Invitee,
    scope: { readonly trustId: TrustId; readonly schoolId: SchoolId | null },
    role: Role,
    now: Date,
  ): Promise<{ user: User; membership: Membership; alreadyCurrent: boolean }> {
    const email = normaliseEmail(invitee.email);
    let user = await this.users.findByEmail(email);
    if (!user) {
      user = new User(
        this.ids.next() as UserId,
        email,
        invitee.givenName.trim(),
        invitee.familyName.trim(),
        null,
        now,
        now,
      );
      this.users.add(user);
    }
    const existing = await this.memberships.findForUserInScope(user.id, scope.schoolId ?? scope.trustId);
    if (existing?.isCurrent()) {
      return { user, membership: existing, alreadyCurrent: true };
    }
    if (existing) {
      existing.reinvite(role, now);
      return { user, membership: existing, alreadyCurrent: false };
    }
    const membership = new Membership(
      this.ids.next(),
      user.id,
      scope.trustId,
      scope.schoolId,
      role,
      'invited',
      now,
      now,
    );
    this.memberships.add(membership);
    return { user, membership, alreadyCurrent: false };
  }

  /** After the commit: ask for an identity-provider account when the person has none yet. */
  async provisionIfNeeded(user: User): Promise<void> {
    if (user.identitySubject === null) {
      await this.jobs.provisionIdentity(user.id);
    }
  }
}
