import { FixedClock, type SchoolId, type TrustId } from '@rowan/kernel';
import type { SchoolRef, TrustRef } from '../application/ports/school-directory';
import { SchoolMemberships } from '../application/school-memberships.service';
import type { Actor } from '../domain/actor';
import type { Membership, MembershipStatus } from '../domain/membership';
import type { Role } from '../domain/role';
import type { User } from '../domain/user';
import { TEST_START, aMembership, aUser, actorFor, type UserOverrides } from './builders';
import { FakeIdentityProvider } from './fake-identity-provider';
import { FakeSchoolDirectory } from './fake-school-directory';
import { InMemoryAuditChains, InMemorySignInLedger } from './in-memory-audit-chains';
import { InMemoryAuditLog, InMemoryAuditTrail } from './in-memory-audit-trail';
import { InMemoryMembershipRepository } from './in-memory-membership.repository';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work';
import { InMemoryUserRepository } from './in-memory-user.repository';
import { RecordingAccessJobs } from './recording-access-jobs';
import { SequentialIdGenerator } from './sequential-id-generator';

export interface Member {
  readonly user: User;
  readonly membership: Membership;
  /** How they act once signed in (with MFA), holding all their current memberships. */
  readonly actor: Actor;
}

/** The access context wired to fakes. Make a fresh one in each test; `given*` stores data as if already there. */
export class AccessTestbed {
  readonly clock = new FixedClock(TEST_START);
  readonly ids = new SequentialIdGenerator();
  readonly uow = new InMemoryUnitOfWork();
  readonly users = new InMemoryUserRepository(this.uow);
  readonly memberships = new InMemoryMembershipRepository(this.uow, this.users);
  readonly audit = new InMemoryAuditTrail(this.uow, this.clock, this.ids);
  readonly auditLog = new InMemoryAuditLog(this.audit, this.users);
  readonly auditChains = new InMemoryAuditChains(this.audit);
  readonly signIns = new InMemorySignInLedger(this.uow);
  readonly directory = new FakeSchoolDirectory();
  readonly jobs = new RecordingAccessJobs();
  readonly identityProvider = new FakeIdentityProvider();
  readonly schoolMemberships = new SchoolMemberships(this.directory, this.memberships, this.users);

  givenTrust(name = 'Oak Learning Trust'): TrustRef {
    return this.directory.addTrust({ id: this.ids.next() as TrustId, name });
  }

  givenSchool(trust: TrustRef = this.givenTrust(), name = 'Oak Primary'): SchoolRef {
    return this.directory.addSchool({ id: this.ids.next() as SchoolId, trustId: trust.id, name });
  }

  givenUser(overrides: UserOverrides = {}): User {
    const user = aUser(this.ids, overrides);
    this.users.seed(user);
    return user;
  }

  /** A person holding a role at a school, or across a trust when given a trust. */
  givenMember(
    where: SchoolRef | TrustRef,
    role: Role,
    options: { status?: MembershipStatus; user?: User } = {},
  ): Member {
    const user = options.user ?? this.givenUser();
    const scope = 'trustId' in where ? { trustId: where.trustId, schoolId: where.id } : { trustId: where.id };
    const membership = aMembership(this.ids, { userId: user.id, ...scope, role, status: options.status });
    this.memberships.seed(membership);
    return { user, membership, actor: this.actorOf(user) };
  }

  /** A platform operator (an identity-provider role) with no memberships. */
  givenOperator(): Actor {
    return this.actorOf(this.givenUser({ givenName: 'Olu', familyName: 'Operator' }), { operator: true });
  }

  actorOf(user: User, options: { operator?: boolean; mfa?: boolean } = {}): Actor {
    return actorFor(user, this.memberships.committed(), options);
  }
}
