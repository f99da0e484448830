import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, DomainError, IdGenerator, UnitOfWork, type SchoolId, type UserId } from '@rowan/kernel';
import { DirectoryConflict } from '../../domain/directory.errors';
import type { DirectoryImport } from '../../domain/directory-import';
import type { School } from '../../domain/school';
import { SyncRun, emptyTally } from '../../domain/sync-run';
import { DirectoryImportRepository } from '../ports/directory-imports';
import { SchoolRepository } from '../ports/school.repository';
import { MisConnectionRepository, SyncRunRepository } from '../ports/sync-run.repository';
import {
  UploadNotFound,
  toDirectoryImportView,
  uploadingSchoolFor,
  type DirectoryImportView,
} from './directory-import.view';
import { DirectoryImportPass } from './import-pass';

/**
 * Applies a previewed upload in one transaction: the whole directory change lands, or none of it does. It is
 * recorded in the sync history as a CSV sync. An upload previewed before another sync finished is stale.
 */
@Injectable()
export class ApplyDirectoryImportUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly connections: MisConnectionRepository,
    private readonly imports: DirectoryImportRepository,
    private readonly runs: SyncRunRepository,
    private readonly pass: DirectoryImportPass,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly importId: string;
  }): Promise<DirectoryImportView> {
    const school = await uploadingSchoolFor(this.schools, this.connections, input.actor, input.schoolId);
    const startedAt = this.clock.now();
    const runId = this.ids.next();
    try {
      return await this.uow.transaction(async () => {
        // Applies for one school queue here, so the checks below hold until this one commits.
        await this.imports.holdSchool(school.id);
        const upload = await this.pendingUpload(school, input.importId);
        const tally = await this.pass.apply(school.id, upload.records!);
        const run = csvRun(runId, school, input.actor.userId, startedAt);
        run.succeed(this.clock.now(), tally);
        this.runs.add(run);
        upload.applied(this.clock.now(), run.id);
        this.audit.record(input.actor.userId, {
          action: 'directory.import_applied',
          trustId: school.trustId,
          schoolId: school.id,
          targetType: 'directory_import',
          targetId: upload.id,
          summary: `Applied an upload of ${upload.files.join(', ')} to ${school.name}`,
          after: { runId: run.id, tally },
        });
        return toDirectoryImportView(upload);
      });
    } catch (error) {
      // A refusal changed nothing worth recording; a failure while writing is kept in the history.
      if (!(error instanceof DomainError) || error.transient) {
        await this.recordFailure(school, runId, startedAt, input.actor, error);
      }
      throw error;
    }
  }

  private async pendingUpload(school: School, importId: string): Promise<DirectoryImport> {
    const upload = await this.imports.findForSchool(school.id, importId, true);
    if (!upload) {
      throw UploadNotFound();
    }
    if (upload.status !== 'previewed' || !upload.records) {
      throw new DirectoryConflict('This upload has already been applied', 'DIRECTORY.IMPORT_APPLIED');
    }
    if (upload.isExpired(this.clock.now())) {
      throw new DirectoryConflict(
        'This upload has expired (uploads are kept for a day); upload the files again',
        'DIRECTORY.IMPORT_EXPIRED',
      );
    }
    const last = await this.runs.lastSucceededForSchool(school.id);
    if ((last?.id ?? null) !== upload.basisRunId) {
      throw new DirectoryConflict(
        'The directory has changed since this upload was previewed; upload the files again to see what would change now',
        'DIRECTORY.IMPORT_STALE',
      );
    }
    return upload;
  }

  /** The transaction is gone: the history shows the failed attempt, and the directory is as it was. */
  private async recordFailure(
    school: School,
    runId: string,
    startedAt: Date,
    actor: Actor,
    error: unknown,
  ): Promise<void> {
    const run = csvRun(runId, school, actor.userId, startedAt);
    run.fail(
      this.clock.now(),
      `Nothing was applied: ${error instanceof Error ? error.message : String(error)}`,
    );
    this.runs.add(run);
    await this.uow.commit();
  }
}

/** An upload's run in the sync history: started when the apply began. */
function csvRun(id: string, school: School, by: UserId, startedAt: Date): SyncRun {
  return new SyncRun(
    id,
    school.id,
    'csv',
    'full',
    'running',
    'waiting',
    0,
    emptyTally(),
    null,
    by,
    startedAt,
    startedAt,
    null,
  );
}
