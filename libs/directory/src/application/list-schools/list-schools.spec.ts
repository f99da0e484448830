import { anActor } from '@rowan/access/testing';
import { NotFound } from '@rowan/kernel';
import { DirectoryTestbed } from '../../testing';
import { ListSchoolsUseCase } from './list-schools.use-case';

function setup() {
  const tb = new DirectoryTestbed();
  const trust = tb.givenTrust('Oak Learning Trust');
  const schools = [
    tb.givenSchool(trust),
    tb.givenSchool(tb.givenTrust('Elm')),
    tb.givenSchool(trust),
    tb.givenSchool(trust),
  ];
  return { tb, useCase: new ListSchoolsUseCase(tb.trusts, tb.schools), trust, schools };
}

describe('ListSchoolsUseCase', () => {
  it("shows a trust admin all of the trust's schools, newest first, a page at a time", async () => {
    const { tb, useCase, trust, schools } = setup();
    const admin = tb.trustAdminOf(trust);

    const first = await useCase.execute({ actor: admin, trustId: trust.id, page: { limit: 2 } });
    const second = await useCase.execute({
      actor: admin,
      trustId: trust.id,
      page: { limit: 2, cursor: first.nextCursor ?? undefined },
    });

    expect(first.items.map((s) => s.id)).toEqual([schools[3]?.id, schools[2]?.id]);
    expect(second.items.map((s) => s.id)).toEqual([schools[0]?.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('shows school staff only their own school', async () => {
    const { tb, useCase, trust, schools } = setup();
    const teacher = tb.staffAt(schools[2]!, 'teacher');

    const page = await useCase.execute({ actor: teacher, trustId: trust.id, page: { limit: 10 } });

    expect(page.items.map((s) => s.id)).toEqual([schools[2]?.id]);
  });

  it('shows an operator every school of a trust', async () => {
    const { tb, useCase, trust } = setup();

    await expect(
      useCase.execute({ actor: tb.operator(), trustId: trust.id, page: { limit: 10 } }),
    ).resolves.toMatchObject({
      items: { length: 3 },
    });
  });

  it('answers "not found" to a stranger and to the admin of another trust', async () => {
    const { tb, useCase, trust } = setup();
    const foreignAdmin = tb.trustAdminOf(tb.givenTrust('Ash'));

    await expect(
      useCase.execute({ actor: tb.stranger(), trustId: trust.id, page: { limit: 10 } }),
    ).rejects.toThrow(NotFound);
    await expect(
      useCase.execute({ actor: foreignAdmin, trustId: trust.id, page: { limit: 10 } }),
    ).rejects.toThrow(NotFound);
  });

  it('answers "not found" to a member of the trust whose role does not read schools', async () => {
    const { tb, useCase, trust, schools } = setup();
    const parent = tb.staffAt(schools[0]!, 'parent');

    await expect(useCase.execute({ actor: parent, trustId: trust.id, page: { limit: 10 } })).rejects.toThrow(
      NotFound,
    );
  });

  it('answers "not found" to a parent here who reads schools only in another trust', async () => {
    const { tb, useCase, trust, schools } = setup();
    const [here, there] = [schools[0]!, schools[1]!];
    const actor = anActor(tb.ids, {
      memberships: [
        { role: 'parent', trustId: here.trustId, schoolId: here.id },
        { role: 'teacher', trustId: there.trustId, schoolId: there.id },
      ],
    });

    await expect(useCase.execute({ actor, trustId: trust.id, page: { limit: 10 } })).rejects.toThrow(
      NotFound,
    );
  });
});
