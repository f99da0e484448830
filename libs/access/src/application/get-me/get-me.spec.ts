import { NotFound } from '@rowan/kernel';
import { AccessTestbed, anActor } from '../../testing';
import { GetMeUseCase } from './get-me.use-case';

function setup() {
  const tb = new AccessTestbed();
  return { tb, useCase: new GetMeUseCase(tb.users, tb.memberships, tb.directory) };
}

describe('GetMeUseCase', () => {
  it('describes the person and their current memberships with trust and school names', async () => {
    const { tb, useCase } = setup();
    const trust = tb.givenTrust('Oak Learning Trust');
    const school = tb.givenSchool(trust, 'Oak Primary');
    const { user, membership } = tb.givenMember(school, 'teacher');
    const trustWide = tb.givenMember(trust, 'trust_admin', { user, status: 'invited' }).membership;
    tb.givenMember(tb.givenSchool(trust, 'Old School'), 'office', { user, status: 'revoked' });

    const me = await useCase.execute(tb.actorOf(user));

    expect(me).toMatchObject({ id: user.id, email: user.email, operator: false });
    expect(me.memberships).toEqual([
      {
        id: membership.id,
        role: 'teacher',
        status: 'active',
        trust: { id: trust.id, name: 'Oak Learning Trust' },
        school: { id: school.id, name: 'Oak Primary' },
        permissions: ['schools:read', 'directory:read', 'events:read'],
      },
      {
        id: trustWide.id,
        role: 'trust_admin',
        status: 'invited',
        trust: { id: trust.id, name: 'Oak Learning Trust' },
        school: null,
        permissions: expect.arrayContaining([
          'schools:create',
          'memberships:manage',
          'trust_memberships:manage',
          'audit:read',
        ]),
      },
    ]);
  });

  it('says whether the person acts as an operator', async () => {
    const { tb, useCase } = setup();

    await expect(useCase.execute(tb.givenOperator())).resolves.toMatchObject({
      operator: true,
      memberships: [],
    });
  });

  it('answers "not found" for an actor with no stored user', async () => {
    const { tb, useCase } = setup();

    await expect(useCase.execute(anActor(tb.ids))).rejects.toThrow(NotFound);
  });
});
