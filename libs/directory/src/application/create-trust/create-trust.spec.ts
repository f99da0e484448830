import { NotPermitted } from '@rowan/access';
import { DirectoryTestbed } from '../../testing';
import { CreateTrustUseCase } from './create-trust.use-case';

function setup() {
  const tb = new DirectoryTestbed();
  return { tb, useCase: new CreateTrustUseCase(tb.trusts, tb.audit, tb.uow, tb.clock, tb.ids) };
}

describe('CreateTrustUseCase', () => {
  it('lets an operator create a trust, audited, in one commit', async () => {
    const { tb, useCase } = setup();
    const operator = tb.operator();

    const view = await useCase.execute({ actor: operator, name: '  Oak Learning Trust ' });

    expect(view).toEqual({
      id: expect.any(String) as string,
      name: 'Oak Learning Trust',
      createdAt: tb.clock.now(),
    });
    expect(tb.trusts.committed()).toEqual([
      expect.objectContaining({ id: view.id, name: 'Oak Learning Trust' }),
    ]);
    expect(tb.audit.records()).toEqual([
      expect.objectContaining({
        action: 'trust.created',
        actorId: operator.userId,
        trustId: view.id,
        schoolId: null,
        targetId: view.id,
      }),
    ]);
    expect(tb.uow.commits).toBe(1);
  });

  it('refuses anyone else, a trust admin included', async () => {
    const { tb, useCase } = setup();
    const trustAdmin = tb.trustAdminOf(tb.givenTrust());

    await expect(useCase.execute({ actor: trustAdmin, name: 'Elm Trust' })).rejects.toThrow(NotPermitted);
    await expect(useCase.execute({ actor: tb.stranger(), name: 'Elm Trust' })).rejects.toThrow(NotPermitted);
    expect(tb.trusts.committed()).toHaveLength(1);
    expect(tb.uow.commits).toBe(0);
  });
});
