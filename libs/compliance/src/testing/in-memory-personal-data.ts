import type { SchoolId } from '@rowan/kernel';
import { DataSubjects, PersonalDataSource } from '../application/subject-access/personal-data.ports';
import type { DataSubject, SubjectDataSection, SubjectRef } from '../domain/subject-access';

/** A directory of subjects by school, in memory. */
export class InMemoryDataSubjects extends DataSubjects {
  private readonly people: Array<{ schoolId: SchoolId; subject: DataSubject }> = [];

  given(schoolId: SchoolId, subject: DataSubject): DataSubject {
    this.people.push({ schoolId, subject });
    return subject;
  }

  find(schoolId: SchoolId, ref: SubjectRef): Promise<DataSubject | null> {
    const found = this.people.find(
      (p) => p.schoolId === schoolId && p.subject.kind === ref.kind && p.subject.id === ref.id,
    );
    return Promise.resolve(found?.subject ?? null);
  }
}

/** A source answering fixed sections, per subject id, and remembering who it was asked about. */
export class FixedPersonalDataSource extends PersonalDataSource {
  readonly asked: Array<{ schoolId: SchoolId; subjectId: string }> = [];

  constructor(private readonly sections: (subject: DataSubject) => SubjectDataSection[]) {
    super();
  }

  collect(schoolId: SchoolId, subject: DataSubject): Promise<SubjectDataSection[]> {
    this.asked.push({ schoolId, subjectId: subject.id });
    return Promise.resolve(this.sections(subject));
  }
}
