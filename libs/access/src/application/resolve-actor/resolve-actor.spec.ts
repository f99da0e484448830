import { AccessTestbed } from '../../testing';
import { NotAuthenticated } from '../../domain/access.errors';
import { ResolveActorUseCase, type VerifiedIdentity } from './resolve-actor.use-case';

function setup() {
  const tb = new AccessTestbed();
  const useCase = new ResolveActorUseCase(tb.users, tb.memberships, tb.audit, tb.uow, tb.clock, tb.ids);
  return { tb, useCase };
}

function identity(overrides: Partial<VerifiedIdentity> = {}): VerifiedIdentity {
  return { subject: 'idp-new', email: null, emailVerified: false, mfa: true, operator: false, ...overrides };
}

describe('ResolveActorUseCase', () => {
  it('knows a linked person by subject and gives them their current memberships', async () => {
    const { tb, useCase } = setup();
    const school = tb.givenSchool();
    const { user } = tb.givenMember(school, 'teacher');
    tb.givenMember(tb.givenSchool(), 'office', { user, status: 'revoked' });

    const actor = await useCase.execute(identity({ subject: user.identitySubject! }));

    expect(actor.userId).toBe(user.id);
    expect(actor.memberships).toEqual([{ role: 'teacher', trustId: school.trustId, schoolId: school.id }]);
    expect(tb.uow.commits).toBe(1);
  });

  it('links an invited person by verified email on first sign-in and activates their invitations', async () => {
    const { tb, useCase } = setup();
    const school = tb.givenSchool();
    const invited = tb.givenUser({ email: 'new.teacher@oak.sch.uk', identitySubject: null });
    const { membership } = tb.givenMember(school, 'teacher', { user: invited, status: 'invited' });
    tb.clock.advance(60_000);

    const actor = await useCase.execute(
      identity({ subject: 'idp-77', email: 'New.Teacher@Oak.sch.uk', emailVerified: true }),
    );

    expect(actor.userId).toBe(invited.id);
    expect(actor.memberships).toEqual([{ role: 'teacher', trustId: school.trustId, schoolId: school.id }]);
    expect(tb.users.committedById(invited.id)?.identitySubject).toBe('idp-77');
    expect(tb.memberships.committedById(membership.id)).toMatchObject({
      status: 'active',
      updatedAt: tb.clock.now(),
    });
    expect(tb.users.committed()).toHaveLength(1);
    expect(tb.audit.records()).toEqual([
      expect.objectContaining({
        action: 'membership.activated',
        actorId: invited.id,
        targetId: membership.id,
        schoolId: school.id,
      }),
    ]);

    await useCase.execute(
      identity({ subject: 'idp-77', email: 'new.teacher@oak.sch.uk', emailVerified: true }),
    );
    expect(tb.audit.records()).toHaveLength(1);
  });

  it('does not link an invited person through an email the provider has not verified', async () => {
    const { tb, useCase } = setup();
    const invited = tb.givenUser({ email: 'head@oak.sch.uk', identitySubject: null });
    const { membership } = tb.givenMember(tb.givenSchool(), 'school_admin', {
      user: invited,
      status: 'invited',
    });

    const outcome = await useCase
      .execute(identity({ subject: 'idp-impostor', email: 'head@oak.sch.uk', emailVerified: false }))
      .catch((error: unknown) => error);

    expect(outcome).not.toMatchObject({ userId: invited.id });
    expect(tb.users.committedById(invited.id)?.identitySubject).toBeNull();
    expect(tb.memberships.committedById(membership.id)?.status).toBe('invited');
  });

  it('asks someone with an unverified, already-invited email to verify it, and links nothing', async () => {
    const { tb, useCase } = setup();
    const invited = tb.givenUser({ email: 'head@oak.sch.uk', identitySubject: null });
    tb.givenMember(tb.givenSchool(), 'school_admin', { user: invited, status: 'invited' });

    await expect(
      useCase.execute(identity({ subject: 'idp-impostor', email: 'head@oak.sch.uk', emailVerified: false })),
    ).rejects.toMatchObject({ code: 'ACCESS.EMAIL_NOT_VERIFIED' });
    expect(tb.users.committedById(invited.id)?.identitySubject).toBeNull();
  });

  it('refuses a second sign-in identity for an email that is already linked', async () => {
    const { tb, useCase } = setup();
    tb.givenUser({ email: 'head@oak.sch.uk', identitySubject: 'idp-original' });

    await expect(
      useCase.execute(identity({ subject: 'idp-other', email: 'head@oak.sch.uk', emailVerified: true })),
    ).rejects.toMatchObject({ code: 'ACCESS.IDENTITY_MISMATCH' });
  });

  it('creates a user without memberships for a stranger', async () => {
    const { tb, useCase } = setup();

    const actor = await useCase.execute(
      identity({ subject: 'idp-9', email: 'Parent@Example.com', emailVerified: true, givenName: 'Pat' }),
    );

    expect(actor.memberships).toEqual([]);
    expect(tb.users.committed()).toEqual([
      expect.objectContaining({
        id: actor.userId,
        email: 'parent@example.com',
        givenName: 'Pat',
        identitySubject: 'idp-9',
      }),
    ]);
  });

  it('refuses staff who signed in without MFA (ACCESS.MFA_REQUIRED)', async () => {
    const { tb, useCase } = setup();
    const { user } = tb.givenMember(tb.givenSchool(), 'office');

    const refused = useCase.execute(identity({ subject: user.identitySubject!, mfa: false }));

    await expect(refused).rejects.toThrow(NotAuthenticated);
    await expect(refused).rejects.toMatchObject({ code: 'ACCESS.MFA_REQUIRED', kind: 'unauthenticated' });
  });

  it('refuses a trust admin without MFA', async () => {
    const { tb, useCase } = setup();
    const { user } = tb.givenMember(tb.givenTrust(), 'trust_admin');

    await expect(
      useCase.execute(identity({ subject: user.identitySubject!, mfa: false })),
    ).rejects.toMatchObject({
      code: 'ACCESS.MFA_REQUIRED',
    });
  });

  it('leaves the invitation pending when a staff sign-in without MFA is refused', async () => {
    const { tb, useCase } = setup();
    const invited = tb.givenUser({ email: 'ms.jones@oak.sch.uk', identitySubject: null });
    const { membership } = tb.givenMember(tb.givenSchool(), 'teacher', { user: invited, status: 'invited' });

    await expect(
      useCase.execute(
        identity({ subject: 'idp-5', email: 'ms.jones@oak.sch.uk', emailVerified: true, mfa: false }),
      ),
    ).rejects.toThrow(NotAuthenticated);

    expect(tb.memberships.committedById(membership.id)?.status).toBe('invited');
  });

  it.each(['parent', 'integration'] as const)(
    'lets someone whose only role is %s sign in without MFA',
    async (role) => {
      const { tb, useCase } = setup();
      const { user } = tb.givenMember(tb.givenSchool(), role);

      const actor = await useCase.execute(identity({ subject: user.identitySubject!, mfa: false }));

      expect(actor.memberships.map((m) => m.role)).toEqual([role]);
      expect(actor.mfa).toBe(false);
    },
  );

  it('lets a person without memberships sign in without MFA', async () => {
    const { tb, useCase } = setup();
    const user = tb.givenUser();

    await expect(
      useCase.execute(identity({ subject: user.identitySubject!, mfa: false })),
    ).resolves.toMatchObject({
      userId: user.id,
      operator: false,
    });
  });

  it('refuses the operator claim without MFA and accepts it with MFA', async () => {
    const { tb, useCase } = setup();
    const user = tb.givenUser();

    await expect(
      useCase.execute(identity({ subject: user.identitySubject!, operator: true, mfa: false })),
    ).rejects.toMatchObject({
      code: 'ACCESS.MFA_REQUIRED',
    });
    await expect(
      useCase.execute(identity({ subject: user.identitySubject!, operator: true })),
    ).resolves.toMatchObject({
      operator: true,
    });
  });
});
