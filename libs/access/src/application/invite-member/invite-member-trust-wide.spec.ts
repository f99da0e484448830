import { NotFound, ValidationFailed, type TrustId } from '@rowan/kernel';
import type { Actor } from '../../domain/actor';
import { AccessTestbed } from '../../testing';
import type { TrustRef } from '../ports/school-directory';
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
  return { tb, useCase, trust: tb.givenTrust() };
}

function trustInvitation(
  actor: Actor,
  trust: TrustRef,
  overrides: Partial<InviteMemberInput> = {},
): InviteMemberInput {
  return {
    actor,
    trustId: trust.id,
    email: 'ceo@oak-trust.org.uk',
    givenName: 'Sam',
    familyName: 'Patel',
    role: 'trust_admin',
    ...overrides,
  };
}

describe('InviteMemberUseCase across a trust', () => {
  it('lets an operator invite the first trust admin', async () => {
    const { tb, useCase, trust } = setup();
    const operator = tb.givenOperator();

    const view = await useCase.execute(trustInvitation(operator, trust));

    expect(tb.memberships.committedById(view.id)).toMatchObject({
      trustId: trust.id,
      schoolId: null,
      scopeKey: trust.id,
      role: 'trust_admin',
      status: 'invited',
    });
    expect(tb.audit.records()).toEqual([
      expect.objectContaining({
        action: 'membership.invited',
        trustId: trust.id,
        schoolId: null,
        actorId: operator.userId,
      }),
    ]);
    expect(tb.uow.commits).toBe(1);
    expect(tb.jobs.provisionRequests).toEqual([view.user.id]);
  });

  it('lets a trust admin invite another trust admin', async () => {
    const { tb, useCase, trust } = setup();
    const trustAdmin = tb.givenMember(trust, 'trust_admin').actor;

    await expect(useCase.execute(trustInvitation(trustAdmin, trust))).resolves.toMatchObject({
      role: 'trust_admin',
      status: 'invited',
    });
  });

  it('answers "not found" to the trust admin of another trust', async () => {
    const { tb, useCase, trust } = setup();
    const foreignAdmin = tb.givenMember(tb.givenTrust('Elm Trust'), 'trust_admin').actor;

    await expect(useCase.execute(trustInvitation(foreignAdmin, trust))).rejects.toThrow(NotFound);
    expect(tb.uow.commits).toBe(0);
  });

  it('does not let a school admin of the trust invite trust-wide', async () => {
    const { tb, useCase, trust } = setup();
    const schoolAdmin = tb.givenMember(tb.givenSchool(trust), 'school_admin').actor;

    await expect(useCase.execute(trustInvitation(schoolAdmin, trust))).rejects.toMatchObject({
      kind: expect.stringMatching(/^(not_found|forbidden)$/) as unknown,
    });
    expect(tb.uow.commits).toBe(0);
  });

  it('refuses a school role across a trust, naming the field', async () => {
    const { tb, useCase, trust } = setup();

    const refused = useCase.execute(trustInvitation(tb.givenOperator(), trust, { role: 'teacher' }));

    await expect(refused).rejects.toThrow(ValidationFailed);
    await expect(refused).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: 'role' })],
    });
  });

  it('answers "not found" for an unknown trust, or when neither school nor trust is given', async () => {
    const { tb, useCase, trust } = setup();
    const operator = tb.givenOperator();

    await expect(
      useCase.execute(trustInvitation(operator, trust, { trustId: tb.ids.next() as TrustId })),
    ).rejects.toThrow(NotFound);
    await expect(useCase.execute(trustInvitation(operator, trust, { trustId: undefined }))).rejects.toThrow(
      NotFound,
    );
  });

  it('keeps a trust-wide and a school membership of the same person apart', async () => {
    const { tb, useCase, trust } = setup();
    const { user } = tb.givenMember(tb.givenSchool(trust), 'school_admin');

    const view = await useCase.execute(trustInvitation(tb.givenOperator(), trust, { email: user.email }));

    expect(
      tb.memberships
        .committed()
        .filter((m) => m.userId === user.id)
        .map((m) => m.id),
    ).toContain(view.id);
    expect(tb.memberships.committed().filter((m) => m.userId === user.id)).toHaveLength(2);
  });
});
