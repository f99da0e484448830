import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { Clock, type SchoolId } from '@rowan/kernel';
import { DirectoryImportRepository } from '../ports/directory-imports';
import { SchoolRepository } from '../ports/school.repository';
import { schoolFor } from '../school-scope';
import { UploadNotFound, toDirectoryImportView, type DirectoryImportView } from './directory-import.view';

/** One upload: its preview, and once applied, the sync it became. */
@Injectable()
export class GetDirectoryImportUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly imports: DirectoryImportRepository,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly importId: string;
  }): Promise<DirectoryImportView> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:read');
    const upload = await this.imports.findForSchool(school.id, input.importId);
    if (!upload) {
      throw UploadNotFound();
    }
    return toDirectoryImportView(upload);
  }
}

/** Hourly: uploads never applied are forgotten once they expire, as their records are personal data. */
@Injectable()
export class ForgetExpiredUploadsUseCase {
  constructor(
    private readonly imports: DirectoryImportRepository,
    private readonly clock: Clock,
  ) {}

  execute(): Promise<number> {
    return this.imports.deleteExpired(this.clock.now());
  }
}
