import { SchoolCatalogue } from '@rowan/directory';
import { DirectoryTestbed } from '@rowan/directory/testing';
import type { SubjectDataSection } from '../../domain/subject-access';
import { FixedPersonalDataSource, InMemoryDataSubjects } from '../../testing/in-memory-personal-data';
import { ExportSubjectAccessUseCase } from './export-subject-access.use-case';
import { PersonalDataSources } from './personal-data.ports';

const table = (key: string, category: SubjectDataSection['category'], value: string): SubjectDataSection => ({
  key,
  category,
  title: key,
  description: 'Where it comes from.',
  columns: [{ key: 'value', label: 'Value', type: 'text' }],
  rows: [{ value }],
});

function setUp() {
  const bed = new DirectoryTestbed();
  const trust = bed.givenTrust();
  const school = bed.givenSchool(trust, { name: 'Hazel Lane' });
  const subjects = new InMemoryDataSubjects();
  const ada = subjects.given(school.id, {
    kind: 'pupil',
    id: 'pupil-ada',
    name: 'Ada Lovelace',
    userId: null,
    emails: [],
    knownUsers: {},
  });
  const access = new FixedPersonalDataSource((s) => [table('access.accounts', 'Access', s.name)]);
  const directory = new FixedPersonalDataSource((s) => [table('directory.pupil', 'Directory', s.id)]);
  const useCase = new ExportSubjectAccessUseCase(
    new SchoolCatalogue(bed.schools, bed.trusts),
    subjects,
    // Registered out of order: the export still lists the directory first.
    new PersonalDataSources([access, directory]),
    bed.audit,
    bed.uow,
    bed.clock,
  );
  return { bed, trust, school, ada, access, directory, useCase };
}

describe('ExportSubjectAccessUseCase', () => {
  it('gathers every source’s sections in category order and records one audit entry', async () => {
    const { bed, school, ada, useCase } = setUp();
    const actor = bed.staffAt(school, 'school_admin');

    const report = await useCase.execute({
      actor,
      schoolId: school.id,
      subject: { kind: 'pupil', id: ada.id },
      format: 'html',
    });

    expect(report.subject).toEqual({ kind: 'pupil', id: 'pupil-ada', name: 'Ada Lovelace' });
    expect(report.school).toEqual({ id: school.id, name: 'Hazel Lane' });
    expect(report.generatedAt).toEqual(bed.clock.now());
    expect(report.sections.map((s) => s.key)).toEqual(['directory.pupil', 'access.accounts']);
    expect(bed.audit.records()).toEqual([
      expect.objectContaining({
        actorId: actor.userId,
        action: 'subject_access.exported',
        schoolId: school.id,
        targetType: 'pupil',
        targetId: 'pupil-ada',
        summary: 'Subject access export (HTML)',
      }),
    ]);
  });

  it('is for school and trust admins only', async () => {
    const { bed, school, trust, ada, useCase } = setUp();
    const input = {
      schoolId: school.id,
      subject: { kind: 'pupil' as const, id: ada.id },
      format: 'json' as const,
    };
    for (const role of ['office', 'teacher'] as const) {
      await expect(useCase.execute({ ...input, actor: bed.staffAt(school, role) })).rejects.toMatchObject({
        kind: 'forbidden',
      });
    }
    await expect(useCase.execute({ ...input, actor: bed.trustAdminOf(trust) })).resolves.toBeDefined();
    expect(bed.audit.records()).toHaveLength(1);
  });

  it('answers not found for another school’s subject or school, asking no source and recording nothing', async () => {
    const { bed, trust, school, ada, access, directory, useCase } = setUp();
    const other = bed.givenSchool(trust);
    const foreign = bed.givenSchool(bed.givenTrust());
    const actor = bed.trustAdminOf(trust);
    await expect(
      useCase.execute({ actor, schoolId: other.id, subject: { kind: 'pupil', id: ada.id }, format: 'json' }),
    ).rejects.toMatchObject({ code: 'COMPLIANCE.SUBJECT_NOT_FOUND', kind: 'not_found' });
    await expect(
      useCase.execute({
        actor,
        schoolId: school.id,
        subject: { kind: 'contact', id: ada.id },
        format: 'json',
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await expect(
      useCase.execute({
        actor,
        schoolId: foreign.id,
        subject: { kind: 'pupil', id: ada.id },
        format: 'json',
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    expect([...access.asked, ...directory.asked]).toEqual([]);
    expect(bed.audit.records()).toEqual([]);
  });
});
