import { Injectable } from '@nestjs/common';
import { NotFound, type Page, type PageRequest, type SchoolId } from '@rowan/kernel';
import type { Actor } from '../../domain/actor';
import { authorize } from '../../domain/authorize';
import { AuditLog, type AuditFilter, type AuditRecordWithActor } from '../ports/audit-trail';
import { SchoolDirectory } from '../ports/school-directory';

export interface ListAuditRecordsInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly filter: AuditFilter;
  readonly page: PageRequest;
}

@Injectable()
export class ListAuditRecordsUseCase {
  constructor(
    private readonly directory: SchoolDirectory,
    private readonly log: AuditLog,
  ) {}

  async execute(input: ListAuditRecordsInput): Promise<Page<AuditRecordWithActor>> {
    const school = await this.directory.findSchool(input.schoolId);
    if (!school) {
      throw new NotFound('School');
    }
    authorize(input.actor, 'audit:read', { trustId: school.trustId, schoolId: school.id });
    return this.log.listForSchool(school.id, input.filter, input.page);
  }
}
