import { Injectable } from '@nestjs/common';
import { DeadlockException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { DomainError, UnitOfWork } from '@rowan/kernel';

export class ConcurrentChange extends DomainError {
  readonly code = 'KERNEL.CONCURRENT_CHANGE';
  readonly kind = 'conflict';
}

const DEADLOCK_ATTEMPTS = 3;

/** Flushes the request's (or job's) entity manager: all of a use case's changes in one transaction. */
@Injectable()
export class MikroOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async commit(): Promise<void> {
    await this.translating(() => this.em.flush());
  }

  /**
   * `em.transactional` forks the entity manager for the callback (the injected one resolves to the fork). A
   * transaction InnoDB picks as a deadlock's victim was rolled back whole, so it runs again from the start, in a
   * fresh fork, up to three times in all (two identical requests racing to lock one new row can deadlock).
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.translating(() => this.em.transactional(() => work()));
      } catch (error) {
        if (!(error instanceof DeadlockException) || attempt >= DEADLOCK_ATTEMPTS) {
          throw error;
        }
      }
    }
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
