import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { PupilDirectory, type GroupFilter, type GroupSummary } from '../ports/pupil-directory';
import { SchoolRepository } from '../ports/school.repository';
import { schoolFor } from '../school-scope';

/** The school's classes and groups (registration, year, teaching, houses…), for pickers and audiences. */
@Injectable()
export class ListGroupsUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly directory: PupilDirectory,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly filter: GroupFilter;
    readonly page: PageRequest;
  }): Promise<Page<GroupSummary>> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:read');
    const search = input.filter.search?.trim() || undefined;
    return this.directory.listGroups(school.id, { kind: input.filter.kind, search }, input.page);
  }
}
