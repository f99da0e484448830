import {
  InMemoryTable,
  byIdDescending,
  decodeCursor,
  isAfterCursor,
  toPage,
  type InMemoryUnitOfWork,
} from '@rowan/access/testing';
import type { Page, PageRequest, TrustId } from '@rowan/kernel';
import { TrustRepository } from '../application/ports/trust.repository';
import type { Trust } from '../domain/trust';

export class InMemoryTrustRepository extends TrustRepository {
  private readonly table: InMemoryTable<Trust>;

  constructor(uow: InMemoryUnitOfWork) {
    super();
    this.table = new InMemoryTable<Trust>(uow);
  }

  findById(id: TrustId): Promise<Trust | null> {
    return Promise.resolve(this.table.selectOne((t) => t.id === id));
  }

  findByIds(ids: readonly TrustId[]): Promise<Trust[]> {
    return Promise.resolve(this.table.select((t) => ids.includes(t.id)));
  }

  list(ids: readonly TrustId[] | undefined, page: PageRequest): Promise<Page<Trust>> {
    const after = decodeCursor(page.cursor);
    const trusts = this.table.select(
      (t) => (ids === undefined || ids.includes(t.id)) && isAfterCursor(t.id, after),
      byIdDescending,
      page.limit + 1,
    );
    return Promise.resolve(toPage(trusts, page, (t) => t.id));
  }

  add(trust: Trust): void {
    this.table.stage(trust);
  }

  seed(...trusts: Trust[]): void {
    trusts.forEach((t) => this.table.seed(t));
  }

  committed(): Trust[] {
    return this.table.rows();
  }
}
