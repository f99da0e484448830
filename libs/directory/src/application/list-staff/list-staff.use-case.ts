import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { PupilDirectory, type StaffSummary } from '../ports/pupil-directory';
import { SchoolRepository } from '../ports/school.repository';
import { schoolFor } from '../school-scope';

/** The school's staff as the MIS records them (not Rowan's staff accounts: those are memberships). */
@Injectable()
export class ListStaffUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly directory: PupilDirectory,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly search?: string;
    readonly page: PageRequest;
  }): Promise<Page<StaffSummary>> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:read');
    return this.directory.listStaff(school.id, input.search?.trim() || undefined, input.page);
  }
}
