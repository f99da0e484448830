import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import { Actor } from './actor';

const trustA = 'trust-a' as TrustId;
const trustB = 'trust-b' as TrustId;
const school1 = 'school-1' as SchoolId;
const school2 = 'school-2' as SchoolId;

describe('Actor', () => {
  it('grants a school role only at its school', () => {
    const actor = new Actor(
      'u' as UserId,
      'a@b.test',
      [{ role: 'school_admin', trustId: trustA, schoolId: school1 }],
      false,
      true,
    );
    expect(actor.can('memberships:manage', { trustId: trustA, schoolId: school1 })).toBe(true);
    expect(actor.can('memberships:manage', { trustId: trustA, schoolId: school2 })).toBe(false);
    expect(actor.canSee({ trustId: trustA, schoolId: school2 })).toBe(false);
  });

  it('lets a trust admin act at every school of the trust and nowhere else', () => {
    const actor = new Actor(
      'u' as UserId,
      'a@b.test',
      [{ role: 'trust_admin', trustId: trustA, schoolId: null }],
      false,
      true,
    );
    expect(actor.can('audit:read', { trustId: trustA, schoolId: school2 })).toBe(true);
    expect(actor.can('audit:read', { trustId: trustB, schoolId: school1 })).toBe(false);
    expect(actor.trustsWhere('schools:create')).toEqual([trustA]);
  });

  it('denies by default: a teacher cannot manage memberships', () => {
    const actor = new Actor(
      'u' as UserId,
      'a@b.test',
      [{ role: 'teacher', trustId: trustA, schoolId: school1 }],
      false,
      true,
    );
    expect(actor.can('memberships:manage', { trustId: trustA, schoolId: school1 })).toBe(false);
    expect(actor.can('schools:read', { trustId: trustA, schoolId: school1 })).toBe(true);
    expect(actor.can('trusts:create')).toBe(false);
  });

  it('gives operators platform permissions only', () => {
    const actor = new Actor('u' as UserId, 'a@b.test', [], true, true);
    expect(actor.can('trusts:create')).toBe(true);
    expect(actor.can('memberships:manage', { trustId: trustA, schoolId: school1 })).toBe(false);
  });
});
