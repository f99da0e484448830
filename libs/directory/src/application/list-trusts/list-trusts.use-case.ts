import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import type { Page, PageRequest, TrustId } from '@rowan/kernel';
import { TrustRepository } from '../ports/trust.repository';
import { toTrustView, type TrustView } from '../views';

/** Operators see every trust; anyone else sees the trusts where they hold a trust-wide role. */
@Injectable()
export class ListTrustsUseCase {
  constructor(private readonly trusts: TrustRepository) {}

  async execute(input: { readonly actor: Actor; readonly page: PageRequest }): Promise<Page<TrustView>> {
    const { actor } = input;
    const visible: TrustId[] | undefined = actor.operator ? undefined : actor.trustsWhere('trusts:read');
    const page = await this.trusts.list(visible, input.page);
    return { items: page.items.map(toTrustView), nextCursor: page.nextCursor };
  }
}
