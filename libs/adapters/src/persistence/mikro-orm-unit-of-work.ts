import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { DomainError, UnitOfWork } from '@rowan/kernel';

export class ConcurrentChange extends DomainError {
  readonly code = 'KERNEL.CONCURRENT_CHANGE';
  readonly kind = 'conflict';
}

/** Flushes the request's (or job's) entity manager: all of a use case's changes in one transaction. */
@Injectable()
export class MikroOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async commit(): Promise<void> {
    await this.translating(() => this.em.flush());
  }

  /** `em.transactional` forks the entity manager for the callback (the injected one resolves to the fork). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.translating(() => this.em.transactional(() => work()));
  }

  private async translating<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConcurrentChange(
          'Someone else made the same change at the same time; reload and try again',
        );
      }
      throw error;
    }
  }
}
