import { NotPermitted } from '@rowan/access';
import { NotFound, type SchoolId } from '@rowan/kernel';
import { DirectoryTestbed } from '../../testing';
import { GetSchoolUseCase } from './get-school.use-case';

function setup() {
  const tb = new DirectoryTestbed();
  const trust = tb.givenTrust();
  const school = tb.givenSchool(trust, { name: 'Oak Primary', urn: '123456' });
  return { tb, useCase: new GetSchoolUseCase(tb.schools), trust, school };
}

describe('GetSchoolUseCase', () => {
  it("shows the school to its staff and to its trust's admin", async () => {
    const { tb, useCase, trust, school } = setup();
    const expected = {
      id: school.id,
      trustId: trust.id,
      name: 'Oak Primary',
      urn: '123456',
      createdAt: school.createdAt,
    };

    await expect(
      useCase.execute({ actor: tb.staffAt(school, 'teacher'), schoolId: school.id }),
    ).resolves.toEqual(expected);
    await expect(useCase.execute({ actor: tb.trustAdminOf(trust), schoolId: school.id })).resolves.toEqual(
      expected,
    );
  });

  it('answers "not found" to staff of another school of the trust and for an unknown school', async () => {
    const { tb, useCase, trust, school } = setup();
    const neighbour = tb.staffAt(tb.givenSchool(trust), 'school_admin');

    await expect(useCase.execute({ actor: neighbour, schoolId: school.id })).rejects.toThrow(NotFound);
    await expect(useCase.execute({ actor: neighbour, schoolId: tb.ids.next() as SchoolId })).rejects.toThrow(
      NotFound,
    );
  });

  it('refuses (403) a parent of the school', async () => {
    const { tb, useCase, school } = setup();

    await expect(
      useCase.execute({ actor: tb.staffAt(school, 'parent'), schoolId: school.id }),
    ).rejects.toThrow(NotPermitted);
  });
});
