import type { SchoolId } from '@rowan/kernel';
import {
  SAMPLE_SIZE,
  emptyChange,
  type ImportChange,
  type ImportPreview,
} from '../../domain/directory-import';
import type { MisContact, MisPupil, MisStaffMember } from '../../domain/mis/mis-records';
import type { StoredFingerprint } from '../../domain/mis/sync-plan';
import {
  DirectorySyncStore,
  type DirectoryKind,
  type PupilWrite,
  type Write,
} from '../ports/directory-sync.store';

type Samples = ImportChange['samples'];

/**
 * A directory store that reads the real one and writes nothing: a sync pass run over it says what it would add,
 * change and mark as left, by name, without changing the directory.
 */
export class PreviewStore extends DirectorySyncStore {
  readonly samples: Record<keyof ImportPreview, Samples> = {
    pupils: emptyChange().samples,
    contacts: emptyChange().samples,
    staff: emptyChange().samples,
  };
  /** The stored state as first read: the pass updates the maps it is given as it goes. */
  private readonly stored = new Map<DirectoryKind, ReadonlyMap<string, StoredFingerprint>>();

  constructor(private readonly real: DirectorySyncStore) {
    super();
  }

  async fingerprints(schoolId: SchoolId, kind: DirectoryKind): Promise<Map<string, StoredFingerprint>> {
    const prints = await this.real.fingerprints(schoolId, kind);
    this.stored.set(kind, new Map(prints));
    return prints;
  }

  names(schoolId: SchoolId, kind: DirectoryKind, misIds: readonly string[]): Promise<Map<string, string>> {
    return this.real.names(schoolId, kind, misIds);
  }

  writeGroups(): Promise<void> {
    return Promise.resolve();
  }

  writeContacts(_schoolId: SchoolId, writes: readonly Write<MisContact>[]): Promise<void> {
    this.note(this.samples.contacts, writes, (c) => `${c.forename} ${c.surname}`);
    return Promise.resolve();
  }

  writePupils(_schoolId: SchoolId, writes: readonly PupilWrite[]): Promise<void> {
    this.note(this.samples.pupils, writes, (p: MisPupil) => `${p.preferredForename} ${p.preferredSurname}`);
    return Promise.resolve();
  }

  writeStaff(_schoolId: SchoolId, writes: readonly Write<MisStaffMember>[]): Promise<void> {
    this.note(this.samples.staff, writes, (s) => `${s.forename} ${s.surname}`);
    return Promise.resolve();
  }

  async markPupilsLeft(schoolId: SchoolId, leavers: ReadonlyMap<string, string | null>): Promise<number> {
    return this.leaving(schoolId, 'pupil', [...leavers.keys()], this.samples.pupils);
  }

  async deactivate(
    schoolId: SchoolId,
    kind: 'contact' | 'staff' | 'group',
    misIds: readonly string[],
  ): Promise<number> {
    const samples = kind === 'contact' ? this.samples.contacts : kind === 'staff' ? this.samples.staff : null;
    return this.leaving(schoolId, kind, misIds, samples);
  }

  /** Of these, the ones active now would leave: counts them, and names the first few. */
  private async leaving(
    schoolId: SchoolId,
    kind: DirectoryKind,
    misIds: readonly string[],
    samples: Samples | null,
  ): Promise<number> {
    const stored = this.stored.get(kind) ?? (await this.fingerprints(schoolId, kind));
    const active = misIds.filter((misId) => stored.get(misId)?.active);
    if (samples) {
      const room = SAMPLE_SIZE - samples.left.length;
      const names = await this.real.names(schoolId, kind, active.slice(0, Math.max(room, 0)));
      samples.left.push(...names.values());
    }
    return active.length;
  }

  private note<T>(samples: Samples, writes: readonly Write<T>[], name: (record: T) => string): void {
    for (const w of writes) {
      const list = w.isNew ? samples.added : samples.changed;
      if (list.length < SAMPLE_SIZE) {
        list.push(name(w.record));
      }
    }
  }
}
