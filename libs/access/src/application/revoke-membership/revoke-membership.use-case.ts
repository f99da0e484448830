import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import type { Actor } from '../../domain/actor';
import { ROLE_LABELS } from '../../domain/role';
import { AuditTrail } from '../ports/audit-trail';
import { SchoolMemberships } from '../school-memberships.service';

export interface RevokeMembershipInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly membershipId: string;
}

@Injectable()
export class RevokeMembershipUseCase {
  constructor(
    private readonly schoolMemberships: SchoolMemberships,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: RevokeMembershipInput): Promise<void> {
    const { school, membership, user } = await this.schoolMemberships.loadForChange(
      input.actor,
      input.schoolId,
      input.membershipId,
    );
    const before = membership.status;
    membership.revoke(this.clock.now());
    this.audit.record(input.actor.userId, {
      action: 'membership.revoked',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'membership',
      targetId: membership.id,
      summary: `Removed ${user.displayName()} (${ROLE_LABELS[membership.role]})`,
      before: { status: before, role: membership.role },
      after: { status: 'revoked' },
    });
    await this.uow.commit();
  }
}
