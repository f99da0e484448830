import type { ChangeRecorder } from './changed-ids';
import { handle } from './contact-details.generator';
import { BRITISH_POOL } from './name-pools.data';
import type { ContactRecord, EmployeeRecord, PupilRecord } from './school-records';
import type { SeededRandom } from './seeded-random';
import type { WondeSchool } from './wonde-school';
import { moveClass } from './class-moves';

export type PupilChange = 'rename-pupil' | 'toggle-characteristic' | 'move-class' | 'pupil-email';
export type ContactChange = 'rename-contact' | 'contact-email' | 'contact-mobile';
export type EmployeeChange = 'rename-employee';
export type ChangeKind = PupilChange | ContactChange | EmployeeChange;

/** The pupil changes made at random; `pupil-email` (a new school address) is made only when asked for. */
export const PUPIL_CHANGES: readonly PupilChange[] = ['rename-pupil', 'toggle-characteristic', 'move-class'];
export const PUPIL_CHANGE_KINDS: readonly PupilChange[] = [...PUPIL_CHANGES, 'pupil-email'];
export const CONTACT_CHANGES: readonly ContactChange[] = [
  'rename-contact',
  'contact-email',
  'contact-mobile',
];
export const EMPLOYEE_CHANGES: readonly EmployeeChange[] = ['rename-employee'];
export const CHANGE_KINDS: readonly ChangeKind[] = [
  ...PUPIL_CHANGE_KINDS,
  ...CONTACT_CHANGES,
  ...EMPLOYEE_CHANGES,
];

/**
 * The edits a school office makes between two syncs. Each bumps `updated_at` of what it changed (a class
 * move also bumps the groups or classes whose membership changed) and records the ids.
 */
export class RecordChanges {
  private emailCounter = 0;

  constructor(
    private readonly school: WondeSchool,
    private readonly random: SeededRandom,
  ) {}

  pupil(pupil: PupilRecord, kind: PupilChange, changed: ChangeRecorder): void {
    switch (kind) {
      case 'rename-pupil':
        pupil.forename = this.differentName(pupil.forename, pupil.gender === 'FEMALE' ? 'female' : 'male');
        break;
      case 'toggle-characteristic':
        this.toggleCharacteristic(pupil);
        break;
      case 'move-class':
        moveClass(this.school, this.random, pupil, changed);
        break;
      case 'pupil-email': {
        const local = `${handle(pupil.forename, false) || 'pupil'}.${handle(pupil.surname, false) || 'school'}`;
        pupil.email = `${local}.${++this.emailCounter}@${this.school.data.domain}`;
        break;
      }
    }
    pupil.updatedAt = this.school.now();
    changed.add('students', pupil.id);
  }

  contact(contact: ContactRecord, kind: ContactChange, changed: ChangeRecorder): void {
    switch (kind) {
      case 'rename-contact':
        contact.surname = this.differentName(contact.surname, 'surnames');
        break;
      case 'contact-email': {
        const local = `${handle(contact.forename, false) || 'parent'}.${handle(contact.surname, false) || 'home'}`;
        contact.email = `${local}.${++this.emailCounter}@changed.example.com`;
        break;
      }
      case 'contact-mobile':
        contact.mobile = `07${this.random.int(400, 999)} ${String(this.random.int(0, 999_999)).padStart(6, '0')}`;
        break;
    }
    contact.updatedAt = this.school.now();
    changed.add('contacts', contact.id);
  }

  employee(employee: EmployeeRecord, kind: EmployeeChange, changed: ChangeRecorder): void {
    if (kind === 'rename-employee') {
      employee.surname = this.differentName(employee.surname, 'surnames');
    }
    employee.updatedAt = this.school.now();
    changed.add('employees', employee.id);
  }

  private toggleCharacteristic(pupil: PupilRecord): void {
    const c = pupil.characteristics;
    switch (this.random.pick(['pp', 'fsm', 'sen', 'eal'] as const)) {
      case 'pp':
        c.pupilPremium = !c.pupilPremium;
        break;
      case 'fsm':
        c.freeSchoolMeals = !c.freeSchoolMeals;
        c.freeSchoolMeals6 ||= c.freeSchoolMeals;
        c.pupilPremium ||= c.freeSchoolMeals;
        break;
      case 'sen':
        c.sen = c.sen === 'N' ? 'K' : c.sen === 'K' ? 'E' : 'N';
        break;
      case 'eal':
        c.eal = !c.eal;
        break;
    }
  }

  private differentName(current: string, list: 'female' | 'male' | 'surnames'): string {
    for (;;) {
      const name = this.random.pick(BRITISH_POOL[list]).text;
      if (name !== current) {
        return name;
      }
    }
  }
}
