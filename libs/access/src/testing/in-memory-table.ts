import type { InMemoryUnitOfWork, UnitParticipant } from './in-memory-unit-of-work';
import { UniqueKeyViolated } from './in-memory-unit-of-work';

export interface UniqueKey<T> {
  readonly name: string;
  /** The key's value for a row; null takes no part (as NULLs in a unique index). */
  readonly of: (row: T) => string | null;
}

export type Order<T> = (a: T, b: T) => number;

export const byIdAscending: Order<{ readonly id: string }> = (a, b) => compare(a.id, b.id);
/** Newest first: ids are time-ordered. */
export const byIdDescending: Order<{ readonly id: string }> = (a, b) => compare(b.id, a.id);

/**
 * One table of a fake database. Queries run against committed rows only; what they return is managed
 * (one object per row until the next commit, like an identity map) and written back on commit, changes included.
 */
export class InMemoryTable<T extends { readonly id: string }> implements UnitParticipant {
  private readonly committed = new Map<string, T>();
  private readonly managed = new Map<string, T>();

  constructor(
    uow: InMemoryUnitOfWork,
    private readonly uniqueKeys: readonly UniqueKey<T>[] = [],
  ) {
    uow.enlist(this);
  }

  select(where: (row: T) => boolean, order?: Order<T>, limit?: number): T[] {
    const rows = [...this.committed.values()].filter(where);
    if (order) {
      rows.sort(order);
    }
    return rows.slice(0, limit ?? rows.length).map((row) => this.manage(row));
  }

  selectOne(where: (row: T) => boolean): T | null {
    return this.select(where, byIdAscending, 1)[0] ?? null;
  }

  /** Stages a new row; it is stored on commit. */
  stage(row: T): void {
    this.managed.set(row.id, row);
  }

  /** Stores a row directly, as test data that was already there. */
  seed(row: T): void {
    this.committed.set(row.id, clone(row));
  }

  /** Copies of the committed rows, for assertions. */
  rows(): T[] {
    return [...this.committed.values()].map(clone);
  }

  row(id: string): T | undefined {
    const row = this.committed.get(id);
    return row ? clone(row) : undefined;
  }

  check(): void {
    const after = new Map(this.committed);
    this.managed.forEach((row, id) => after.set(id, row));
    for (const key of this.uniqueKeys) {
      const seen = new Set<string>();
      for (const row of after.values()) {
        const value = key.of(row);
        if (value !== null && seen.has(value)) {
          throw new UniqueKeyViolated(`Duplicate entry '${value}' for key '${key.name}'`);
        }
        if (value !== null) {
          seen.add(value);
        }
      }
    }
  }

  apply(): void {
    this.managed.forEach((row, id) => this.committed.set(id, clone(row)));
    this.managed.clear();
  }

  discard(): void {
    this.managed.clear();
  }

  private manage(row: T): T {
    const known = this.managed.get(row.id);
    if (known) {
      return known;
    }
    const copy = clone(row);
    this.managed.set(row.id, copy);
    return copy;
  }
}

/** A shallow copy keeping the class (so methods work) and copying dates. */
export function clone<T extends object>(entity: T): T {
  const copy = Object.create(Object.getPrototypeOf(entity) as object) as Record<string, unknown>;
  for (const [key, value] of Object.entries(entity)) {
    copy[key] = value instanceof Date ? new Date(value.getTime()) : value;
  }
  return copy as T;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
