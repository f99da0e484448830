import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type SchoolId, type TrustId, type UserId } from '@rowan/kernel';
import { AuditTrail } from '../ports/audit-trail';
import { Invitations } from '../invitations.service';

export interface GrantParentAccessInput {
  /** Who asked; the calling context has already authorised them. */
  readonly invitedBy: UserId;
  readonly trustId: TrustId;
  readonly schoolId: SchoolId;
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  /** For the audit record: which contact this account is for. */
  readonly contactId: string;
}

/**
 * Gives a parent an account and a parent membership at the school (for the directory's parent invitations).
 * Idempotent: inviting the same person again changes nothing but re-sends nothing twice.
 */
@Injectable()
export class GrantParentAccessUseCase {
  constructor(
    private readonly invitations: Invitations,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: GrantParentAccessInput): Promise<{ userId: UserId; alreadyInvited: boolean }> {
    const { user, alreadyCurrent } = await this.invitations.invite(
      input,
      { trustId: input.trustId, schoolId: input.schoolId },
      'parent',
      this.clock.now(),
    );
    if (alreadyCurrent) {
      return { userId: user.id, alreadyInvited: true };
    }
    this.audit.record(input.invitedBy, {
      action: 'membership.parent_invited',
      trustId: input.trustId,
      schoolId: input.schoolId,
      targetType: 'contact',
      targetId: input.contactId,
      summary: `Invited ${user.displayName() || user.email} <${user.email}> to the parent app`,
      after: { email: user.email, role: 'parent' },
    });
    await this.uow.commit();
    await this.invitations.provisionIfNeeded(user);
    return { userId: user.id, alreadyInvited: false };
  }
}
