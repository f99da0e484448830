import { Injectable } from '@nestjs/common';
import { authorize, type Actor } from '@rowan/access';
import { NotFound, type SchoolId } from '@rowan/kernel';
import { SchoolRepository } from '../ports/school.repository';
import { toSchoolView, type SchoolView } from '../views';

@Injectable()
export class GetSchoolUseCase {
  constructor(private readonly schools: SchoolRepository) {}

  async execute(input: { readonly actor: Actor; readonly schoolId: SchoolId }): Promise<SchoolView> {
    const school = await this.schools.findById(input.schoolId);
    if (!school) {
      throw new NotFound('School');
    }
    authorize(input.actor, 'schools:read', { trustId: school.trustId, schoolId: school.id });
    return toSchoolView(school);
  }
}
