import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator, UnitOfWork, type SchoolId, type TrustId, type UserId } from '@rowan/kernel';
import { Membership } from '../../domain/membership';
import { normaliseEmail, User } from '../../domain/user';
import { AccessJobs } from '../ports/access-jobs';
import { AuditTrail } from '../ports/audit-trail';
import { MembershipRepository } from '../ports/membership.repository';
import { UserRepository } from '../ports/user.repository';

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
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditTrail,
    private readonly jobs: AccessJobs,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: GrantParentAccessInput): Promise<{ userId: UserId; alreadyInvited: boolean }> {
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
    const membership = await this.memberships.findForUserInScope(user.id, input.schoolId);
    if (membership?.isCurrent()) {
      return { userId: user.id, alreadyInvited: true };
    }
    if (membership) {
      membership.reinvite('parent', now);
    } else {
      this.memberships.add(
        new Membership(
          this.ids.next(),
          user.id,
          input.trustId,
          input.schoolId,
          'parent',
          'invited',
          now,
          now,
        ),
      );
    }
    this.audit.record(input.invitedBy, {
      action: 'membership.parent_invited',
      trustId: input.trustId,
      schoolId: input.schoolId,
      targetType: 'contact',
      targetId: input.contactId,
      summary: `Invited ${user.displayName() || email} <${email}> to the parent app`,
      after: { email, role: 'parent' },
    });
    await this.uow.commit();
    if (user.identitySubject === null) {
      await this.jobs.provisionIdentity(user.id);
    }
    return { userId: user.id, alreadyInvited: false };
  }
}
