import { NotFound, ValidationFailed } from '@rowan/kernel';
import { NotPermitted } from '../../domain/access.errors';
import type { Actor } from '../../domain/actor';
import { AccessTestbed } from '../../testing';
import type { SchoolRef } from '../ports/school-directory';
import { Invitations } from '../invitations.service';
import { InviteMemberUseCase, type InviteMemberInput } from './invite-member.use-case';

function setup() {
  const tb = new AccessTestbed();
  const useCase = new InviteMemberUseCase(
    new Invitations(tb.users, tb.memberships, tb.jobs, tb.ids),
    tb.directory,
    tb.audit,
    tb.uow,
    tb.clock,
  );
  const school = tb.givenSchool();
  const admin = tb.givenMember(school, 'school_admin').actor;
  return { tb, useCase, school, admin };
}

function invitation(
  actor: Actor,
  school: SchoolRef,
  overrides: Partial<InviteMemberInput> = {},
): InviteMemberInput {
  return {
    actor,
    schoolId: school.id,
    email: 'ms.jones@oak.sch.uk',
    givenName: 'Mary',
    familyName: 'Jones',
    role: 'teacher',
    ...overrides,
  };
}

describe('InviteMemberUseCase at a school', () => {
  it('invites a new person: an invited membership, one audit record, one commit, one provisioning job', async () => {
    const { tb, useCase, school, admin } = setup();

    const view = await useCase.execute(invitation(admin, school));

    const user = tb.users.committed().find((u) => u.email === 'ms.jones@oak.sch.uk');
    expect(user).toMatchObject({ givenName: 'Mary', familyName: 'Jones', identitySubject: null });
    expect(view).toMatchObject({
      role: 'teacher',
      status: 'invited',
      user: { id: user?.id, email: 'ms.jones@oak.sch.uk' },
    });
    expect(tb.memberships.committedById(view.id)).toMatchObject({
      userId: user?.id,
      schoolId: school.id,
      trustId: school.trustId,
      status: 'invited',
    });
    expect(tb.audit.records()).toEqual([
      expect.objectContaining({
        action: 'membership.invited',
        actorId: admin.userId,
        schoolId: school.id,
        targetId: view.id,
      }),
    ]);
    expect(tb.uow.commits).toBe(1);
    expect(tb.jobs.provisionRequests).toEqual([user?.id]);
  });

  it('does not ask for an identity-provider account for a person who already has one', async () => {
    const { tb, useCase, school, admin } = setup();
    const linked = tb.givenMember(tb.givenSchool(), 'teacher').user;

    const view = await useCase.execute(invitation(admin, school, { email: linked.email, role: 'office' }));

    expect(view.user.id).toBe(linked.id);
    expect(tb.users.committed()).toHaveLength(2);
    expect(tb.jobs.provisionRequests).toEqual([]);
  });

  it('normalises the email, so a differently written address finds the same person', async () => {
    const { tb, useCase, school, admin } = setup();
    const existing = tb.givenUser({ email: 'ms.jones@oak.sch.uk' });

    const view = await useCase.execute(
      invitation(admin, school, { email: '  Ms.Jones@OAK.sch.uk ', givenName: ' Mary ' }),
    );

    expect(view.user).toMatchObject({ id: existing.id, email: 'ms.jones@oak.sch.uk' });
    expect(tb.users.committed()).toHaveLength(2);
  });

  it('lets a trust admin invite at a school of their trust', async () => {
    const { tb, useCase, school } = setup();
    const trustAdmin = tb.givenMember({ id: school.trustId, name: 'Oak' }, 'trust_admin').actor;

    await expect(
      useCase.execute(invitation(trustAdmin, school, { role: 'school_admin' })),
    ).resolves.toMatchObject({
      role: 'school_admin',
      status: 'invited',
    });
  });

  it('refuses (403) a teacher, storing nothing', async () => {
    const { tb, useCase, school } = setup();
    const teacher = tb.givenMember(school, 'teacher').actor;

    await expect(useCase.execute(invitation(teacher, school))).rejects.toThrow(NotPermitted);
    expect(tb.uow.commits).toBe(0);
    expect(tb.audit.records()).toEqual([]);
    expect(tb.jobs.provisionRequests).toEqual([]);
  });

  it('answers "not found" (not 403) to the admin of another school', async () => {
    const { tb, useCase, school } = setup();
    const otherAdmin = tb.givenMember(
      tb.givenSchool({ id: school.trustId, name: 'Oak' }, 'Oak Secondary'),
      'school_admin',
    ).actor;

    await expect(useCase.execute(invitation(otherAdmin, school))).rejects.toThrow(NotFound);
    expect(tb.memberships.committed()).toHaveLength(2);
  });

  it('answers "not found" for a school that does not exist', async () => {
    const { tb, useCase, admin } = setup();
    const nowhere = { id: tb.ids.next(), trustId: tb.ids.next(), name: 'Nowhere' } as SchoolRef;

    await expect(useCase.execute(invitation(admin, nowhere))).rejects.toThrow(NotFound);
  });

  it.each(['trust_admin', 'parent', 'integration'] as const)(
    'refuses the role %s at a school, naming the field',
    async (role) => {
      const { tb, useCase, school, admin } = setup();

      const refused = useCase.execute(invitation(admin, school, { role }));

      await expect(refused).rejects.toThrow(ValidationFailed);
      await expect(refused).rejects.toMatchObject({
        fieldErrors: [expect.objectContaining({ field: 'role' })],
      });
      expect(tb.uow.commits).toBe(0);
    },
  );

  it.each(['invited', 'active'] as const)('refuses to invite a current (%s) member again', async (status) => {
    const { tb, useCase, school, admin } = setup();
    const member = tb.givenMember(school, 'teacher', { status }).user;

    await expect(useCase.execute(invitation(admin, school, { email: member.email }))).rejects.toMatchObject({
      code: 'ACCESS.ALREADY_A_MEMBER',
      kind: 'conflict',
    });
    expect(tb.audit.records()).toEqual([]);
    expect(tb.uow.commits).toBe(0);
  });

  it('re-invites a revoked member by reactivating the same membership', async () => {
    const { tb, useCase, school, admin } = setup();
    const { user, membership } = tb.givenMember(school, 'teacher', { status: 'revoked' });
    tb.clock.advance(86_400_000);

    const view = await useCase.execute(invitation(admin, school, { email: user.email, role: 'office' }));

    expect(view).toMatchObject({
      id: membership.id,
      role: 'office',
      status: 'invited',
      updatedAt: tb.clock.now(),
    });
    expect(tb.memberships.committed().filter((m) => m.userId === user.id)).toHaveLength(1);
    expect(tb.audit.records()).toHaveLength(1);
  });

  it('requests no provisioning when the commit fails', async () => {
    const { tb, useCase, school, admin } = setup();
    tb.uow.failNextCommit();

    await expect(useCase.execute(invitation(admin, school))).rejects.toThrow();

    expect(tb.jobs.provisionRequests).toEqual([]);
    expect(tb.users.committed()).toHaveLength(1);
    expect(tb.audit.records()).toEqual([]);
  });
});
