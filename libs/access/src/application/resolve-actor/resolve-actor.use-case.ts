import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator, UnitOfWork, type UserId } from '@rowan/kernel';
import { Actor } from '../../domain/actor';
import { NotAuthenticated } from '../../domain/access.errors';
import { ROLE_LABELS } from '../../domain/role';
import { normaliseEmail, User } from '../../domain/user';
import { AuditTrail } from '../ports/audit-trail';
import type { SignInSession } from '../record-sign-in/record-sign-in.use-case';
import { MembershipRepository } from '../ports/membership.repository';
import { UserRepository } from '../ports/user.repository';

/** What a verified access token says about its bearer. */
export interface VerifiedIdentity {
  readonly subject: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly mfa: boolean;
  /** The identity provider grants the platform operator role. */
  readonly operator: boolean;
  /** The sign-in session the token belongs to, when the token names one (`sid`, else `auth_time`). */
  readonly session?: SignInSession;
}

/**
 * Turns a verified identity into an Actor: finds the user by subject (or, the first time, by the verified email
 * an invitation was sent to), insists on MFA for staff, and only then activates pending invitations.
 */
@Injectable()
export class ResolveActorUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(identity: VerifiedIdentity): Promise<Actor> {
    const now = this.clock.now();
    const user = await this.findOrLinkUser(identity, now);
    const memberships = await this.memberships.findCurrentForUser(user.id);
    const actor = new Actor(
      user.id,
      user.email,
      memberships.map((m) => ({ role: m.role, trustId: m.trustId, schoolId: m.schoolId })),
      identity.operator,
      identity.mfa,
    );
    if ((actor.isStaff || actor.operator) && !identity.mfa) {
      throw new NotAuthenticated(
        'Staff must sign in with multi-factor authentication',
        'ACCESS.MFA_REQUIRED',
      );
    }
    for (const membership of memberships.filter((m) => m.activate(now))) {
      this.audit.record(user.id, {
        action: 'membership.activated',
        trustId: membership.trustId,
        schoolId: membership.schoolId,
        targetType: 'membership',
        targetId: membership.id,
        summary: `${user.displayName() || user.email} accepted the invitation as ${ROLE_LABELS[membership.role]}`,
        before: { status: 'invited' },
        after: { status: 'active' },
      });
    }
    await this.uow.commit();
    return actor;
  }

  private async findOrLinkUser(identity: VerifiedIdentity, now: Date): Promise<User> {
    const known = await this.users.findByIdentitySubject(identity.subject);
    if (known) {
      return known;
    }
    const email = identity.email ? normaliseEmail(identity.email) : null;
    const holder = email ? await this.users.findByEmail(email) : null;
    if (holder) {
      if (holder.identitySubject !== null) {
        throw new NotAuthenticated(
          'This email address belongs to another sign-in',
          'ACCESS.IDENTITY_MISMATCH',
        );
      }
      if (!identity.emailVerified) {
        throw new NotAuthenticated(
          'Verify your email address to accept your invitation',
          'ACCESS.EMAIL_NOT_VERIFIED',
        );
      }
      holder.linkIdentity(identity.subject, now);
      return holder;
    }
    const user = new User(
      this.ids.next() as UserId,
      email ?? `${identity.subject}@unknown.invalid`,
      identity.givenName ?? '',
      identity.familyName ?? '',
      identity.subject,
      now,
      now,
    );
    this.users.add(user);
    return user;
  }
}
