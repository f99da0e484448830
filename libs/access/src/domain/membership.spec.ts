import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import { AccessConflict } from './access.errors';
import { Membership, type MembershipStatus } from './membership';

const created = new Date('2026-11-01T09:00:00Z');
const later = new Date('2026-11-23T09:00:00Z');

function aMembership(status: MembershipStatus, schoolId: string | null = 'school-1'): Membership {
  return new Membership(
    'm-1',
    'u-1' as UserId,
    'trust-1' as TrustId,
    schoolId as SchoolId | null,
    'teacher',
    status,
    created,
    created,
  );
}

describe('Membership', () => {
  it('is keyed by its school, or by its trust when trust-wide', () => {
    expect(aMembership('active').scopeKey).toBe('school-1');
    expect(aMembership('active', null).scopeKey).toBe('trust-1');
  });

  it('changes role while current', () => {
    const membership = aMembership('invited');
    membership.changeRole('office', later);
    expect(membership).toMatchObject({ role: 'office', status: 'invited', updatedAt: later });
  });

  it('cannot change role once revoked', () => {
    const membership = aMembership('revoked');
    expect(() => membership.changeRole('office', later)).toThrow(
      expect.objectContaining({ code: 'ACCESS.MEMBERSHIP_REVOKED', kind: 'conflict' }) as Error,
    );
    expect(membership).toMatchObject({ role: 'teacher', updatedAt: created });
  });

  it('is revoked once', () => {
    const membership = aMembership('active');
    membership.revoke(later);
    expect(membership).toMatchObject({ status: 'revoked', updatedAt: later });
    expect(() => membership.revoke(later)).toThrow(AccessConflict);
  });

  it('re-invites a revoked member with the new role, keeping its id', () => {
    const membership = aMembership('revoked');
    membership.reinvite('school_admin', later);
    expect(membership).toMatchObject({
      id: 'm-1',
      role: 'school_admin',
      status: 'invited',
      updatedAt: later,
    });
  });

  it.each<MembershipStatus>(['invited', 'active'])('refuses to re-invite a current (%s) member', (status) => {
    expect(() => aMembership(status).reinvite('office', later)).toThrow(
      expect.objectContaining({ code: 'ACCESS.ALREADY_A_MEMBER' }) as Error,
    );
  });

  it('activates an invitation', () => {
    const membership = aMembership('invited');
    membership.activate(later);
    expect(membership).toMatchObject({ status: 'active', updatedAt: later });
  });

  it.each<MembershipStatus>(['active', 'revoked'])('leaves a %s membership alone on activation', (status) => {
    const membership = aMembership(status);
    membership.activate(later);
    expect(membership).toMatchObject({ status, updatedAt: created });
  });
});
