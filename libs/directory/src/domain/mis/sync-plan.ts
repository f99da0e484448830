/** What is already stored for one MIS record: enough to tell new, changed and unchanged apart. */
export interface StoredFingerprint {
  readonly id: string;
  readonly fingerprint: string;
  readonly active: boolean;
}

export interface Incoming<T> {
  readonly record: T;
  readonly fingerprint: string;
}

export interface SyncPlan<T> {
  /** New or changed records, with the Rowan id to write under. */
  readonly writes: ReadonlyArray<{ readonly id: string; readonly record: T; readonly isNew: boolean }>;
  readonly unchanged: number;
}

/**
 * Decides what to write: a record is written when it is new, its fingerprint differs, or it had left and is
 * back. Unchanged records are not touched, which is what makes an unchanged re-sync cheap.
 */
export function planWrites<T extends { readonly misId: string }>(
  incoming: readonly Incoming<T>[],
  stored: ReadonlyMap<string, StoredFingerprint>,
  newId: () => string,
): SyncPlan<T> {
  const writes: Array<{ id: string; record: T; isNew: boolean }> = [];
  let unchanged = 0;
  for (const { record, fingerprint } of incoming) {
    const known = stored.get(record.misId);
    if (!known) {
      writes.push({ id: newId(), record, isNew: true });
    } else if (known.fingerprint !== fingerprint || !known.active) {
      writes.push({ id: known.id, record, isNew: false });
    } else {
      unchanged++;
    }
  }
  return { writes, unchanged };
}

/** After a full read: active records the MIS no longer sends. */
export function missingFrom(
  seen: ReadonlySet<string>,
  stored: ReadonlyMap<string, StoredFingerprint>,
): string[] {
  const gone: string[] = [];
  for (const [misId, known] of stored) {
    if (known.active && !seen.has(misId)) {
      gone.push(misId);
    }
  }
  return gone;
}
