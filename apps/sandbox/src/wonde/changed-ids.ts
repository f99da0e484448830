/**
 * Which records a control action touched, by the Wonde endpoint a delta sync would see them on:
 * `students`/`contacts`/`employees`/`groups`/`classes` (updated_at bumped), `leavers` (now listed by
 * `students-leaver`, gone from `students`) and `deletions` (ids of the deleted records).
 */
export interface ChangedIds {
  readonly students: string[];
  readonly contacts: string[];
  readonly employees: string[];
  readonly groups: string[];
  readonly classes: string[];
  readonly leavers: string[];
  readonly deletions: string[];
}

export type ChangedKind = keyof ChangedIds;

export const CHANGED_KINDS: readonly ChangedKind[] = [
  'students',
  'contacts',
  'employees',
  'groups',
  'classes',
  'leavers',
  'deletions',
];

export function emptyChangedIds(): ChangedIds {
  return { students: [], contacts: [], employees: [], groups: [], classes: [], leavers: [], deletions: [] };
}

/** Collects ids without duplicates, in first-touched order; also into `parent` (the running total). */
export class ChangeRecorder {
  private readonly sets = new Map<ChangedKind, Set<string>>(CHANGED_KINDS.map((kind) => [kind, new Set()]));

  constructor(private readonly parent?: ChangeRecorder) {}

  add(kind: ChangedKind, ...ids: readonly string[]): void {
    const set = this.sets.get(kind) as Set<string>;
    ids.forEach((id) => set.add(id));
    this.parent?.add(kind, ...ids);
  }

  /** A record that left a list (deleted, or became a leaver) no longer counts as merely updated there. */
  forget(kind: ChangedKind, id: string): void {
    this.sets.get(kind)?.delete(id);
    this.parent?.forget(kind, id);
  }

  snapshot(): ChangedIds {
    const out = emptyChangedIds();
    CHANGED_KINDS.forEach((kind) => out[kind].push(...(this.sets.get(kind) as Set<string>)));
    return out;
  }

  clear(): void {
    this.sets.forEach((set) => set.clear());
  }
}
