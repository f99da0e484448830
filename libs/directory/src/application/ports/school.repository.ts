import type { Page, PageRequest, SchoolId, TrustId } from '@rowan/kernel';
import type { School } from '../../domain/school';

export abstract class SchoolRepository {
  abstract findById(id: SchoolId): Promise<School | null>;
  abstract findByIds(ids: readonly SchoolId[]): Promise<School[]>;
  abstract findByUrn(urn: string): Promise<School | null>;
  abstract listInTrusts(trustIds: readonly TrustId[]): Promise<School[]>;
  /** The trust's schools, optionally only those named. */
  abstract listInTrust(
    trustId: TrustId,
    only: readonly SchoolId[] | undefined,
    page: PageRequest,
  ): Promise<Page<School>>;
  abstract add(school: School): void;
}
