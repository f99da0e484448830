import { Injectable } from '@nestjs/common';
import {
  Clock,
  IdGenerator,
  NotFound,
  UnitOfWork,
  ValidationFailed,
  type SchoolId,
  type TrustId,
  type UserId,
} from '@rowan/kernel';
import type { Actor, Scope } from '../../domain/actor';
import { authorize } from '../../domain/authorize';
import { Membership } from '../../domain/membership';
import { isInvitableStaffRole, ROLE_LABELS, type Role } from '../../domain/role';
import { normaliseEmail, User } from '../../domain/user';
import { AccessJobs } from '../ports/access-jobs';
import { AuditTrail } from '../ports/audit-trail';
import { MembershipRepository } from '../ports/membership.repository';
import { SchoolDirectory } from '../ports/school-directory';
import { UserRepository } from '../ports/user.repository';
import { toMembershipView, type MembershipView } from '../membership.view';

export interface InviteMemberInput {
  readonly actor: Actor;
  /** A school membership when schoolId is given; otherwise a trust-wide one. */
  readonly trustId?: TrustId;
  readonly schoolId?: SchoolId;
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly role: Role;
}

/**
 * Invites a person to a school (school_admin, office, teacher) or to a whole trust (trust_admin). Creates the
 * Rowan user if needed, then asks for an identity-provider account in the background.
 */
@Injectable()
export class InviteMemberUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly directory: SchoolDirectory,
    private readonly audit: AuditTrail,
    private readonly jobs: AccessJobs,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: InviteMemberInput): Promise<MembershipView> {
    const scope = await this.resolveScope(input);
    const now = this.clock.now();
    const email = normaliseEmail(input.email);

    let user = await this.users.findByEmail(email);
    if (!user) {
      user = new User(
        this.ids.next() as UserId,
        email,
        input.givenName.trim(),
        input.familyName.trim(),
        null,
        now,
        now,
      );
      this.users.add(user);
    }
    const scopeKey = scope.schoolId ?? scope.trustId;
    let membership = await this.memberships.findForUserInScope(user.id, scopeKey);
    if (membership) {
      membership.reinvite(input.role, now);
    } else {
      membership = new Membership(
        this.ids.next(),
        user.id,
        scope.trustId,
        scope.schoolId ?? null,
        input.role,
        'invited',
        now,
        now,
      );
      this.memberships.add(membership);
    }
    this.audit.record(input.actor.userId, {
      action: 'membership.invited',
      trustId: scope.trustId,
      schoolId: scope.schoolId ?? null,
      targetType: 'membership',
      targetId: membership.id,
      summary: `Invited ${user.displayName()} <${email}> as ${ROLE_LABELS[input.role]}`,
      after: { email, role: input.role, status: membership.status },
    });
    await this.uow.commit();
    if (user.identitySubject === null) {
      await this.jobs.provisionIdentity(user.id);
    }
    return toMembershipView(membership, user);
  }

  private async resolveScope(input: InviteMemberInput): Promise<Scope> {
    if (input.schoolId) {
      const school = await this.directory.findSchool(input.schoolId);
      if (!school) {
        throw new NotFound('School');
      }
      const scope = { trustId: school.trustId, schoolId: school.id };
      authorize(input.actor, 'memberships:manage', scope);
      if (!isInvitableStaffRole(input.role)) {
        throw new ValidationFailed('This role cannot be given at a school', [
          { field: 'role', message: 'must be one of school_admin, office, teacher' },
        ]);
      }
      return scope;
    }
    const trust = input.trustId ? await this.directory.findTrust(input.trustId) : null;
    if (!trust) {
      throw new NotFound('Trust');
    }
    const scope = { trustId: trust.id };
    authorize(input.actor, 'trust_memberships:manage', scope, 'Trust');
    if (input.role !== 'trust_admin') {
      throw new ValidationFailed('Only trust_admin can be given across a trust', [
        { field: 'role', message: 'must be trust_admin' },
      ]);
    }
    return scope;
  }
}
