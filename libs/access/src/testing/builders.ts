import type { IdGenerator, SchoolId, TrustId, UserId } from '@rowan/kernel';
import { Actor, type ActorMembership } from '../domain/actor';
import { AuditRecord } from '../domain/audit-record';
import { Membership, type MembershipStatus } from '../domain/membership';
import type { Role } from '../domain/role';
import { User } from '../domain/user';

/** When test data was made, unless a test says otherwise: a Monday morning in term. */
export const TEST_START = new Date('2026-11-23T09:00:00.000Z');

export interface UserOverrides {
  readonly email?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  /** Null for someone invited but not yet given an identity-provider account. */
  readonly identitySubject?: string | null;
  readonly createdAt?: Date;
}

/** A person with a unique email and, unless told otherwise, a linked identity-provider account. */
export function aUser(ids: IdGenerator, overrides: UserOverrides = {}): User {
  const id = ids.next() as UserId;
  const at = overrides.createdAt ?? TEST_START;
  return new User(
    id,
    overrides.email ?? `person-${id.slice(0, 13)}@school.test`,
    overrides.givenName ?? 'Alex',
    overrides.familyName ?? 'Morgan',
    overrides.identitySubject === undefined ? `subject-${id}` : overrides.identitySubject,
    at,
    at,
  );
}

export interface MembershipSpec {
  readonly userId: UserId;
  readonly trustId: TrustId;
  /** Null or absent for a trust-wide membership. */
  readonly schoolId?: SchoolId | null;
  readonly role?: Role;
  readonly status?: MembershipStatus;
  readonly createdAt?: Date;
}

export function aMembership(ids: IdGenerator, spec: MembershipSpec): Membership {
  const at = spec.createdAt ?? TEST_START;
  return new Membership(
    ids.next(),
    spec.userId,
    spec.trustId,
    spec.schoolId ?? null,
    spec.role ?? 'teacher',
    spec.status ?? 'active',
    at,
    at,
  );
}

export interface ActorSpec {
  readonly userId?: UserId;
  readonly email?: string;
  readonly memberships?: readonly ActorMembership[];
  readonly operator?: boolean;
  readonly mfa?: boolean;
}

/** Someone acting, as ResolveActorUseCase would make them (signed in with MFA unless told otherwise). */
export function anActor(ids: IdGenerator, spec: ActorSpec = {}): Actor {
  return new Actor(
    spec.userId ?? (ids.next() as UserId),
    spec.email ?? 'actor@school.test',
    spec.memberships ?? [],
    spec.operator ?? false,
    spec.mfa ?? true,
  );
}

/** The actor a stored user signs in as, holding their current memberships. */
export function actorFor(
  user: User,
  memberships: readonly Membership[],
  spec: { operator?: boolean; mfa?: boolean } = {},
): Actor {
  const current = memberships.filter((m) => m.userId === user.id && m.isCurrent());
  return new Actor(
    user.id,
    user.email,
    current.map((m) => ({ role: m.role, trustId: m.trustId, schoolId: m.schoolId })),
    spec.operator ?? false,
    spec.mfa ?? true,
  );
}

export interface AuditRecordSpec {
  readonly schoolId: SchoolId | null;
  readonly trustId: TrustId | null;
  readonly actorId?: UserId | null;
  readonly action?: string;
  readonly at?: Date;
}

/** An audit record as if written by some earlier change. */
export function anAuditRecord(ids: IdGenerator, spec: AuditRecordSpec): AuditRecord {
  const id = ids.next();
  const target = ids.next();
  return new AuditRecord(
    id,
    spec.at ?? TEST_START,
    spec.actorId ?? null,
    spec.action ?? 'membership.invited',
    spec.trustId,
    spec.schoolId,
    'membership',
    target,
    `Change ${id}`,
    null,
    { status: 'invited' },
    null,
  );
}
