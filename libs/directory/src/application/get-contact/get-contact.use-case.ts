import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { NotFound, type SchoolId } from '@rowan/kernel';
import { PupilDirectory, type ContactDetail } from '../ports/pupil-directory';
import { SchoolRepository } from '../ports/school.repository';
import { schoolFor } from '../school-scope';

/** A contact with their channels and the children they are a contact of, at this school. */
@Injectable()
export class GetContactUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly directory: PupilDirectory,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly contactId: string;
  }): Promise<ContactDetail> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:read');
    const contact = await this.directory.contactDetail(school.id, input.contactId);
    if (!contact) {
      throw new NotFound('Contact');
    }
    return contact;
  }
}
