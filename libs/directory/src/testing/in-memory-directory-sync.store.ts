import { clone } from '@rowan/access/testing';
import type { SchoolId } from '@rowan/kernel';
import {
  DirectorySyncStore,
  type DirectoryKind,
  type PupilWrite,
  type Write,
} from '../application/ports/directory-sync.store';
import type { MisContact, MisGroup, MisStaffMember } from '../domain/mis/mis-records';
import type { StoredFingerprint } from '../domain/mis/sync-plan';
import {
  Contact,
  Group,
  GroupMember,
  Pupil,
  PupilCharacteristic,
  PupilContact,
  StaffMember,
  type CharacteristicKind,
} from '../domain/people';

export type SyncStoreMethod =
  'writeGroups' | 'writeContacts' | 'writePupils' | 'writeStaff' | 'markPupilsLeft' | 'deactivate';

/** One call of a write method: the MIS ids it was given and how many rows (of any table) it inserted, changed or deleted. */
export interface SyncStoreCall {
  readonly method: SyncStoreMethod;
  readonly misIds: readonly string[];
  readonly touched: number;
}

type Row = Pupil | Contact | StaffMember | Group;

const key = (schoolId: string, misId: string) => `${schoolId}|${misId}`;

/**
 * The directory tables as MikroOrmDirectorySyncStore and its characteristics writer keep them: rows keyed by
 * (school, MIS id) that keep their id and creation time when upserted, pupil links and group memberships replaced
 * for pupils written again, characteristics kept as periods (the day is the UTC date of `at`, as there). Each call
 * is all or nothing; every call is logged with the rows it touched.
 */
export class InMemoryDirectorySyncStore extends DirectorySyncStore {
  readonly calls: SyncStoreCall[] = [];
  private readonly tables: Record<DirectoryKind, Map<string, Row>> = {
    pupil: new Map(),
    contact: new Map(),
    staff: new Map(),
    group: new Map(),
  };
  /** Keyed by (pupil id, contact id), as the table's primary key. */
  private readonly pupilContacts = new Map<string, PupilContact>();
  /** Keyed by (group id, pupil id), as the table's primary key. */
  private readonly groupMembers = new Map<string, GroupMember>();
  private readonly characteristics = new Map<string, PupilCharacteristic>();
  private nextCharacteristic = 0;
  private failure: Error | null = null;

  // ---- the port ----

  fingerprints(schoolId: SchoolId, kind: DirectoryKind): Promise<Map<string, StoredFingerprint>> {
    const prints = new Map<string, StoredFingerprint>();
    for (const row of this.tables[kind].values()) {
      if (row.schoolId === schoolId) {
        prints.set(row.misId, { id: row.id, fingerprint: row.fingerprint, active: isActive(row) });
      }
    }
    return Promise.resolve(prints);
  }

  names(schoolId: SchoolId, kind: DirectoryKind, misIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const misId of misIds) {
      const row = this.tables[kind].get(key(schoolId, misId));
      if (row) {
        names.set(misId, displayName(row));
      }
    }
    return Promise.resolve(names);
  }

  async writeGroups(schoolId: SchoolId, writes: readonly Write<MisGroup>[], at: Date): Promise<void> {
    await this.call('writeGroups', misIdsOf(writes), () =>
      this.upsertAll('group', writes, ({ id, record: g, fingerprint }) => ({
        insert: new Group(id, schoolId, g.misId, g.kind, g.name, g.code, true, fingerprint, at, at),
        update: { kind: g.kind, name: g.name, code: g.code, active: true, fingerprint, updatedAt: at },
      })),
    );
  }

  async writeContacts(schoolId: SchoolId, writes: readonly Write<MisContact>[], at: Date): Promise<void> {
    await this.call('writeContacts', misIdsOf(writes), () =>
      this.upsertAll('contact', writes, ({ id, record: c, fingerprint }) => ({
        insert: new Contact(
          id,
          schoolId,
          c.misId,
          c.title,
          c.forename,
          c.surname,
          [...c.emails],
          [...c.mobiles],
          true,
          fingerprint,
          at,
          at,
        ),
        update: {
          title: c.title,
          forename: c.forename,
          surname: c.surname,
          emails: [...c.emails],
          mobiles: [...c.mobiles],
          active: true,
          fingerprint,
          updatedAt: at,
        },
      })),
    );
  }

  async writePupils(schoolId: SchoolId, writes: readonly PupilWrite[], at: Date): Promise<void> {
    await this.call('writePupils', misIdsOf(writes), () => {
      if (writes.length === 0) {
        return 0;
      }
      const today = at.toISOString().slice(0, 10);
      const members = writes.flatMap((w) => w.groupIds.map((groupId) => `${groupId}|${w.id}`));
      const existing = new Set(writes.filter((w) => !w.isNew).map((w) => w.id));
      const duplicate = members.find((m, i) => members.indexOf(m) !== i);
      if (duplicate) {
        // group_members is written with a plain insert: a repeated membership breaks its primary key.
        throw new Error(`Duplicate entry '${duplicate}' for key 'PRIMARY'`);
      }
      let touched = this.upsertAll('pupil', writes, ({ id, record: p, fingerprint }) => {
        const update = {
          upn: p.upn,
          legalForename: p.legalForename,
          legalSurname: p.legalSurname,
          preferredForename: p.preferredForename,
          preferredSurname: p.preferredSurname,
          dateOfBirth: p.dateOfBirth,
          ncYear: p.ncYear,
          yearGroup: p.yearGroup,
          registrationGroup: p.registrationGroup,
          email: p.email,
          enrolment: 'on_roll' as const,
          leaveDate: null,
          fingerprint,
          updatedAt: at,
        };
        const insert = new Pupil(
          id,
          schoolId,
          p.misId,
          p.upn,
          p.legalForename,
          p.legalSurname,
          p.preferredForename,
          p.preferredSurname,
          p.dateOfBirth,
          p.ncYear,
          p.yearGroup,
          p.registrationGroup,
          'on_roll',
          null,
          fingerprint,
          at,
          at,
          p.email,
        );
        return { insert, update };
      });
      touched += deleteWhere(this.pupilContacts, (l) => l.schoolId === schoolId && existing.has(l.pupilId));
      touched += deleteWhere(this.groupMembers, (m) => m.schoolId === schoolId && existing.has(m.pupilId));
      for (const w of writes) {
        for (const l of w.record.contacts) {
          const contactId = w.contactIds.get(l.contact.misId);
          if (contactId) {
            this.pupilContacts.set(
              `${w.id}|${contactId}`,
              new PupilContact(
                schoolId,
                w.id,
                contactId,
                l.relationship,
                l.parentalResponsibility,
                l.priority,
                l.livesWithPupil,
              ),
            );
            touched++;
          }
        }
        for (const groupId of w.groupIds) {
          this.groupMembers.set(`${groupId}|${w.id}`, new GroupMember(schoolId, groupId, w.id));
          touched++;
        }
      }
      return touched + this.replaceCharacteristics(schoolId, writes, today);
    });
  }

  async writeStaff(schoolId: SchoolId, writes: readonly Write<MisStaffMember>[], at: Date): Promise<void> {
    await this.call('writeStaff', misIdsOf(writes), () =>
      this.upsertAll('staff', writes, ({ id, record: s, fingerprint }) => ({
        insert: new StaffMember(
          id,
          schoolId,
          s.misId,
          s.title,
          s.forename,
          s.surname,
          s.jobTitle,
          s.email,
          true,
          fingerprint,
          at,
          at,
        ),
        update: {
          title: s.title,
          forename: s.forename,
          surname: s.surname,
          jobTitle: s.jobTitle,
          email: s.email,
          active: true,
          fingerprint,
          updatedAt: at,
        },
      })),
    );
  }

  async markPupilsLeft(
    schoolId: SchoolId,
    leavers: ReadonlyMap<string, string | null>,
    today: string,
    at: Date,
  ): Promise<number> {
    const onRoll = [...leavers].filter(
      ([misId]) =>
        (this.tables.pupil.get(key(schoolId, misId)) as Pupil | undefined)?.enrolment === 'on_roll',
    );
    return this.call(
      'markPupilsLeft',
      onRoll.map(([misId]) => misId),
      () => {
        for (const [misId, leaveDate] of onRoll) {
          const pupil = this.tables.pupil.get(key(schoolId, misId))!;
          Object.assign(pupil, { enrolment: 'left', leaveDate: leaveDate ?? today, updatedAt: at });
        }
        return onRoll.length;
      },
    );
  }

  async deactivate(
    schoolId: SchoolId,
    kind: 'contact' | 'staff' | 'group',
    misIds: readonly string[],
    at: Date,
  ): Promise<number> {
    const rows = misIds.flatMap((misId) => {
      const row = this.tables[kind].get(key(schoolId, misId)) as Contact | StaffMember | Group | undefined;
      return row?.active ? [row] : [];
    });
    return this.call(
      'deactivate',
      rows.map((r) => r.misId),
      () => {
        rows.forEach((row) => Object.assign(row, { active: false, updatedAt: at }));
        return rows.length;
      },
    );
  }

  // ---- for tests ----

  /** The next write call fails (the database went away) and changes nothing. */
  failNextWrite(error: Error = new Error('The database went away')): void {
    this.failure = error;
  }

  /** How many rows the logged calls touched in all. */
  rowsTouched(): number {
    return this.calls.reduce((n, c) => n + c.touched, 0);
  }

  /** The MIS ids written by the calls of a method (for `markPupilsLeft` and `deactivate`: the ones changed), in order. */
  written(method: SyncStoreMethod): string[] {
    return this.calls.filter((c) => c.method === method && c.touched > 0).flatMap((c) => c.misIds);
  }

  /** Forgets the call log (the rows stay). */
  forgetCalls(): void {
    this.calls.length = 0;
  }

  pupils(schoolId: SchoolId): Pupil[] {
    return this.rowsOf<Pupil>('pupil', schoolId);
  }

  pupil(schoolId: SchoolId, misId: string): Pupil | undefined {
    return this.rowOf<Pupil>('pupil', schoolId, misId);
  }

  contacts(schoolId: SchoolId): Contact[] {
    return this.rowsOf<Contact>('contact', schoolId);
  }

  contact(schoolId: SchoolId, misId: string): Contact | undefined {
    return this.rowOf<Contact>('contact', schoolId, misId);
  }

  staff(schoolId: SchoolId): StaffMember[] {
    return this.rowsOf<StaffMember>('staff', schoolId);
  }

  staffMember(schoolId: SchoolId, misId: string): StaffMember | undefined {
    return this.rowOf<StaffMember>('staff', schoolId, misId);
  }

  groups(schoolId: SchoolId): Group[] {
    return this.rowsOf<Group>('group', schoolId);
  }

  group(schoolId: SchoolId, misId: string): Group | undefined {
    return this.rowOf<Group>('group', schoolId, misId);
  }

  /** A pupil's links to contacts, by priority. */
  contactLinksOf(pupilId: string): PupilContact[] {
    return [...this.pupilContacts.values()]
      .filter((l) => l.pupilId === pupilId)
      .sort((a, b) => a.priority - b.priority)
      .map(clone);
  }

  /** The ids of the groups a pupil is a member of. */
  groupIdsOf(pupilId: string): string[] {
    return [...this.groupMembers.values()].filter((m) => m.pupilId === pupilId).map((m) => m.groupId);
  }

  /** Every period of every characteristic of a pupil, oldest first. */
  characteristicsOf(pupilId: string): PupilCharacteristic[] {
    return [...this.characteristics.values()].filter((c) => c.pupilId === pupilId).map(clone);
  }

  // ---- internals ----

  /** One transaction: nothing changes if the call throws. */
  private async call(
    method: SyncStoreMethod,
    misIds: readonly string[],
    write: () => number,
  ): Promise<number> {
    await Promise.resolve();
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      throw failure;
    }
    const touched = write();
    this.calls.push({ method, misIds: [...misIds], touched });
    return touched;
  }

  /**
   * `INSERT … ON DUPLICATE KEY UPDATE`, one row per write: a row already there with the same (school, MIS id), or
   * the same id, gets the `update` columns and keeps its id and creation time. Returns the rows written.
   */
  private upsertAll<W, T extends Row>(
    kind: DirectoryKind,
    writes: readonly W[],
    row: (write: W) => { insert: T; update: Partial<T> },
  ): number {
    const table = this.tables[kind];
    for (const write of writes) {
      const { insert, update } = row(write);
      const k = key(insert.schoolId, insert.misId);
      const known = table.get(k) ?? [...table.values()].find((r) => r.id === insert.id);
      if (known) {
        Object.assign(known, update);
      } else {
        table.set(k, insert);
      }
    }
    return writes.length;
  }

  /** As characteristics-writer.ts: keep open periods still held, close the others today, open new ones today. */
  private replaceCharacteristics(schoolId: SchoolId, writes: readonly PupilWrite[], today: string): number {
    let touched = 0;
    for (const write of writes) {
      const want = wanted(write);
      const open = [...this.characteristics.values()].filter(
        (c) => c.schoolId === schoolId && c.pupilId === write.id && c.effectiveTo === null,
      );
      for (const period of open) {
        if (want.get(period.kind) === period.value) {
          want.delete(period.kind);
        } else {
          period.effectiveTo = today;
          touched++;
        }
      }
      want.forEach((value, kind) => {
        const id = `characteristic-${++this.nextCharacteristic}`;
        this.characteristics.set(
          id,
          new PupilCharacteristic(id, schoolId, write.id, kind, value, today, null),
        );
        touched++;
      });
    }
    return touched;
  }

  private rowsOf<T extends Row>(kind: DirectoryKind, schoolId: SchoolId): T[] {
    return [...this.tables[kind].values()].filter((r) => r.schoolId === schoolId).map((r) => copy(r as T));
  }

  private rowOf<T extends Row>(kind: DirectoryKind, schoolId: SchoolId, misId: string): T | undefined {
    const row = this.tables[kind].get(key(schoolId, misId)) as T | undefined;
    return row ? copy(row) : undefined;
  }
}

function wanted(write: PupilWrite): Map<CharacteristicKind, PupilCharacteristic['value']> {
  const c = write.record.characteristics;
  const out = new Map<CharacteristicKind, PupilCharacteristic['value']>();
  if (c.pupilPremium) {
    out.set('pupil_premium', 'yes');
  }
  if (c.freeSchoolMeals) {
    out.set('free_school_meals', 'yes');
  }
  if (c.sen !== 'none') {
    out.set('sen', c.sen);
  }
  if (c.eal) {
    out.set('eal', 'yes');
  }
  return out;
}

function isActive(row: Row): boolean {
  return row instanceof Pupil ? row.enrolment === 'on_roll' : row.active;
}

function misIdsOf(writes: ReadonlyArray<Write<{ readonly misId: string }>>): string[] {
  return writes.map((w) => w.record.misId);
}

function deleteWhere<T>(table: Map<string, T>, where: (row: T) => boolean): number {
  let deleted = 0;
  for (const [k, row] of table) {
    if (where(row)) {
      table.delete(k);
      deleted++;
    }
  }
  return deleted;
}

/** A copy for assertions, arrays included. */
function copy<T extends Row>(row: T): T {
  const out = clone(row);
  if (out instanceof Contact) {
    out.emails = [...out.emails];
    out.mobiles = [...out.mobiles];
  }
  return out;
}

function displayName(row: Row): string {
  if (row instanceof Pupil) {
    return `${row.preferredForename} ${row.preferredSurname}`;
  }
  return row instanceof Group ? row.name : `${row.forename} ${row.surname}`;
}
