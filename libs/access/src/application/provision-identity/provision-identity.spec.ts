import type { UserId } from '@rowan/kernel';
import { AccessTestbed } from '../../testing';
import { ProvisionIdentityUseCase } from './provision-identity.use-case';

function setup() {
  const tb = new AccessTestbed();
  const useCase = new ProvisionIdentityUseCase(tb.users, tb.identityProvider, tb.uow, tb.clock);
  const invited = tb.givenUser({
    email: 'ms.jones@oak.sch.uk',
    givenName: 'Mary',
    familyName: 'Jones',
    identitySubject: null,
  });
  return { tb, useCase, invited };
}

describe('ProvisionIdentityUseCase', () => {
  it("creates the person's account at the identity provider and links its subject", async () => {
    const { tb, useCase, invited } = setup();

    const result = await useCase.execute({ userId: invited.id });

    expect(result).toEqual({ status: 'provisioned', subject: 'idp-subject-1' });
    expect(tb.identityProvider.requests).toEqual([
      { email: 'ms.jones@oak.sch.uk', givenName: 'Mary', familyName: 'Jones' },
    ]);
    expect(tb.users.committedById(invited.id)).toMatchObject({
      identitySubject: 'idp-subject-1',
      updatedAt: tb.clock.now(),
    });
    expect(tb.uow.commits).toBe(1);
  });

  it('links an account the person already has at the provider', async () => {
    const { tb, useCase, invited } = setup();
    tb.identityProvider.knowsPerson(invited.email, 'existing-subject');

    await expect(useCase.execute({ userId: invited.id })).resolves.toEqual({
      status: 'provisioned',
      subject: 'existing-subject',
    });
  });

  it('does nothing the second time (already_linked)', async () => {
    const { tb, useCase, invited } = setup();
    await useCase.execute({ userId: invited.id });

    await expect(useCase.execute({ userId: invited.id })).resolves.toEqual({ status: 'already_linked' });
    expect(tb.identityProvider.requests).toHaveLength(1);
    expect(tb.uow.commits).toBe(1);
  });

  it('answers no_such_user for an unknown user, without calling the provider', async () => {
    const { tb, useCase } = setup();

    await expect(useCase.execute({ userId: tb.ids.next() as UserId })).resolves.toEqual({
      status: 'no_such_user',
    });
    expect(tb.identityProvider.requests).toEqual([]);
  });

  it('leaves the user unlinked and commits nothing when the provider fails, then succeeds on retry', async () => {
    const { tb, useCase, invited } = setup();
    tb.identityProvider.failWith();

    await expect(useCase.execute({ userId: invited.id })).rejects.toMatchObject({
      kind: 'unavailable',
      transient: true,
    });
    expect(tb.users.committedById(invited.id)?.identitySubject).toBeNull();
    expect(tb.uow.commits).toBe(0);

    tb.uow.rollback();
    tb.identityProvider.recover();
    await expect(useCase.execute({ userId: invited.id })).resolves.toMatchObject({ status: 'provisioned' });
  });
});
