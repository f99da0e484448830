import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { School, SchoolRepository, Trust, TrustRepository } from '@rowan/directory';
import type { Page, PageRequest, SchoolId, TrustId } from '@rowan/kernel';
import { decodeCursor, toPage } from '../cursor';
import { UNSCOPED } from '../tenant-filter';

@Injectable()
export class MikroOrmTrustRepository extends TrustRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findById(id: TrustId): Promise<Trust | null> {
    return this.em.findOne(Trust, { id });
  }

  findByIds(ids: readonly TrustId[]): Promise<Trust[]> {
    return this.em.find(Trust, { id: { $in: [...ids] } });
  }

  async list(ids: readonly TrustId[] | undefined, page: PageRequest): Promise<Page<Trust>> {
    const after = decodeCursor(page.cursor);
    const trusts = await this.em.find(
      Trust,
      { $and: [ids ? { id: { $in: [...ids] } } : {}, after ? { id: { $lt: after as TrustId } } : {}] },
      { orderBy: { id: 'desc' }, limit: page.limit + 1 },
    );
    return toPage(trusts, page, (t) => t.id);
  }

  add(trust: Trust): void {
    this.em.persist(trust);
  }
}

@Injectable()
export class MikroOrmSchoolRepository extends SchoolRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  /** A lookup by id to learn a school's trust; the use case authorises the actor against it. */
  findById(id: SchoolId): Promise<School | null> {
    return this.em.findOne(School, { id }, UNSCOPED);
  }

  findByIds(ids: readonly SchoolId[]): Promise<School[]> {
    return this.em.find(School, { id: { $in: [...ids] } }, UNSCOPED);
  }

  /** URNs are unique across the platform, whoever holds them. */
  findByUrn(urn: string): Promise<School | null> {
    return this.em.findOne(School, { urn }, UNSCOPED);
  }

  listInTrusts(trustIds: readonly TrustId[]): Promise<School[]> {
    return this.em.find(
      School,
      { trustId: { $in: [...trustIds] } },
      { ...UNSCOPED, orderBy: { name: 'asc' } },
    );
  }

  async listInTrust(
    trustId: TrustId,
    only: readonly SchoolId[] | undefined,
    page: PageRequest,
  ): Promise<Page<School>> {
    const after = decodeCursor(page.cursor);
    const schools = await this.em.find(
      School,
      {
        trustId,
        $and: [only ? { id: { $in: [...only] } } : {}, after ? { id: { $lt: after as SchoolId } } : {}],
      },
      { orderBy: { id: 'desc' }, limit: page.limit + 1 },
    );
    return toPage(schools, page, (s) => s.id);
  }

  add(school: School): void {
    this.em.persist(school);
  }
}
