import { Injectable } from '@nestjs/common';
import { Clock, NotFound, UnitOfWork, ValidationFailed, type SchoolId, type TrustId } from '@rowan/kernel';
import type { Actor, Scope } from '../../domain/actor';
import { authorize } from '../../domain/authorize';
import { AccessConflict } from '../../domain/access.errors';
import { isInvitableStaffRole, ROLE_LABELS, type Role } from '../../domain/role';
import { AuditTrail } from '../ports/audit-trail';
import { SchoolDirectory } from '../ports/school-directory';
import { Invitations } from '../invitations.service';
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
    private readonly invitations: Invitations,
    private readonly directory: SchoolDirectory,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: InviteMemberInput): Promise<MembershipView> {
    const scope = await this.resolveScope(input);
    const now = this.clock.now();
    const { user, membership, alreadyCurrent } = await this.invitations.invite(
      input,
      { trustId: scope.trustId, schoolId: scope.schoolId ?? null },
      input.role,
      now,
    );
    if (alreadyCurrent) {
      throw new AccessConflict('This person is already a member here', 'ACCESS.ALREADY_A_MEMBER');
    }
    this.audit.record(input.actor.userId, {
      action: 'membership.invited',
      trustId: scope.trustId,
      schoolId: scope.schoolId ?? null,
      targetType: 'membership',
      targetId: membership.id,
      summary: `Invited ${user.displayName()} <${user.email}> as ${ROLE_LABELS[input.role]}`,
      after: { email: user.email, role: input.role, status: membership.status },
    });
    await this.uow.commit();
    await this.invitations.provisionIfNeeded(user);
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
