import type { ChangeRecorder } from './changed-ids';
import { ContactDetailsGenerator } from './contact-details.generator';
import { FamilyGenerator } from './family.generator';
import { HouseholdGenerator } from './household.generator';
import { SchoolControlError } from './school-control.errors';
import type { ClassRecord, GroupRecord, PupilRecord } from './school-records';
import { SeededRandom } from './seeded-random';
import { isoDate } from './wonde-dates';
import { WondeIds } from './wonde-ids';
import type { WondeSchool } from './wonde-school';

/**
 * Pupils joining and leaving. A removed pupil disappears from `students` and gets a deletion row (so do
 * contacts left with no pupil). A leaver moves from `students` to `students-leaver` with a leaving date;
 * no deletion row is written for leavers (unverified against Wonde: read `students-leaver` for deltas).
 */
export class RosterChanges {
  private admissions = 0;

  constructor(private readonly school: WondeSchool) {}

  remove(pupil: PupilRecord, changed: ChangeRecorder): void {
    const { data } = this.school;
    const now = this.school.now();
    this.leaveGroupsAndClasses(pupil, now, changed);
    data.pupils.delete(pupil.id);
    data.deletions.push({
      id: pupil.id,
      type: 'student',
      misId: pupil.misId,
      deletedAt: now,
      restoredAt: null,
    });
    changed.forget('students', pupil.id);
    changed.forget('leavers', pupil.id);
    changed.add('deletions', pupil.id);
    for (const link of pupil.contacts) {
      const contact = data.contacts.get(link.contactId);
      if (!contact) {
        continue;
      }
      contact.pupilIds = contact.pupilIds.filter((id) => id !== pupil.id);
      if (contact.pupilIds.length === 0) {
        data.contacts.delete(contact.id);
        data.deletions.push({
          id: contact.id,
          type: 'contact',
          misId: contact.misId,
          deletedAt: now,
          restoredAt: null,
        });
        changed.forget('contacts', contact.id);
        changed.add('deletions', contact.id);
      }
    }
  }

  makeLeaver(pupil: PupilRecord, leavingDate: string | undefined, changed: ChangeRecorder): void {
    const now = this.school.now();
    this.leaveGroupsAndClasses(pupil, now, changed);
    pupil.status = 'leaver';
    pupil.leavingDate = leavingDate ?? isoDate(now);
    pupil.updatedAt = now;
    changed.forget('students', pupil.id);
    changed.add('leavers', pupil.id);
  }

  /** A new family (one child, new contacts) in the given or a random year, placed in groups and classes. */
  admit(ncYear: string | undefined, changed: ChangeRecorder): PupilRecord {
    const { data, config } = this.school;
    const random = new SeededRandom(`${config.seed}:admission:${++this.admissions}`);
    const years = [...data.groups.values()].filter((g) => g.type === 'YEAR').map((g) => g.code);
    const year = ncYear ?? random.pick(years);
    if (!years.includes(year)) {
      throw new SchoolControlError(`no year group '${year}' in this school (has ${years.join(', ')})`);
    }
    let lastPersonMisId = 0;
    let familyId = 1;
    for (const person of [...data.pupils.values(), ...data.contacts.values(), ...data.employees.values()]) {
      lastPersonMisId = Math.max(lastPersonMisId, Number(person.misId));
      familyId = Math.max(familyId, 'familyId' in person ? person.familyId + 1 : 0);
    }
    const maps = [data.pupils, data.contacts, data.employees, data.groups, data.classes, data.subjects];
    const taken = (id: string) => maps.some((map) => map.has(id));
    const ids = new WondeIds(random, '999', '9999', { taken, lastPersonMisId });
    const households = new HouseholdGenerator(random, ids, new ContactDetailsGenerator(random));
    const family = new FamilyGenerator(random, ids, households, data.phase).family(familyId, [year]);
    const now = this.school.now();
    for (const contact of family.contacts) {
      data.contacts.set(contact.id, { ...contact, createdAt: now, updatedAt: now });
      changed.add('contacts', contact.id);
    }
    const pupil: PupilRecord = { ...(family.pupils[0] as PupilRecord), createdAt: now, updatedAt: now };
    pupil.admissionDate = isoDate(now);
    data.pupils.set(pupil.id, pupil);
    this.place(pupil, random, now, changed);
    changed.add('students', pupil.id);
    return pupil;
  }

  private place(pupil: PupilRecord, random: SeededRandom, now: number, changed: ChangeRecorder): void {
    const groups = [...this.school.data.groups.values()];
    const classes = [...this.school.data.classes.values()];
    const smallest = <T extends { pupilIds: string[] }>(list: T[]): T | undefined =>
      list.sort((a, b) => a.pupilIds.length - b.pupilIds.length)[0];
    const year = groups.find((g) => g.type === 'YEAR' && g.code === pupil.ncYear);
    const form = smallest(groups.filter((g) => g.type === 'REGISTRATION' && g.ncYear === pupil.ncYear));
    const houses = groups.filter((g) => g.type === 'HOUSE');
    const house = houses[pupil.familyId % Math.max(1, houses.length)];
    pupil.yearGroupId = year?.id ?? '';
    pupil.registrationGroupId = form?.id ?? '';
    pupil.houseId = house?.id ?? null;
    for (const group of [year, form, house]) {
      if (group) {
        this.join(group, pupil, now, 'groups', changed);
      }
    }
    const inYear = classes.filter((c) => c.ncYear === pupil.ncYear);
    const formClass = inYear.find((c) => c.subjectId === null && c.name === form?.name);
    const bySubject = new Map<string, ClassRecord[]>();
    for (const klass of inYear) {
      if (klass.subjectId !== null) {
        bySubject.set(klass.subjectId, [...(bySubject.get(klass.subjectId) ?? []), klass]);
      }
    }
    let sets = [...bySubject.values()];
    if (this.school.data.phase === 'primary') {
      sets = [];
    } else if (Number(pupil.ncYear) >= 12) {
      sets = random.sample(sets, 3);
    }
    for (const klass of [formClass, ...sets.map((options) => smallest(options))]) {
      if (klass) {
        this.join(klass, pupil, now, 'classes', changed);
      }
    }
  }

  private join(
    holder: GroupRecord | ClassRecord,
    pupil: PupilRecord,
    now: number,
    kind: 'groups' | 'classes',
    changed: ChangeRecorder,
  ): void {
    holder.pupilIds.push(pupil.id);
    (kind === 'groups' ? pupil.groupIds : pupil.classIds).push(holder.id);
    holder.updatedAt = now;
    changed.add(kind, holder.id);
  }

  private leaveGroupsAndClasses(pupil: PupilRecord, now: number, changed: ChangeRecorder): void {
    const { groups, classes } = this.school.data;
    for (const [ids, map, kind] of [
      [pupil.groupIds, groups, 'groups'],
      [pupil.classIds, classes, 'classes'],
    ] as const) {
      for (const id of ids) {
        const holder = map.get(id);
        if (holder) {
          holder.pupilIds = holder.pupilIds.filter((member) => member !== pupil.id);
          holder.updatedAt = now;
          changed.add(kind, holder.id);
        }
      }
    }
    pupil.groupIds = [];
    pupil.classIds = [];
    pupil.registrationGroupId = '';
    pupil.houseId = null;
  }
}
