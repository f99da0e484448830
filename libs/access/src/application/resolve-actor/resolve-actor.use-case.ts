import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator, UnitOfWork, type UserId } from '@rowan/kernel';
import { Actor } from '../../domain/actor';
import { NotAuthenticated } from '../../domain/access.errors';
import { normaliseEmail, User } from '../../domain/user';
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
}

/**
 * Turns a verified identity into an Actor: finds the user by subject (or, the first time, by a verified email an
 * invitation was sent to), activates pending invitations, and insists on MFA for staff.
 */
@Injectable()
export class ResolveActorUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(identity: VerifiedIdentity): Promise<Actor> {
    const user = await this.findOrLinkUser(identity);
    const memberships = await this.memberships.findCurrentForUser(user.id);
    const now = this.clock.now();
    memberships.forEach((m) => m.activate(now));
    await this.uow.commit();

    const actor = new Actor(
      user.id,
      user.email,
      memberships.map((m) => ({ role: m.role, trustId: m.trustId, schoolId: m.schoolId })),
      identity.operator,
      identity.mfa,
    );
    if ((actor.isStaff || actor.operator) && !identity.mfa) {
      throw new NotAuthenticated('Staff must sign in with multi-factor authentication', 'ACCESS.MFA_REQUIRED');
    }
    return actor;
  }

  private async findOrLinkUser(identity: VerifiedIdentity): Promise<User> {
    const known = await this.users.findByIdentitySubject(identity.subject);
    if (known) {
      return known;
    }
    const now = this.clock.now();
    if (identity.email && identity.emailVerified) {
      const invited = await this.users.findByEmail(normaliseEmail(identity.email));
      if (invited && invited.identitySubject === null) {
        invited.linkIdentity(identity.subject, now);
        return invited;
      }
    }
    const user = new User(
      this.ids.next() as UserId,
      normaliseEmail(identity.email ?? `${identity.subject}@unknown.invalid`),
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
