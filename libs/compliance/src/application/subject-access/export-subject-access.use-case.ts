import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import {
  orderSections,
  SubjectNotFound,
  type SubjectAccessReport,
  type SubjectDataSection,
  type SubjectRef,
} from '../../domain/subject-access';
import { DataSubjects, PersonalDataSources } from './personal-data.ports';

export type SubjectAccessFormat = 'json' | 'html';

export interface ExportSubjectAccessInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly subject: SubjectRef;
  /** Only for the audit record: which form the export was given in. */
  readonly format: SubjectAccessFormat;
}

/**
 * Everything Rowan holds about one pupil, contact or member of staff at a school, from every context, for a
 * subject access request. Reading it is recorded in the audit trail, like a change: who exported whose data.
 */
@Injectable()
export class ExportSubjectAccessUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly subjects: DataSubjects,
    private readonly sources: PersonalDataSources,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: ExportSubjectAccessInput): Promise<SubjectAccessReport> {
    const school = await this.catalogue.authorizedSchool(
      input.actor,
      input.schoolId,
      'subject_access:export',
    );
    const subject = await this.subjects.find(school.id, input.subject);
    if (!subject) {
      throw SubjectNotFound(input.subject.kind);
    }
    const sections: SubjectDataSection[] = [];
    // One source after another: each is a handful of queries, and they share the request's connection pool.
    for (const source of this.sources.all) {
      sections.push(...(await source.collect(school.id, subject)));
    }
    const generatedAt = this.clock.now();
    this.audit.record(input.actor.userId, {
      action: 'subject_access.exported',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: subject.kind,
      targetId: subject.id,
      summary: `Subject access export (${input.format.toUpperCase()})`,
      after: { sections: sections.length },
    });
    await this.unitOfWork.commit();
    return {
      subject: { kind: subject.kind, id: subject.id, name: subject.name },
      school: { id: school.id, name: school.name },
      generatedAt,
      sections: orderSections(sections),
    };
  }
}
