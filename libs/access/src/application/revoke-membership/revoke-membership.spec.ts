import { NotFound } from '@rowan/kernel';
import { NotPermitted } from '../../domain/access.errors';
import { AccessTestbed } from '../../testing';
import { RevokeMembershipUseCase } from './revoke-membership.use-case';

function setup() {
  const tb = new AccessTestbed();
  const useCase = new RevokeMembershipUseCase(tb.schoolMemberships, tb.audit, tb.uow, tb.clock);
  const school = tb.givenSchool();
  const admin = tb.givenMember(school, 'school_admin').actor;
  return { tb, useCase, school, admin };
}

describe('RevokeMembershipUseCase', () => {
  it('revokes the membership, recording before and after in one commit', async () => {
    const { tb, useCase, school, admin } = setup();
    const { membership } = tb.givenMember(school, 'office', { status: 'invited' });

    await useCase.execute({ actor: admin, schoolId: school.id, membershipId: membership.id });

    expect(tb.memberships.committedById(membership.id)?.status).toBe('revoked');
    expect(tb.audit.records()).toEqual([
      expect.objectContaining({
        action: 'membership.revoked',
        actorId: admin.userId,
        targetId: membership.id,
        before: { status: 'invited', role: 'office' },
        after: { status: 'revoked' },
      }),
    ]);
    expect(tb.uow.commits).toBe(1);
  });

  it('lets a trust admin revoke at any school of the trust', async () => {
    const { tb, useCase, school } = setup();
    const { membership } = tb.givenMember(school, 'teacher');
    const trustAdmin = tb.givenMember({ id: school.trustId, name: 'Oak' }, 'trust_admin').actor;

    await useCase.execute({ actor: trustAdmin, schoolId: school.id, membershipId: membership.id });

    expect(tb.memberships.committedById(membership.id)?.status).toBe('revoked');
  });

  it('refuses to revoke your own membership (ACCESS.OWN_MEMBERSHIP)', async () => {
    const { tb, useCase, school } = setup();
    const { actor, membership } = tb.givenMember(school, 'school_admin');

    await expect(
      useCase.execute({ actor, schoolId: school.id, membershipId: membership.id }),
    ).rejects.toMatchObject({
      code: 'ACCESS.OWN_MEMBERSHIP',
    });
    expect(tb.memberships.committedById(membership.id)?.status).toBe('active');
  });

  it('refuses to revoke twice, recording nothing the second time', async () => {
    const { tb, useCase, school, admin } = setup();
    const { membership } = tb.givenMember(school, 'teacher', { status: 'revoked' });

    await expect(
      useCase.execute({ actor: admin, schoolId: school.id, membershipId: membership.id }),
    ).rejects.toMatchObject({
      code: 'ACCESS.MEMBERSHIP_REVOKED',
    });
    expect(tb.audit.records()).toEqual([]);
    expect(tb.uow.commits).toBe(0);
  });

  it('answers "not found" for another school\'s membership and to another school\'s admin', async () => {
    const { tb, useCase, school, admin } = setup();
    const otherSchool = tb.givenSchool();
    const elsewhere = tb.givenMember(otherSchool, 'teacher').membership;
    const ours = tb.givenMember(school, 'teacher').membership;
    const foreignAdmin = tb.givenMember(otherSchool, 'school_admin').actor;

    await expect(
      useCase.execute({ actor: admin, schoolId: school.id, membershipId: elsewhere.id }),
    ).rejects.toThrow(NotFound);
    await expect(
      useCase.execute({ actor: foreignAdmin, schoolId: school.id, membershipId: ours.id }),
    ).rejects.toThrow(NotFound);
    expect(tb.memberships.committed().every((m) => m.status === 'active')).toBe(true);
  });

  it('refuses (403) a teacher of the school', async () => {
    const { tb, useCase, school } = setup();
    const { membership } = tb.givenMember(school, 'office');
    const teacher = tb.givenMember(school, 'teacher').actor;

    await expect(
      useCase.execute({ actor: teacher, schoolId: school.id, membershipId: membership.id }),
    ).rejects.toThrow(NotPermitted);
  });
});
