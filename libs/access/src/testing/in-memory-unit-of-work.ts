import { DomainError, UnitOfWork } from '@rowan/kernel';

/** A fake store taking part in a unit of work: its staged changes are checked, then written, all together. */
export interface UnitParticipant {
  /** Throws if writing the staged changes would break a unique key (as the database would on flush). */
  check(): void;
  /** Makes the staged changes visible to later reads. */
  apply(): void;
  /** Forgets the staged changes. */
  discard(): void;
}

/** What the real unit of work reports when a unique key refuses a write (`KERNEL.CONCURRENT_CHANGE`). */
export class UniqueKeyViolated extends DomainError {
  readonly code = 'KERNEL.CONCURRENT_CHANGE';
  readonly kind = 'conflict';
}

/**
 * "One use case, one commit", in memory. Repositories stage what a use case adds or changes; only `commit()`
 * makes it visible, atomically, so a use case that throws before committing leaves nothing behind.
 *
 * Like a request's entity manager, staged changes live until the next commit. A test that runs a second use
 * case after one that failed calls `rollback()` first, as a new request would start with a fresh one.
 */
export class InMemoryUnitOfWork extends UnitOfWork {
  private readonly participants: UnitParticipant[] = [];
  private nextFailure: Error | null = null;
  private committed = 0;

  /** How many commits succeeded. */
  get commits(): number {
    return this.committed;
  }

  enlist(participant: UnitParticipant): void {
    this.participants.push(participant);
  }

  /** The next commit throws this error and stores nothing (as a failed flush rolls back the transaction). */
  failNextCommit(error: Error = new Error('The database went away')): void {
    this.nextFailure = error;
  }

  commit(): Promise<void> {
    try {
      if (this.nextFailure) {
        const failure = this.nextFailure;
        this.nextFailure = null;
        throw failure;
      }
      this.participants.forEach((p) => p.check());
    } catch (error) {
      this.rollback();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.participants.forEach((p) => p.apply());
    this.committed += 1;
    return Promise.resolve();
  }

  /**
   * Runs the work and commits; if the work throws, what it staged is thrown away. (Fakes that write at once, such
   * as the in-memory directory sync store, are not rolled back: the real transaction is proven against MariaDB.)
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await work();
    } catch (error) {
      this.rollback();
      throw error;
    }
    await this.commit();
    return result;
  }

  /** Throws away everything staged since the last commit. */
  rollback(): void {
    this.participants.forEach((p) => p.discard());
  }
}
