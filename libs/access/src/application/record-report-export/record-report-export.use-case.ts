import { Injectable } from '@nestjs/common';
import { NotFound, UnitOfWork, type ExportFormat, type SchoolId, type TrustId } from '@rowan/kernel';
import type { Actor } from '../../domain/actor';
import { AuditTrail } from '../ports/audit-trail';
import { SchoolDirectory } from '../ports/school-directory';

export interface RecordReportExportInput {
  readonly actor: Actor;
  /** Where the report is from: a school's, or a trust's across its schools. */
  readonly where: { readonly schoolId: SchoolId } | { readonly trustId: TrustId };
  /** The kind of report, as a short slug (`payments`, `participation`, `school-equity`…). */
  readonly kind: string;
  /** The report's title as the file names it. */
  readonly title: string;
  readonly format: ExportFormat;
  /** The event (or message) the report is of, if it is of one. */
  readonly subjectId?: string;
  /** The choices that shaped it (dates, year group…), as recorded. */
  readonly filters?: Readonly<Record<string, string | number>>;
}

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel' };

/**
 * Records `report.exported`: who downloaded which report, of what, as which file. Called once the report's own
 * use case has authorised the download and before the file goes out, so an export is never unrecorded.
 */
@Injectable()
export class RecordReportExportUseCase {
  constructor(
    private readonly directory: SchoolDirectory,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: RecordReportExportInput): Promise<void> {
    const scope = await this.scopeOf(input.where);
    if (
      !scope ||
      !input.actor.canSee({ trustId: scope.trustId, ...(scope.schoolId ? { schoolId: scope.schoolId } : {}) })
    ) {
      throw new NotFound('Report');
    }
    this.audit.record(input.actor.userId, {
      action: 'report.exported',
      trustId: scope.trustId,
      schoolId: scope.schoolId,
      targetType: 'report',
      targetId: input.subjectId ? `${input.kind}-${input.subjectId}` : input.kind,
      summary: `Downloaded ${input.title} as ${FORMAT_NAMES[input.format]}`,
      after: {
        report: input.kind,
        format: input.format,
        ...(input.subjectId ? { subjectId: input.subjectId } : {}),
        ...input.filters,
      },
    });
    await this.uow.commit();
  }

  private async scopeOf(
    where: RecordReportExportInput['where'],
  ): Promise<{ trustId: TrustId; schoolId: SchoolId | null } | null> {
    if ('schoolId' in where) {
      const school = await this.directory.findSchool(where.schoolId);
      return school ? { trustId: school.trustId, schoolId: school.id } : null;
    }
    const trust = await this.directory.findTrust(where.trustId);
    return trust ? { trustId: trust.id, schoolId: null } : null;
  }
}
