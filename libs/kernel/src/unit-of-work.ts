/**
 * Commits what a use case changed, atomically. A use case calls `commit()` once, at its end
 * ("one use case, one flush"): either everything it did is stored, or nothing is.
 */
export abstract class UnitOfWork {
  abstract commit(): Promise<void>;

  /**
   * Runs `work` inside one database transaction and commits what it changed at its end, together with whatever
   * the stores wrote directly (bulk writes) meanwhile: all of it lands, or, if `work` throws, none of it.
   */
  abstract transaction<T>(work: () => Promise<T>): Promise<T>;
}
