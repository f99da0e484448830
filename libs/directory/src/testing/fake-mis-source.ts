import { DomainError, type Clock } from '@rowan/kernel';
import type { MisContact, MisGroup, MisPupil, MisStaffMember } from '../domain/mis/mis-records';
import {
  MisSource,
  type MisAccess,
  type MisDeletion,
  type MisLeaver,
  type MisReadOptions,
} from '../application/ports/mis-source';

export type MisFeed = 'groups' | 'pupils' | 'contacts' | 'leavers' | 'staff' | 'deletions';

/** What the MIS adapter reports when the vendor is down: transient, so the worker's job is retried. */
export class FakeMisUnavailable extends DomainError {
  readonly code = 'MIS.UNAVAILABLE';
  readonly kind = 'unavailable';
}

/** What the MIS adapter reports for a token the vendor refuses: permanent. */
export class FakeMisRefused extends DomainError {
  readonly code = 'MIS.REFUSED';
  readonly kind = 'forbidden';
}

/** One read of a feed: who asked, from when, and the MIS ids it served (across all its pages). */
export interface MisRead {
  readonly feed: MisFeed;
  readonly externalSchoolId: string;
  readonly updatedAfter: Date | undefined;
  readonly served: string[];
}

interface Dated<T> {
  record: T;
  updatedAt: Date;
}

interface PlannedDeath {
  pagesLeft: number;
  readonly feed: MisFeed | undefined;
  readonly error: Error;
}

/**
 * One school as its MIS holds it. Every change is stamped with the clock's time (its `updatedAt`), so a delta
 * (`updatedAfter`) serves only what changed since. As Wonde does, a pupil is served with their contacts' current
 * details, while a change to a contact's own details stamps the contact and not the pupil.
 */
export class FakeMisSchool {
  readonly groupRecords = new Map<string, Dated<MisGroup>>();
  readonly pupilRecords = new Map<string, Dated<MisPupil>>();
  readonly contactRecords = new Map<string, Dated<MisContact>>();
  readonly leaverRecords = new Map<string, Dated<MisLeaver>>();
  readonly staffRecords = new Map<string, Dated<MisStaffMember>>();
  readonly deletionRecords: Array<Dated<MisDeletion>> = [];
  private death: PlannedDeath | null = null;

  constructor(
    readonly externalSchoolId: string,
    readonly token: string,
    private readonly clock: Clock,
  ) {}

  /** Adds or replaces groups, as changed now. */
  putGroups(...groups: MisGroup[]): this {
    groups.forEach((g) => this.groupRecords.set(g.misId, this.stamp(g)));
    return this;
  }

  /**
   * Puts pupils on roll (new, changed or readmitted), as changed now; a readmitted pupil is no longer a leaver.
   * Their contacts are stored too: new ones, and ones whose details differ, as changed now.
   */
  putPupils(...pupils: MisPupil[]): this {
    for (const pupil of pupils) {
      pupil.contacts.forEach((l) => {
        const known = this.contactRecords.get(l.contact.misId);
        if (!known || JSON.stringify(known.record) !== JSON.stringify(l.contact)) {
          this.contactRecords.set(l.contact.misId, this.stamp(l.contact));
        }
      });
      this.pupilRecords.set(pupil.misId, this.stamp(pupil));
      this.leaverRecords.delete(pupil.misId);
    }
    return this;
  }

  /** Changes contacts' own details now; their pupils' records are not stamped. */
  putContacts(...contacts: MisContact[]): this {
    contacts.forEach((c) => this.contactRecords.set(c.misId, this.stamp(c)));
    return this;
  }

  putStaff(...staff: MisStaffMember[]): this {
    staff.forEach((s) => this.staffRecords.set(s.misId, this.stamp(s)));
    return this;
  }

  /** The pupil leaves: off roll, and in the leavers feed (with their leaving date, if the MIS has one). */
  leave(misId: string, leaveDate: string | null): this {
    this.pupilRecords.delete(misId);
    this.leaverRecords.set(misId, this.stamp({ misId, leaveDate }));
    return this;
  }

  /** The pupil silently stops being served: not on roll, not a leaver, no deletion recorded. */
  dropPupil(misId: string): this {
    this.pupilRecords.delete(misId);
    return this;
  }

  /** The record is deleted from the MIS: gone from its feed, with a deletion recorded now. */
  delete(kind: MisDeletion['kind'], misId: string): this {
    const records = {
      pupil: this.pupilRecords,
      contact: this.contactRecords,
      staff: this.staffRecords,
      group: this.groupRecords,
    }[kind];
    records.delete(misId);
    this.deletionRecords.push(this.stamp({ kind, misId }));
    return this;
  }

  /**
   * The connection dies after serving this many more pages (of one feed, or of any): the next page read throws.
   * Happens once; later reads work again.
   */
  dieAfter(pages: number, options: { feed?: MisFeed; error?: Error } = {}): this {
    this.death = {
      pagesLeft: pages,
      feed: options.feed,
      error: options.error ?? new FakeMisUnavailable('The MIS stopped answering'),
    };
    return this;
  }

  /** Called before serving each page: throws if the connection is due to die now. */
  checkAlive(feed: MisFeed): void {
    const death = this.death;
    if (!death || (death.feed !== undefined && death.feed !== feed)) {
      return;
    }
    if (death.pagesLeft === 0) {
      this.death = null;
      throw death.error;
    }
    death.pagesLeft -= 1;
  }

  /** A pupil as served: with the current details of each linked contact. */
  served(pupil: MisPupil): MisPupil {
    return {
      ...pupil,
      contacts: pupil.contacts.map((l) => ({
        ...l,
        contact: this.contactRecords.get(l.contact.misId)?.record ?? l.contact,
      })),
    };
  }

  private stamp<T>(record: T): Dated<T> {
    return { record: structuredClone(record), updatedAt: this.clock.now() };
  }
}

/**
 * A MIS reached through Wonde, in memory. Serves pages of `pageSize` records, checks the token it is given is the
 * school's (unsealed) token, and logs every read.
 */
export class FakeMisSource extends MisSource {
  readonly reads: MisRead[] = [];
  private readonly schools = new Map<string, FakeMisSchool>();

  constructor(
    private readonly clock: Clock,
    public pageSize = 2,
  ) {
    super();
  }

  /** The school with this Wonde id, made empty on first use. */
  school(externalSchoolId: string, token = `wonde-token-${externalSchoolId}`): FakeMisSchool {
    let school = this.schools.get(externalSchoolId);
    if (!school) {
      school = new FakeMisSchool(externalSchoolId, token, this.clock);
      this.schools.set(externalSchoolId, school);
    }
    return school;
  }

  /** Forgets the reads logged so far. */
  forgetReads(): void {
    this.reads.length = 0;
  }

  /** The reads of one feed, oldest first. */
  readsOf(feed: MisFeed): MisRead[] {
    return this.reads.filter((r) => r.feed === feed);
  }

  counts(access: MisAccess): Promise<{ pupils: number; staff: number }> {
    try {
      const school = this.open(access);
      return Promise.resolve({ pupils: school.pupilRecords.size, staff: school.staffRecords.size });
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  groups(access: MisAccess, options: MisReadOptions): AsyncIterable<MisGroup[]> {
    return this.serve(access, options, 'groups', (s) => [...s.groupRecords.values()]);
  }

  pupils(access: MisAccess, options: MisReadOptions): AsyncIterable<MisPupil[]> {
    return this.serve(access, options, 'pupils', (s) =>
      [...s.pupilRecords.values()].map(({ record, updatedAt }) => ({ record: s.served(record), updatedAt })),
    );
  }

  contacts(access: MisAccess, options: MisReadOptions): AsyncIterable<MisContact[]> {
    return this.serve(access, options, 'contacts', (s) => [...s.contactRecords.values()]);
  }

  leavers(access: MisAccess, options: MisReadOptions): AsyncIterable<MisLeaver[]> {
    return this.serve(access, options, 'leavers', (s) => [...s.leaverRecords.values()]);
  }

  staff(access: MisAccess, options: MisReadOptions): AsyncIterable<MisStaffMember[]> {
    return this.serve(access, options, 'staff', (s) => [...s.staffRecords.values()]);
  }

  deletions(access: MisAccess, options: MisReadOptions): AsyncIterable<MisDeletion[]> {
    return this.serve(access, options, 'deletions', (s) => s.deletionRecords);
  }

  private async *serve<T extends { readonly misId: string }>(
    access: MisAccess,
    options: MisReadOptions,
    feed: MisFeed,
    records: (school: FakeMisSchool) => ReadonlyArray<Dated<T>>,
  ): AsyncGenerator<T[]> {
    const school = this.open(access);
    const after = options.updatedAfter;
    const read: MisRead = {
      feed,
      externalSchoolId: access.externalSchoolId,
      updatedAfter: after,
      served: [],
    };
    this.reads.push(read);
    const matching = records(school)
      .filter((r) => after === undefined || r.updatedAt > after)
      .map((r) => structuredClone(r.record));
    for (let start = 0; start < matching.length; start += this.pageSize) {
      await Promise.resolve();
      school.checkAlive(feed);
      const page = matching.slice(start, start + this.pageSize);
      read.served.push(...page.map((r) => r.misId));
      yield page;
    }
  }

  private open(access: MisAccess): FakeMisSchool {
    const school = this.schools.get(access.externalSchoolId);
    if (!school || school.token !== access.token) {
      throw new FakeMisRefused('Wonde refused the token for this school');
    }
    return school;
  }
}
