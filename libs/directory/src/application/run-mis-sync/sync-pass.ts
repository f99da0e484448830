import { ukDate, type Clock, type IdGenerator, type SchoolId } from '@rowan/kernel';
import type { MisContact, MisGroup, MisPupil, MisStaffMember } from '../../domain/mis/mis-records';
import { missingFrom, planWrites, type StoredFingerprint } from '../../domain/mis/sync-plan';
import type { SyncCounts, SyncPhase, SyncTally } from '../../domain/sync-run';
import type { DirectorySyncStore, PupilWrite } from '../ports/directory-sync.store';
import type { MisDeletion, MisLeaver } from '../ports/mis-source';
import { contactFingerprint, fingerprint, pupilFingerprint } from './fingerprint';

type Prints = Map<string, StoredFingerprint>;

/** Told where a pass has got to: the phase, a percentage for the progress bar, and the tally so far. */
export type PassProgress = (phase: SyncPhase, percent: number, tally: SyncTally) => Promise<void>;

/** The state of one sync while it runs: what is stored, what the MIS has sent so far, and the tally. */
export class SyncPass {
  private readonly prints = new Map<string, Prints>();
  private readonly seenPupils = new Set<string>();
  private readonly seenContacts = new Set<string>();

  constructor(
    private readonly schoolId: SchoolId,
    private readonly store: DirectorySyncStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    readonly tally: SyncTally,
    private readonly progress: PassProgress,
  ) {}

  async groups(pages: AsyncIterable<MisGroup[]>, full: boolean): Promise<void> {
    const prints = await this.load('group');
    const seen = new Set<string>();
    for await (const page of pages) {
      page.forEach((g) => seen.add(g.misId));
      const writes = this.plan(page, (g) => fingerprint(g), prints, this.tally.groups);
      await this.store.writeGroups(this.schoolId, writes, this.clock.now());
    }
    if (full) {
      this.tally.groups.left += await this.store.deactivate(
        this.schoolId,
        'group',
        missingFrom(seen, prints),
        this.clock.now(),
      );
    }
    await this.report('groups', 5);
  }

  async pupils(pages: AsyncIterable<MisPupil[]>, expected: number): Promise<void> {
    const pupilPrints = await this.load('pupil');
    const contactPrints = await this.load('contact');
    const groupPrints = await this.load('group');
    for await (const page of pages) {
      const contacts = new Map<string, MisContact>();
      for (const link of page.flatMap((p) => p.contacts)) {
        if (!this.seenContacts.has(link.contact.misId)) {
          this.seenContacts.add(link.contact.misId);
          contacts.set(link.contact.misId, link.contact);
        }
      }
      await this.writeContacts([...contacts.values()], contactPrints);
      page.forEach((p) => this.seenPupils.add(p.misId));
      const writes: PupilWrite[] = this.plan(page, pupilFingerprint, pupilPrints, this.tally.pupils).map(
        (w) => ({
          ...w,
          contactIds: new Map(
            w.record.contacts.flatMap((l) =>
              idOf(contactPrints, l.contact.misId, (id) => [l.contact.misId, id] as const),
            ),
          ),
          groupIds: w.record.groupMisIds.flatMap((misId) => idOf(groupPrints, misId, (id) => id)),
        }),
      );
      await this.store.writePupils(this.schoolId, writes, this.clock.now());
      await this.report('pupils', 5 + (80 * this.seenPupils.size) / Math.max(expected, 1));
    }
  }

  /** Delta only: contacts whose details changed without their pupils changing (each counted once). */
  async contacts(pages: AsyncIterable<MisContact[]>): Promise<void> {
    const contactPrints = await this.load('contact');
    for await (const page of pages) {
      const fresh = page.filter((c) => contactPrints.has(c.misId) && !this.seenContacts.has(c.misId));
      fresh.forEach((c) => this.seenContacts.add(c.misId));
      await this.writeContacts(fresh, contactPrints);
    }
  }

  /**
   * Pupils who left (the leavers feed, with their dates), and what the MIS no longer has: in a full sync, whatever
   * it did not send; in a delta, what it reports as deleted. Pupils are kept as leavers; the rest is deactivated.
   */
  async leavers(
    pages: AsyncIterable<MisLeaver[]>,
    deletions: AsyncIterable<MisDeletion[]> | null,
  ): Promise<void> {
    const leaving = new Map<string, string | null>();
    const gone: Record<'contact' | 'staff' | 'group', string[]> = { contact: [], staff: [], group: [] };
    for await (const page of pages) {
      page.forEach((l) => leaving.set(l.misId, l.leaveDate));
    }
    if (deletions) {
      for await (const page of deletions) {
        for (const d of page) {
          if (d.kind === 'pupil') {
            leaving.set(d.misId, leaving.get(d.misId) ?? null);
          } else {
            gone[d.kind].push(d.misId);
          }
        }
      }
    } else {
      missingFrom(this.seenPupils, await this.load('pupil')).forEach((misId) =>
        leaving.set(misId, leaving.get(misId) ?? null),
      );
      gone.contact.push(...missingFrom(this.seenContacts, await this.load('contact')));
    }
    const now = this.clock.now();
    this.tally.pupils.left += await this.store.markPupilsLeft(this.schoolId, leaving, ukDate(now), now);
    this.tally.contacts.left += await this.store.deactivate(this.schoolId, 'contact', gone.contact, now);
    this.tally.staff.left += await this.store.deactivate(this.schoolId, 'staff', gone.staff, now);
    this.tally.groups.left += await this.store.deactivate(this.schoolId, 'group', gone.group, now);
    await this.report('leavers', 88);
  }

  async staff(pages: AsyncIterable<MisStaffMember[]>, full: boolean, expected: number): Promise<void> {
    const prints = await this.load('staff');
    const seen = new Set<string>();
    for await (const page of pages) {
      page.forEach((s) => seen.add(s.misId));
      const writes = this.plan(page, (s) => fingerprint(s), prints, this.tally.staff);
      await this.store.writeStaff(this.schoolId, writes, this.clock.now());
      await this.report('staff', 88 + (12 * seen.size) / Math.max(expected, 1));
    }
    if (full) {
      this.tally.staff.left += await this.store.deactivate(
        this.schoolId,
        'staff',
        missingFrom(seen, prints),
        this.clock.now(),
      );
    }
  }

  private async writeContacts(contacts: readonly MisContact[], prints: Prints): Promise<void> {
    const writes = this.plan(contacts, contactFingerprint, prints, this.tally.contacts);
    await this.store.writeContacts(this.schoolId, writes, this.clock.now());
  }

  /** Plans the writes, counts them, and records the new fingerprints so later pages see them as stored. */
  private plan<T extends { misId: string }>(
    records: readonly T[],
    print: (r: T) => string,
    prints: Prints,
    counts: SyncCounts,
  ) {
    const incoming = records.map((record) => ({ record, fingerprint: print(record) }));
    const byMisId = new Map(incoming.map((i) => [i.record.misId, i.fingerprint]));
    const plan = planWrites(incoming, prints, () => this.ids.next());
    counts.unchanged += plan.unchanged;
    return plan.writes.map((w) => {
      counts[w.isNew ? 'added' : 'changed']++;
      const print = byMisId.get(w.record.misId)!;
      prints.set(w.record.misId, { id: w.id, fingerprint: print, active: true });
      return { ...w, fingerprint: print };
    });
  }

  private async load(kind: 'pupil' | 'contact' | 'staff' | 'group'): Promise<Prints> {
    let prints = this.prints.get(kind);
    if (!prints) {
      prints = await this.store.fingerprints(this.schoolId, kind);
      this.prints.set(kind, prints);
    }
    return prints;
  }

  private report(phase: SyncPhase, percent: number): Promise<void> {
    return this.progress(phase, percent, this.tally);
  }
}

function idOf<R>(prints: Prints, misId: string, as: (id: string) => R): R[] {
  const known = prints.get(misId);
  return known ? [as(known.id)] : [];
}
