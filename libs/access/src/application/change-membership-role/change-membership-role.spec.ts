import { NotFound, ValidationFailed } from '@rowan/kernel';
import { NotPermitted } from '../../domain/access.errors';
import { AccessTestbed } from '../../testing';
import { ChangeMembershipRoleUseCase } from './change-membership-role.use-case';

function setup() {
  const tb = new AccessTestbed();
  const useCase = new ChangeMembershipRoleUseCase(tb.schoolMemberships, tb.audit, tb.uow, tb.clock);
  const school = tb.givenSchool();
  const admin = tb.givenMember(school, 'school_admin').actor;
  return { tb, useCase, school, admin };
}

describe('ChangeMembershipRoleUseCase', () => {
  it('changes the role, recording before and after in one commit', async () => {
    const { tb, useCase, school, admin } = setup();
    const { membership } = tb.givenMember(school, 'teacher');
    tb.clock.advance(3_600_000);

    const view = await useCase.execute({
      actor: admin,
      schoolId: school.id,
      membershipId: membership.id,
      role: 'office',
    });

    expect(view).toMatchObject({ id: membership.id, role: 'office', updatedAt: tb.clock.now() });
    expect(tb.memberships.committedById(membership.id)?.role).toBe('office');
    expect(tb.audit.records()).toEqual([
      expect.objectContaining({
        action: 'membership.role_changed',
        actorId: admin.userId,
        schoolId: school.id,
        targetId: membership.id,
        before: { role: 'teacher' },
        after: { role: 'office' },
      }),
    ]);
    expect(tb.uow.commits).toBe(1);
  });

  it('refuses to change your own membership (ACCESS.OWN_MEMBERSHIP)', async () => {
    const { tb, useCase, school } = setup();
    const { actor, membership } = tb.givenMember(school, 'school_admin');

    await expect(
      useCase.execute({ actor, schoolId: school.id, membershipId: membership.id, role: 'teacher' }),
    ).rejects.toMatchObject({ code: 'ACCESS.OWN_MEMBERSHIP', kind: 'conflict' });
    expect(tb.memberships.committedById(membership.id)?.role).toBe('school_admin');
    expect(tb.uow.commits).toBe(0);
  });

  it('refuses to change the role of a revoked membership, storing nothing', async () => {
    const { tb, useCase, school, admin } = setup();
    const { membership } = tb.givenMember(school, 'teacher', { status: 'revoked' });

    await expect(
      useCase.execute({ actor: admin, schoolId: school.id, membershipId: membership.id, role: 'office' }),
    ).rejects.toMatchObject({ code: 'ACCESS.MEMBERSHIP_REVOKED' });
    expect(tb.memberships.committedById(membership.id)?.role).toBe('teacher');
    expect(tb.audit.records()).toEqual([]);
  });

  it('answers "not found" for a membership of another school, even through a school the actor manages', async () => {
    const { tb, useCase, school, admin } = setup();
    const elsewhere = tb.givenMember(tb.givenSchool(), 'teacher').membership;

    await expect(
      useCase.execute({ actor: admin, schoolId: school.id, membershipId: elsewhere.id, role: 'office' }),
    ).rejects.toThrow(NotFound);
  });

  it('answers "not found" to an admin of another school', async () => {
    const { tb, useCase, school } = setup();
    const { membership } = tb.givenMember(school, 'teacher');
    const foreignAdmin = tb.givenMember(tb.givenSchool(), 'school_admin').actor;

    await expect(
      useCase.execute({
        actor: foreignAdmin,
        schoolId: school.id,
        membershipId: membership.id,
        role: 'office',
      }),
    ).rejects.toThrow(NotFound);
  });

  it('refuses (403) an office member of the school', async () => {
    const { tb, useCase, school } = setup();
    const { membership } = tb.givenMember(school, 'teacher');
    const office = tb.givenMember(school, 'office').actor;

    await expect(
      useCase.execute({
        actor: office,
        schoolId: school.id,
        membershipId: membership.id,
        role: 'school_admin',
      }),
    ).rejects.toThrow(NotPermitted);
  });

  it('refuses a role that cannot be given at a school', async () => {
    const { tb, useCase, school, admin } = setup();
    const { membership } = tb.givenMember(school, 'teacher');

    const refused = useCase.execute({
      actor: admin,
      schoolId: school.id,
      membershipId: membership.id,
      role: 'trust_admin',
    });

    await expect(refused).rejects.toThrow(ValidationFailed);
    await expect(refused).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: 'role' })],
    });
    expect(tb.memberships.committedById(membership.id)?.role).toBe('teacher');
  });
});
