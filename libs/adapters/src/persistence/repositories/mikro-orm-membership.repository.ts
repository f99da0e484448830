import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  Membership,
  MembershipRepository,
  User,
  type MembershipFilter,
  type MembershipWithUser,
} from '@rowan/access';
import type { Page, PageRequest, SchoolId, UserId } from '@rowan/kernel';
import { decodeCursor, toPage } from '../cursor';
import { UNSCOPED } from '../tenant-filter';

@Injectable()
export class MikroOrmMembershipRepository extends MembershipRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  /** Keyed by the user themself: read before the request's tenant scope exists. */
  findCurrentForUser(userId: UserId): Promise<Membership[]> {
    return this.em.find(
      Membership,
      { userId, status: { $ne: 'revoked' } },
      { ...UNSCOPED, orderBy: { id: 'asc' } },
    );
  }

  findInSchool(schoolId: SchoolId, membershipId: string): Promise<Membership | null> {
    return this.em.findOne(Membership, { id: membershipId, schoolId });
  }

  findForUserInScope(userId: UserId, scopeKey: string): Promise<Membership | null> {
    return this.em.findOne(Membership, { userId, scopeKey });
  }

  async listInSchool(
    schoolId: SchoolId,
    filter: MembershipFilter,
    page: PageRequest,
  ): Promise<Page<MembershipWithUser>> {
    const after = decodeCursor(page.cursor);
    const memberships = await this.em.find(
      Membership,
      {
        schoolId,
        ...(filter.roles ? { role: { $in: [...filter.roles] } } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(after ? { id: { $lt: after } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: page.limit + 1 },
    );
    const users = memberships.length
      ? await this.em.find(User, { id: { $in: memberships.map((m) => m.userId) } })
      : [];
    const byId = new Map(users.map((u) => [u.id as string, u]));
    const rows = memberships.flatMap((membership) => {
      const user = byId.get(membership.userId);
      return user ? [{ membership, user }] : [];
    });
    return toPage(rows, page, (row) => row.membership.id);
  }

  add(membership: Membership): void {
    this.em.persist(membership);
  }
}
