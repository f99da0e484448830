import type { Page, PageRequest, SchoolId, UserId } from '@rowan/kernel';
import {
  MembershipRepository,
  type MembershipFilter,
  type MembershipWithUser,
} from '../application/ports/membership.repository';
import type { Membership } from '../domain/membership';
import { InMemoryTable, byIdAscending, byIdDescending } from './in-memory-table';
import type { InMemoryUnitOfWork } from './in-memory-unit-of-work';
import type { InMemoryUserRepository } from './in-memory-user.repository';
import { decodeCursor, isAfterCursor, toPage } from './keyset-page';

/** Memberships as the `memberships` table keeps them: one per (user, school or trust). */
export class InMemoryMembershipRepository extends MembershipRepository {
  private readonly table: InMemoryTable<Membership>;

  constructor(
    uow: InMemoryUnitOfWork,
    private readonly users: InMemoryUserRepository,
  ) {
    super();
    this.table = new InMemoryTable<Membership>(uow, [
      { name: 'memberships_user_scope_unique', of: (m) => `${m.userId}/${m.scopeKey}` },
    ]);
  }

  findCurrentForUser(userId: UserId): Promise<Membership[]> {
    return Promise.resolve(
      this.table.select((m) => m.userId === userId && m.status !== 'revoked', byIdAscending),
    );
  }

  findInSchool(schoolId: SchoolId, membershipId: string): Promise<Membership | null> {
    return Promise.resolve(this.table.selectOne((m) => m.id === membershipId && m.schoolId === schoolId));
  }

  findForUserInScope(userId: UserId, scopeKey: string): Promise<Membership | null> {
    return Promise.resolve(this.table.selectOne((m) => m.userId === userId && m.scopeKey === scopeKey));
  }

  listInSchool(
    schoolId: SchoolId,
    filter: MembershipFilter,
    page: PageRequest,
  ): Promise<Page<MembershipWithUser>> {
    const after = decodeCursor(page.cursor);
    const memberships = this.table.select(
      (m) =>
        m.schoolId === schoolId &&
        (filter.roles === undefined || filter.roles.includes(m.role)) &&
        (filter.status === undefined || m.status === filter.status) &&
        isAfterCursor(m.id, after),
      byIdDescending,
      page.limit + 1,
    );
    const users = new Map(
      this.users.findManyByIds(memberships.map((m) => m.userId)).map((u) => [u.id as string, u]),
    );
    const rows = memberships.flatMap((membership) => {
      const user = users.get(membership.userId);
      return user ? [{ membership, user }] : [];
    });
    return Promise.resolve(toPage(rows, page, (row) => row.membership.id));
  }

  add(membership: Membership): void {
    this.table.stage(membership);
  }

  seed(...memberships: Membership[]): void {
    memberships.forEach((m) => this.table.seed(m));
  }

  committed(): Membership[] {
    return this.table.rows();
  }

  committedById(id: string): Membership | undefined {
    return this.table.row(id);
  }
}
