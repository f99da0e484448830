import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { NotFound, type Page, type PageRequest, type SchoolId } from '@rowan/kernel';
import {
  PupilDirectory,
  type PupilDetail,
  type PupilFilter,
  type PupilSummary,
} from '../ports/pupil-directory';
import { SchoolRepository } from '../ports/school.repository';
import { schoolFor } from '../school-scope';

@Injectable()
export class ListPupilsUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly pupils: PupilDirectory,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly filter: PupilFilter;
    readonly page: PageRequest;
  }): Promise<Page<PupilSummary>> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:read');
    return this.pupils.list(school.id, input.filter, input.page);
  }
}

@Injectable()
export class GetPupilUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly pupils: PupilDirectory,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly pupilId: string;
  }): Promise<PupilDetail> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:read');
    const pupil = await this.pupils.detail(school.id, input.pupilId);
    if (!pupil) {
      throw new NotFound('Pupil');
    }
    return pupil;
  }
}
