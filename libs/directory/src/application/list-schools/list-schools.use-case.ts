import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { NotFound, type Page, type PageRequest, type TrustId } from '@rowan/kernel';
import { SchoolRepository } from '../ports/school.repository';
import { toSchoolView, type SchoolView } from '../views';

/** A trust's schools: all of them for trust-wide roles, otherwise the schools where the actor works. */
@Injectable()
export class ListSchoolsUseCase {
  constructor(private readonly schools: SchoolRepository) {}

  async execute(input: { readonly actor: Actor; readonly trustId: TrustId; readonly page: PageRequest }): Promise<Page<SchoolView>> {
    const { actor, trustId } = input;
    if (!actor.canSee({ trustId }) && !actor.memberships.some((m) => m.trustId === trustId)) {
      throw new NotFound('Trust');
    }
    const wholeTrust = actor.operator || actor.trustsWhere('schools:read').includes(trustId);
    const only = wholeTrust ? undefined : actor.schoolsWhere('schools:read');
    if (only && only.length === 0) {
      throw new NotFound('Trust');
    }
    const page = await this.schools.listInTrust(trustId, only, input.page);
    return { items: page.items.map(toSchoolView), nextCursor: page.nextCursor };
  }
}
