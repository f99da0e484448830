import type { ClassRecord, EmployeeRecord, GroupRecord, PupilRecord, SubjectRecord } from './school-records';
import type { SeededRandom } from './seeded-random';
import { GENERATED_BEFORE, randomInstant } from './wonde-dates';
import type { WondeIds } from './wonde-ids';

const KEY_STAGE_SUBJECTS: ReadonlyArray<readonly [string, string]> = [
  ['Ma', 'Mathematics'],
  ['En', 'English'],
  ['Sc', 'Science'],
  ['Hi', 'History'],
  ['Gg', 'Geography'],
  ['Fr', 'French'],
  ['Cp', 'Computing'],
  ['PE', 'Physical Education'],
];
const SIXTH_FORM_SUBJECTS: ReadonlyArray<readonly [string, string]> = [
  ['Ma', 'Mathematics'],
  ['Bi', 'Biology'],
  ['Ch', 'Chemistry'],
  ['Ph', 'Physics'],
  ['En', 'English Literature'],
  ['Hi', 'History'],
  ['Ps', 'Psychology'],
  ['Ec', 'Economics'],
  ['Ar', 'Art and Design'],
  ['So', 'Sociology'],
];

/**
 * Teaching classes ('classes' in Wonde) with their staff. Primary: one class per registration group plus a
 * small phonics or maths-booster group per year. Secondary: sets of about 28 per subject and year ('10x/Ma2'),
 * and A-level sets of about 20 for three subjects each in the sixth form.
 */
export class TeachingClassesGenerator {
  readonly classes: ClassRecord[] = [];
  readonly subjects = new Map<string, SubjectRecord>();
  private nextTeacher = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly ids: WondeIds,
    private readonly teachers: readonly EmployeeRecord[],
    private readonly assistants: readonly EmployeeRecord[],
  ) {}

  primaryYear(ncYear: string, forms: readonly GroupRecord[], pupils: readonly PupilRecord[]): void {
    const byId = new Map(pupils.map((pupil) => [pupil.id, pupil]));
    for (const form of forms) {
      const klass = this.create(ncYear, form.name, form.code, null);
      form.employeeIds.forEach((id) => klass.employeeIds.push(id));
      form.pupilIds.forEach((id) => this.enrol(klass, byId.get(id)));
    }
    if (pupils.length === 0) {
      return;
    }
    const [code, name] = ['R', '1', '2'].includes(ncYear) ? ['Ph', 'Phonics'] : ['Ma', 'Mathematics'];
    const label = code === 'Ph' ? 'Phonics Group' : 'Maths Booster';
    const title = `${label} ${ncYear === 'R' ? 'R' : `Y${ncYear}`}`;
    const group = this.create(ncYear, title, `${ncYear}/${code}1`, this.subject(code, name));
    this.staff(group, this.assistants);
    this.random.sample(pupils, this.random.int(6, 10)).forEach((pupil) => this.enrol(group, pupil));
  }

  secondaryYear(ncYear: string, pupils: readonly PupilRecord[]): void {
    if (Number(ncYear) >= 12) {
      this.sixthForm(ncYear, pupils);
      return;
    }
    const sets = Math.max(1, Math.ceil(pupils.length / 28));
    for (const [code, name] of KEY_STAGE_SUBJECTS) {
      const subject = this.subject(code, name);
      const classes = Array.from({ length: sets }, (_, i) => {
        const band = i < sets / 2 ? 'x' : 'y';
        const label = `${ncYear}${band}/${code}${i + 1}`;
        return this.create(ncYear, label, label, subject);
      });
      classes.forEach((klass) => this.staff(klass, this.teachers));
      this.random.shuffle([...pupils]).forEach((pupil, index) => this.enrol(classes[index % sets], pupil));
    }
  }

  private sixthForm(ncYear: string, pupils: readonly PupilRecord[]): void {
    const choices = new Map<string, PupilRecord[]>();
    for (const pupil of pupils) {
      for (const [code] of this.random.sample(SIXTH_FORM_SUBJECTS, 3)) {
        const list = choices.get(code) ?? [];
        list.push(pupil);
        choices.set(code, list);
      }
    }
    for (const [code, name] of SIXTH_FORM_SUBJECTS) {
      const students = choices.get(code) ?? [];
      const sets = Math.ceil(students.length / 20);
      for (let i = 0; i < sets; i++) {
        const label = `${ncYear}/${code}${i + 1}`;
        const klass = this.create(ncYear, label, label, this.subject(code, name));
        this.staff(klass, this.teachers);
        students.filter((_, index) => index % sets === i).forEach((pupil) => this.enrol(klass, pupil));
      }
    }
  }

  private staff(klass: ClassRecord, from: readonly EmployeeRecord[]): void {
    const teacher = from[this.nextTeacher++ % Math.max(1, from.length)];
    if (teacher) {
      klass.employeeIds.push(teacher.id);
      teacher.classIds.push(klass.id);
    }
    const assistant =
      this.assistants.length > 0 && this.random.chance(0.1) ? this.random.pick(this.assistants) : null;
    if (assistant && assistant !== teacher) {
      klass.employeeIds.push(assistant.id);
      assistant.classIds.push(klass.id);
    }
  }

  private enrol(klass: ClassRecord | undefined, pupil: PupilRecord | undefined): void {
    if (klass && pupil) {
      klass.pupilIds.push(pupil.id);
      pupil.classIds.push(klass.id);
    }
  }

  private subject(code: string, name: string): SubjectRecord {
    const key = `${code}:${name}`;
    let subject = this.subjects.get(key);
    if (!subject) {
      subject = { id: this.ids.id(), misId: this.ids.groupMisId(), code, name };
      this.subjects.set(key, subject);
    }
    return subject;
  }

  private create(ncYear: string, name: string, code: string, subject: SubjectRecord | null): ClassRecord {
    const createdAt = randomInstant(this.random, '2025-06-01', '2025-08-30');
    const klass: ClassRecord = {
      id: this.ids.id(),
      misId: this.ids.groupMisId(),
      name,
      code,
      subjectId: subject?.id ?? null,
      ncYear,
      description: subject ? `${subject.name} – ${name}` : `Class ${name}`,
      pupilIds: [],
      employeeIds: [],
      createdAt,
      updatedAt: createdAt + this.random.below(GENERATED_BEFORE - createdAt),
    };
    this.classes.push(klass);
    return klass;
  }
}
