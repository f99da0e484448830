import { Injectable } from '@nestjs/common';
import { SchoolDirectory, type SchoolRef, type TrustRef } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import type { SchoolId, TrustId } from '@rowan/kernel';

/** Access asks the directory context, through its public API, what trusts and schools there are. */
@Injectable()
export class DirectorySchoolDirectory extends SchoolDirectory {
  constructor(private readonly catalogue: SchoolCatalogue) {
    super();
  }

  findSchool(id: SchoolId): Promise<SchoolRef | null> {
    return this.catalogue.school(id);
  }

  findTrust(id: TrustId): Promise<TrustRef | null> {
    return this.catalogue.trust(id);
  }

  schoolsOf(trustIds: readonly TrustId[]): Promise<SchoolRef[]> {
    return this.catalogue.schoolsOf(trustIds);
  }

  describe(
    schoolIds: readonly SchoolId[],
    trustIds: readonly TrustId[],
  ): Promise<{ schools: SchoolRef[]; trusts: TrustRef[] }> {
    return this.catalogue.describe(schoolIds, trustIds);
  }
}
