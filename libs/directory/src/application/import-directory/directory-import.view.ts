import { NotFound, type SchoolId } from '@rowan/kernel';
import type { Actor } from '@rowan/access';
import { DirectoryConflict } from '../../domain/directory.errors';
import type { DirectoryImport } from '../../domain/directory-import';
import type { School } from '../../domain/school';
import type { SchoolRepository } from '../ports/school.repository';
import type { MisConnectionRepository } from '../ports/sync-run.repository';
import { schoolFor } from '../school-scope';

export type DirectoryImportView = Pick<
  DirectoryImport,
  'id' | 'schoolId' | 'status' | 'files' | 'preview' | 'uploadedAt' | 'expiresAt' | 'appliedAt' | 'runId'
>;

export const toDirectoryImportView = (i: DirectoryImport): DirectoryImportView => ({
  id: i.id,
  schoolId: i.schoolId,
  status: i.status,
  files: i.files,
  preview: i.preview,
  uploadedAt: i.uploadedAt,
  expiresAt: i.expiresAt,
  appliedAt: i.appliedAt,
  runId: i.runId,
});

export const UploadNotFound = () => new NotFound('Directory upload', 'DIRECTORY.IMPORT_NOT_FOUND');

/**
 * The school, authorised for directory management, whose directory comes from uploads: a school synced from its
 * MIS through Wonde takes no uploads, as the next sync would undo them.
 */
export async function uploadingSchoolFor(
  schools: SchoolRepository,
  connections: MisConnectionRepository,
  actor: Actor,
  schoolId: SchoolId,
): Promise<School> {
  const school = await schoolFor(schools, actor, schoolId, 'directory:manage');
  if (await connections.findForSchool(school.id)) {
    throw new DirectoryConflict(
      'This school’s directory is synced from its MIS through Wonde; uploads would be undone by the next sync',
      'DIRECTORY.MIS_CONNECTED',
    );
  }
  return school;
}
