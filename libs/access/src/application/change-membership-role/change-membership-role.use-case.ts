import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, ValidationFailed, type SchoolId } from '@rowan/kernel';
import type { Actor } from '../../domain/actor';
import { isInvitableStaffRole, ROLE_LABELS, type Role } from '../../domain/role';
import { AuditTrail } from '../ports/audit-trail';
import { toMembershipView, type MembershipView } from '../membership.view';
import { SchoolMemberships } from '../school-memberships.service';

export interface ChangeMembershipRoleInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly membershipId: string;
  readonly role: Role;
}

@Injectable()
export class ChangeMembershipRoleUseCase {
  constructor(
    private readonly schoolMemberships: SchoolMemberships,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: ChangeMembershipRoleInput): Promise<MembershipView> {
    if (!isInvitableStaffRole(input.role)) {
      throw new ValidationFailed('This role cannot be given at a school', [
        { field: 'role', message: 'must be one of school_admin, office, teacher' },
      ]);
    }
    const { school, membership, user } = await this.schoolMemberships.loadForChange(
      input.actor,
      input.schoolId,
      input.membershipId,
    );
    const before = membership.role;
    membership.changeRole(input.role, this.clock.now());
    this.audit.record(input.actor.userId, {
      action: 'membership.role_changed',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'membership',
      targetId: membership.id,
      summary: `Changed ${user.displayName()}'s role from ${ROLE_LABELS[before]} to ${ROLE_LABELS[input.role]}`,
      before: { role: before },
      after: { role: input.role },
    });
    await this.uow.commit();
    return toMembershipView(membership, user);
  }
}
