import type { Page, PageRequest, TrustId } from '@rowan/kernel';
import type { Trust } from '../../domain/trust';

export abstract class TrustRepository {
  abstract findById(id: TrustId): Promise<Trust | null>;
  abstract findByIds(ids: readonly TrustId[]): Promise<Trust[]>;
  /** All trusts when `ids` is undefined (operators), else only those. */
  abstract list(ids: readonly TrustId[] | undefined, page: PageRequest): Promise<Page<Trust>>;
  abstract add(trust: Trust): void;
}
