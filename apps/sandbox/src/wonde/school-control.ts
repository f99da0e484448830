import { ChangeRecorder, type ChangedIds } from './changed-ids';
import {
  CONTACT_CHANGES,
  EMPLOYEE_CHANGES,
  PUPIL_CHANGE_KINDS,
  PUPIL_CHANGES,
  RecordChanges,
  type ChangeKind,
  type ContactChange,
  type EmployeeChange,
  type PupilChange,
} from './record-changes';
import { RosterChanges } from './roster-changes';
import { SchoolControlError } from './school-control.errors';
import type { PupilRecord } from './school-records';
import { SeededRandom } from './seeded-random';
import type { WondeSchool } from './wonde-school';

export interface ChangeOptions {
  /** How many random records to change (default 1; ignored when `ids` is given). */
  readonly count?: number;
  /** Change exactly these records (pupil, contact or employee ids). */
  readonly ids?: readonly string[];
  /** The kind of change; random among those that fit each record when absent. */
  readonly kind?: ChangeKind;
}

export interface SchoolSummary {
  readonly id: string;
  readonly students: number;
  readonly leavers: number;
  readonly contacts: number;
  readonly employees: number;
  readonly groups: number;
  readonly classes: number;
  readonly deletions: number;
}

/** What tests (and, over HTTP, the demo and the benchmark) do to a stand-in school between two syncs. */
export interface SchoolControl {
  readonly id: string;
  readonly token: string;
  summary(): SchoolSummary;
  /** Ids of on-roll pupils, leavers, contacts or employees, in API order. */
  ids(of: 'students' | 'leavers' | 'contacts' | 'employees'): string[];
  change(options?: ChangeOptions): ChangedIds;
  /** Deletes a pupil (random when no id): gone from `students`, listed by `deletions`. */
  removePupil(id?: string): ChangedIds;
  /** Makes a pupil a leaver (random when no id); the leaving date defaults to today. */
  makeLeaver(options?: { readonly id?: string; readonly leavingDate?: string }): ChangedIds;
  /** Admits a pupil from a new family; `ncYear` like 'R', '3' or '10'. */
  addPupil(options?: { readonly ncYear?: string }): ChangedIds;
  /** Everything changed since the stand-in started or since `clearChanges()`. */
  changes(): ChangedIds;
  clearChanges(): void;
}

export function createSchoolControl(school: WondeSchool): SchoolControl {
  const random = new SeededRandom(`${school.config.seed}:changes`);
  const records = new RecordChanges(school, random);
  const roster = new RosterChanges(school);
  const all = new ChangeRecorder();
  const { data } = school;
  const onRoll = () => [...data.pupils.values()].filter((pupil) => pupil.status === 'on-roll');

  function act(action: (changed: ChangeRecorder) => void): ChangedIds {
    const changed = new ChangeRecorder(all);
    try {
      action(changed);
    } finally {
      school.invalidate();
    }
    return changed.snapshot();
  }

  function changeOne(id: string, kind: ChangeKind | undefined, changed: ChangeRecorder): void {
    const pupil = data.pupils.get(id);
    if (pupil?.status === 'on-roll') {
      const fits = kind && (PUPIL_CHANGE_KINDS as readonly string[]).includes(kind);
      return records.pupil(pupil, fits ? (kind as PupilChange) : random.pick(PUPIL_CHANGES), changed);
    }
    const contact = data.contacts.get(id);
    if (contact) {
      const fits = kind && (CONTACT_CHANGES as readonly string[]).includes(kind);
      return records.contact(contact, fits ? (kind as ContactChange) : random.pick(CONTACT_CHANGES), changed);
    }
    const employee = data.employees.get(id);
    if (employee) {
      const employeeKind: EmployeeChange = kind === 'rename-employee' ? kind : random.pick(EMPLOYEE_CHANGES);
      return records.employee(employee, employeeKind, changed);
    }
    throw new SchoolControlError(`no on-roll pupil, contact or employee '${id}'`);
  }

  function randomTargets(count: number, kind: ChangeKind | undefined): string[] {
    const pool = kind
      ? (PUPIL_CHANGE_KINDS as readonly string[]).includes(kind)
        ? onRoll()
        : (CONTACT_CHANGES as readonly string[]).includes(kind)
          ? [...data.contacts.values()]
          : [...data.employees.values()]
      : [...onRoll(), ...data.contacts.values(), ...random.sample([...data.employees.values()], 20)];
    return random.sample(pool, count).map((record) => record.id);
  }

  function pupilOrRandom(id: string | undefined): PupilRecord {
    const pupil = id === undefined ? random.pick(onRoll()) : data.pupils.get(id);
    if (!pupil) {
      throw new SchoolControlError(`no pupil '${id}'`);
    }
    return pupil;
  }

  return {
    id: school.config.id,
    token: school.config.token,
    summary: () => ({
      id: school.config.id,
      students: school.list('students').length,
      leavers: school.list('students-leaver').length,
      contacts: data.contacts.size,
      employees: data.employees.size,
      groups: data.groups.size,
      classes: data.classes.size,
      deletions: data.deletions.length,
    }),
    ids: (of) => school.list(of === 'leavers' ? 'students-leaver' : of).map((record) => record.id),
    change: (options = {}) =>
      act((changed) => {
        const targets = options.ids ?? randomTargets(options.count ?? 1, options.kind);
        targets.forEach((id) => changeOne(id, options.kind, changed));
      }),
    removePupil: (id) => act((changed) => roster.remove(pupilOrRandom(id), changed)),
    makeLeaver: (options = {}) =>
      act((changed) => {
        const pupil = pupilOrRandom(options.id);
        if (pupil.status !== 'on-roll') {
          throw new SchoolControlError(`pupil '${pupil.id}' is not on roll`);
        }
        roster.makeLeaver(pupil, options.leavingDate, changed);
      }),
    addPupil: (options = {}) => act((changed) => void roster.admit(options.ncYear, changed)),
    changes: () => all.snapshot(),
    clearChanges: () => all.clear(),
  };
}
