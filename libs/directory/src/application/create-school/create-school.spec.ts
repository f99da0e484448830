import { NotPermitted } from '@rowan/access';
import { NotFound, ValidationFailed, type TrustId } from '@rowan/kernel';
import { DirectoryTestbed } from '../../testing';
import { CreateSchoolUseCase } from './create-school.use-case';

function setup() {
  const tb = new DirectoryTestbed();
  const useCase = new CreateSchoolUseCase(tb.trusts, tb.schools, tb.audit, tb.uow, tb.clock, tb.ids);
  const trust = tb.givenTrust('Oak Learning Trust');
  return { tb, useCase, trust, admin: tb.trustAdminOf(trust) };
}

describe('CreateSchoolUseCase', () => {
  it("lets the trust's admin add a school, audited, in one commit", async () => {
    const { tb, useCase, trust, admin } = setup();

    const view = await useCase.execute({
      actor: admin,
      trustId: trust.id,
      name: ' Oak Primary ',
      urn: ' 123456 ',
    });

    expect(view).toMatchObject({
      trustId: trust.id,
      name: 'Oak Primary',
      urn: '123456',
      createdAt: tb.clock.now(),
    });
    expect(tb.schools.committed()).toEqual([expect.objectContaining({ id: view.id, urn: '123456' })]);
    expect(tb.audit.records()).toEqual([
      expect.objectContaining({
        action: 'school.created',
        actorId: admin.userId,
        trustId: trust.id,
        schoolId: view.id,
      }),
    ]);
    expect(tb.uow.commits).toBe(1);
  });

  it.each(['12345', '1234567', 'ABC123', ''])('refuses the URN %j, naming the field', async (urn) => {
    const { tb, useCase, trust, admin } = setup();

    const refused = useCase.execute({ actor: admin, trustId: trust.id, name: 'Oak Primary', urn });

    await expect(refused).rejects.toThrow(ValidationFailed);
    await expect(refused).rejects.toMatchObject({ fieldErrors: [expect.objectContaining({ field: 'urn' })] });
    expect(tb.uow.commits).toBe(0);
  });

  it('refuses a URN already on Rowan, even in another trust (DIRECTORY.URN_TAKEN)', async () => {
    const { tb, useCase, trust, admin } = setup();
    tb.givenSchool(tb.givenTrust('Elm Trust'), { urn: '123456' });

    await expect(
      useCase.execute({ actor: admin, trustId: trust.id, name: 'Oak Primary', urn: '123456' }),
    ).rejects.toMatchObject({
      code: 'DIRECTORY.URN_TAKEN',
      kind: 'conflict',
      fieldErrors: [expect.objectContaining({ field: 'urn' })],
    });
    expect(tb.schools.committed()).toHaveLength(1);
  });

  it('answers "not found" to the admin of another trust and for an unknown trust', async () => {
    const { tb, useCase, trust, admin } = setup();
    const foreignAdmin = tb.trustAdminOf(tb.givenTrust('Elm Trust'));

    await expect(
      useCase.execute({ actor: foreignAdmin, trustId: trust.id, name: 'Oak Primary', urn: '123456' }),
    ).rejects.toThrow(NotFound);
    await expect(
      useCase.execute({
        actor: admin,
        trustId: tb.ids.next() as TrustId,
        name: 'Oak Primary',
        urn: '123456',
      }),
    ).rejects.toThrow(NotFound);
    expect(tb.schools.committed()).toEqual([]);
  });

  it('does not let staff of one of its schools, or an operator, add a school', async () => {
    const { tb, useCase, trust } = setup();
    const schoolAdmin = tb.staffAt(tb.givenSchool(trust), 'school_admin');

    await expect(
      useCase.execute({ actor: schoolAdmin, trustId: trust.id, name: 'Oak Infants', urn: '654321' }),
    ).rejects.toThrow(NotFound);
    await expect(
      useCase.execute({ actor: tb.operator(), trustId: trust.id, name: 'Oak Infants', urn: '654321' }),
    ).rejects.toThrow(NotPermitted);
    expect(tb.schools.committed()).toHaveLength(1);
  });
});
