import { Injectable } from '@nestjs/common';
import { roleGrants, type Actor } from '@rowan/access';
import { NotFound, type Page, type PageRequest, type SchoolId, type TrustId } from '@rowan/kernel';
import { SchoolRepository } from '../ports/school.repository';
import { TrustRepository } from '../ports/trust.repository';
import { toSchoolView, type SchoolView } from '../views';

/** A trust's schools: all of them for operators and trust-wide roles, otherwise the schools where the actor works. */
@Injectable()
export class ListSchoolsUseCase {
  constructor(
    private readonly trusts: TrustRepository,
    private readonly schools: SchoolRepository,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly trustId: TrustId;
    readonly page: PageRequest;
  }): Promise<Page<SchoolView>> {
    const { actor, trustId } = input;
    const here = actor.memberships.filter((m) => m.trustId === trustId && roleGrants(m.role, 'schools:read'));
    const wholeTrust = actor.operator || here.some((m) => m.schoolId === null);
    const only: SchoolId[] = here.flatMap((m) => (m.schoolId ? [m.schoolId] : []));
    if ((!wholeTrust && only.length === 0) || !(await this.trusts.findById(trustId))) {
      throw new NotFound('Trust');
    }
    const page = await this.schools.listInTrust(trustId, wholeTrust ? undefined : only, input.page);
    return { items: page.items.map(toSchoolView), nextCursor: page.nextCursor };
  }
}
