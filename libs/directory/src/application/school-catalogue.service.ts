import { Injectable } from '@nestjs/common';
import { authorize, type Actor, type Permission } from '@rowan/access';
import { NotFound, type SchoolId, type TrustId } from '@rowan/kernel';
import { SchoolRepository } from './ports/school.repository';
import { TrustRepository } from './ports/trust.repository';

export interface SchoolSummary {
  readonly id: SchoolId;
  readonly trustId: TrustId;
  readonly name: string;
  readonly urn: string;
}

export interface TrustSummary {
  readonly id: TrustId;
  readonly name: string;
}

/** The directory's answer to other contexts asking which trust a school belongs to and what things are called. */
@Injectable()
export class SchoolCatalogue {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly trusts: TrustRepository,
  ) {}

  async school(id: SchoolId): Promise<SchoolSummary | null> {
    const school = await this.schools.findById(id);
    return school ? { id: school.id, trustId: school.trustId, name: school.name, urn: school.urn } : null;
  }

  /**
   * The school, if the actor may do this there (for other contexts' use cases): 404 when it is not theirs, 403
   * when their role does not allow it.
   */
  async authorizedSchool(actor: Actor, schoolId: SchoolId, permission: Permission): Promise<SchoolSummary> {
    const school = await this.school(schoolId);
    if (!school) {
      throw new NotFound('School');
    }
    authorize(actor, permission, { trustId: school.trustId, schoolId: school.id });
    return school;
  }

  async trust(id: TrustId): Promise<TrustSummary | null> {
    const trust = await this.trusts.findById(id);
    return trust ? { id: trust.id, name: trust.name } : null;
  }

  async schoolsOf(trustIds: readonly TrustId[]): Promise<SchoolSummary[]> {
    const schools = trustIds.length ? await this.schools.listInTrusts(trustIds) : [];
    return schools.map((s) => ({ id: s.id, trustId: s.trustId, name: s.name, urn: s.urn }));
  }

  async describe(
    schoolIds: readonly SchoolId[],
    trustIds: readonly TrustId[],
  ): Promise<{ schools: SchoolSummary[]; trusts: TrustSummary[] }> {
    const [schools, trusts] = await Promise.all([
      schoolIds.length ? this.schools.findByIds(schoolIds) : Promise.resolve([]),
      trustIds.length ? this.trusts.findByIds(trustIds) : Promise.resolve([]),
    ]);
    return {
      schools: schools.map((s) => ({ id: s.id, trustId: s.trustId, name: s.name, urn: s.urn })),
      trusts: trusts.map((t) => ({ id: t.id, name: t.name })),
    };
  }
}
