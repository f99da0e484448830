import {
  InMemoryTable,
  byIdDescending,
  decodeCursor,
  isAfterCursor,
  toPage,
  type InMemoryUnitOfWork,
} from '@rowan/access/testing';
import type { Page, PageRequest, SchoolId, TrustId } from '@rowan/kernel';
import { SchoolRepository } from '../application/ports/school.repository';
import type { School } from '../domain/school';

/** Schools as the `schools` table keeps them: a URN is unique across the platform. */
export class InMemorySchoolRepository extends SchoolRepository {
  private readonly table: InMemoryTable<School>;

  constructor(uow: InMemoryUnitOfWork) {
    super();
    this.table = new InMemoryTable<School>(uow, [{ name: 'schools_urn_unique', of: (s) => s.urn }]);
  }

  findById(id: SchoolId): Promise<School | null> {
    return Promise.resolve(this.table.selectOne((s) => s.id === id));
  }

  findByIds(ids: readonly SchoolId[]): Promise<School[]> {
    return Promise.resolve(this.table.select((s) => ids.includes(s.id)));
  }

  findByUrn(urn: string): Promise<School | null> {
    return Promise.resolve(this.table.selectOne((s) => s.urn === urn));
  }

  listInTrusts(trustIds: readonly TrustId[]): Promise<School[]> {
    return Promise.resolve(
      this.table.select(
        (s) => trustIds.includes(s.trustId),
        (a, b) => a.name.localeCompare(b.name),
      ),
    );
  }

  listInTrust(
    trustId: TrustId,
    only: readonly SchoolId[] | undefined,
    page: PageRequest,
  ): Promise<Page<School>> {
    const after = decodeCursor(page.cursor);
    const schools = this.table.select(
      (s) =>
        s.trustId === trustId && (only === undefined || only.includes(s.id)) && isAfterCursor(s.id, after),
      byIdDescending,
      page.limit + 1,
    );
    return Promise.resolve(toPage(schools, page, (s) => s.id));
  }

  add(school: School): void {
    this.table.stage(school);
  }

  seed(...schools: School[]): void {
    schools.forEach((s) => this.table.seed(s));
  }

  committed(): School[] {
    return this.table.rows();
  }
}
