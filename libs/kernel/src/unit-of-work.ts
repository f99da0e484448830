/**
 * Commits what a use case changed, atomically. A use case calls `commit()` once, at its end
 * ("one use case, one flush"): either everything it did is stored, or nothing is.
 */
export abstract class UnitOfWork {
  abstract commit(): Promise<void>;
}
