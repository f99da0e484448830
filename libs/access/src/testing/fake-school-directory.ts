import type { SchoolId, TrustId } from '@rowan/kernel';
import { SchoolDirectory, type SchoolRef, type TrustRef } from '../application/ports/school-directory';

/** The trusts and schools the directory context would answer with. */
export class FakeSchoolDirectory extends SchoolDirectory {
  private readonly trusts = new Map<string, TrustRef>();
  private readonly schools = new Map<string, SchoolRef>();

  addTrust(trust: TrustRef): TrustRef {
    this.trusts.set(trust.id, trust);
    return trust;
  }

  addSchool(school: SchoolRef): SchoolRef {
    this.schools.set(school.id, school);
    return school;
  }

  findSchool(id: SchoolId): Promise<SchoolRef | null> {
    return Promise.resolve(this.schools.get(id) ?? null);
  }

  findTrust(id: TrustId): Promise<TrustRef | null> {
    return Promise.resolve(this.trusts.get(id) ?? null);
  }

  schoolsOf(trustIds: readonly TrustId[]): Promise<SchoolRef[]> {
    const schools = [...this.schools.values()].filter((s) => trustIds.includes(s.trustId));
    return Promise.resolve(schools.sort((a, b) => a.name.localeCompare(b.name)));
  }

  describe(
    schoolIds: readonly SchoolId[],
    trustIds: readonly TrustId[],
  ): Promise<{ schools: SchoolRef[]; trusts: TrustRef[] }> {
    return Promise.resolve({
      schools: [...this.schools.values()].filter((s) => schoolIds.includes(s.id)),
      trusts: [...this.trusts.values()].filter((t) => trustIds.includes(t.id)),
    });
  }
}
