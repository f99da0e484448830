import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { DirectoryImport, DirectoryImportRepository } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';

/** Uploads, with their records (a lazy column, megabytes for a large school) loaded only to be applied. */
@Injectable()
export class MikroOrmDirectoryImportRepository extends DirectoryImportRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findForSchool(schoolId: SchoolId, id: string, withRecords = false): Promise<DirectoryImport | null> {
    return this.em.findOne(DirectoryImport, { id, schoolId }, withRecords ? { populate: ['records'] } : {});
  }

  add(upload: DirectoryImport): void {
    this.em.persist(upload);
  }

  async holdSchool(schoolId: SchoolId): Promise<void> {
    await this.em
      .getConnection()
      .execute(
        'select id from schools where id = ? for update',
        [schoolId],
        'all',
        this.em.getTransactionContext(),
      );
  }

  deleteExpired(now: Date): Promise<number> {
    return this.em.nativeDelete(
      DirectoryImport,
      { status: 'previewed', expiresAt: { $lte: now } },
      { filters: false },
    );
  }
}
