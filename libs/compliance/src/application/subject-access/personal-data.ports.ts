import type { SchoolId } from '@rowan/kernel';
import type { DataSubject, SubjectDataSection, SubjectRef } from '../../domain/subject-access';

/** Finds the subject in the school's directory; null when the school holds no such person. */
export abstract class DataSubjects {
  abstract find(schoolId: SchoolId, subject: SubjectRef): Promise<DataSubject | null>;
}

/**
 * What one context holds about a subject at one school, as sections. Each context that holds personal data has
 * an adapter reading its own tables; sources never see each other's data.
 */
export abstract class PersonalDataSource {
  abstract collect(schoolId: SchoolId, subject: DataSubject): Promise<SubjectDataSection[]>;
}

/** Every registered source (Nest has no multi-providers: the module builds this list from the sources). */
export class PersonalDataSources {
  constructor(readonly all: readonly PersonalDataSource[]) {}
}
