import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, IdGenerator, UnitOfWork, ValidationFailed, ukDate, type SchoolId } from '@rowan/kernel';
import { DirectoryImport, type ImportFile } from '../../domain/directory-import';
import { SchoolRepository } from '../ports/school.repository';
import { DirectoryFileReader, DirectoryImportRepository, type ImportFiles } from '../ports/directory-imports';
import { MisConnectionRepository, SyncRunRepository } from '../ports/sync-run.repository';
import { toDirectoryImportView, uploadingSchoolFor, type DirectoryImportView } from './directory-import.view';
import { DirectoryImportPass } from './import-pass';

const KEPT_FOR_MS = 24 * 3600_000;

/**
 * Staff upload the school's pupils and contacts, staff, or all three, as CSV. The files are checked against the
 * templates (every fault named by line and column) and previewed against the directory; nothing in the directory
 * changes until the upload is applied.
 */
@Injectable()
export class UploadDirectoryFilesUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly connections: MisConnectionRepository,
    private readonly reader: DirectoryFileReader,
    private readonly pass: DirectoryImportPass,
    private readonly runs: SyncRunRepository,
    private readonly imports: DirectoryImportRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly files: ImportFiles;
  }): Promise<DirectoryImportView> {
    const school = await uploadingSchoolFor(this.schools, this.connections, input.actor, input.schoolId);
    const files = checkedFiles(input.files);
    const now = this.clock.now();
    const records = this.reader.read(input.files, ukDate(now));
    const basis = await this.runs.lastSucceededForSchool(school.id);
    const preview = await this.pass.preview(school.id, records);
    const upload = new DirectoryImport(
      this.ids.next(),
      school.id,
      'previewed',
      files,
      records,
      preview,
      basis?.id ?? null,
      input.actor.userId,
      now,
      new Date(now.getTime() + KEPT_FOR_MS),
    );
    this.imports.add(upload);
    this.audit.record(input.actor.userId, {
      action: 'directory.import_uploaded',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'directory_import',
      targetId: upload.id,
      summary: `Uploaded ${files.join(', ')} for ${school.name} (not applied yet)`,
      after: { files, pupils: preview.pupils.added + preview.pupils.changed + preview.pupils.unchanged },
    });
    await this.uow.commit();
    return toDirectoryImportView(upload);
  }
}

/** Pupils need their contacts and contacts their pupils; staff stand alone; an upload has at least one file. */
function checkedFiles(files: ImportFiles): ImportFile[] {
  const given = (['pupils', 'contacts', 'staff'] as const).filter((f) => files[f] !== undefined);
  const errors = [];
  if (given.length === 0) {
    errors.push({ field: 'pupils', message: 'Upload pupils and contacts, staff, or all three' });
  }
  if (files.pupils !== undefined && files.contacts === undefined) {
    errors.push({ field: 'contacts', message: 'Pupils are uploaded with their contacts: add contacts.csv' });
  }
  if (files.contacts !== undefined && files.pupils === undefined) {
    errors.push({ field: 'pupils', message: 'Contacts are uploaded with their pupils: add pupils.csv' });
  }
  if (errors.length) {
    throw new ValidationFailed('The upload is missing a file', errors);
  }
  return given;
}
