import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { ListMyChildrenUseCase } from '@rowan/directory';
import { Guardianship, type OwnChild } from '@rowan/events';

/** A parent's children as the directory's `GET /me/children` decides them. */
@Injectable()
export class DirectoryGuardianship extends Guardianship {
  constructor(private readonly children: ListMyChildrenUseCase) {
    super();
  }

  async childrenOf(actor: Actor): Promise<OwnChild[]> {
    return (await this.children.linked(actor)).map((c) => ({
      id: c.id,
      schoolId: c.schoolId,
      forename: c.preferredForename,
      surname: c.preferredSurname,
      yearGroup: c.yearGroup,
      parentalResponsibility: c.parentalResponsibility,
    }));
  }
}
