import { NotFound, type SchoolId, type TrustId, type UserId } from '@rowan/kernel';
import { NotPermitted } from './access.errors';
import { Actor, type ActorMembership } from './actor';
import { authorize } from './authorize';

const trustA = 'trust-a' as TrustId;
const trustB = 'trust-b' as TrustId;
const schoolA1 = 'school-a1' as SchoolId;
const schoolA2 = 'school-a2' as SchoolId;
const atSchoolA1 = { trustId: trustA, schoolId: schoolA1 };

function actor(memberships: ActorMembership[], operator = false): Actor {
  return new Actor('user-1' as UserId, 'someone@school.test', memberships, operator, true);
}

describe('authorize', () => {
  it('lets a member with the permission through', () => {
    const admin = actor([{ role: 'school_admin', trustId: trustA, schoolId: schoolA1 }]);
    expect(() => authorize(admin, 'memberships:manage', atSchoolA1)).not.toThrow();
  });

  it('refuses (403) a member of the school whose role lacks the permission', () => {
    const teacher = actor([{ role: 'teacher', trustId: trustA, schoolId: schoolA1 }]);
    expect(() => authorize(teacher, 'memberships:manage', atSchoolA1)).toThrow(NotPermitted);
  });

  it('answers "not found" (404) to someone from another school of the same trust', () => {
    const admin = actor([{ role: 'school_admin', trustId: trustA, schoolId: schoolA2 }]);
    expect(() => authorize(admin, 'memberships:read', atSchoolA1)).toThrow(NotFound);
  });

  it('answers "not found" to someone from another trust, naming what was asked for', () => {
    const admin = actor([{ role: 'trust_admin', trustId: trustB, schoolId: null }]);
    expect(() => authorize(admin, 'schools:create', { trustId: trustA }, 'Trust')).toThrow(
      'Trust was not found',
    );
  });

  it('lets a trust-wide role act at every school of its trust', () => {
    const trustAdmin = actor([{ role: 'trust_admin', trustId: trustA, schoolId: null }]);
    expect(() => authorize(trustAdmin, 'audit:read', { trustId: trustA, schoolId: schoolA2 })).not.toThrow();
  });

  it('lets an operator see a school but not manage its staff (403, not 404)', () => {
    const operator = actor([], true);
    expect(() => authorize(operator, 'memberships:manage', atSchoolA1)).toThrow(NotPermitted);
    expect(() => authorize(operator, 'trust_memberships:manage', { trustId: trustA }, 'Trust')).not.toThrow();
  });
});
