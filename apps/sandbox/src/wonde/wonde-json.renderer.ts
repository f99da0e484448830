import { includeKey, type IncludeTree } from './include-tree';
import type {
  ClassRecord,
  ContactRecord,
  EmployeeRecord,
  GroupRecord,
  PupilRecord,
  SchoolData,
  SchoolRecord,
} from './school-records';
import { relationship } from './wonde-details.serializer';
import type { WondeRecordSerializer } from './wonde-record.serializer';

export type RecordKind = 'student' | 'contact' | 'employee' | 'group' | 'class';

/**
 * Records → JSON text with their included relations, nested as deep as `include=` asks
 * (`classes.employees`, `contacts.contact_details`). Every (record, include set) is rendered once and kept,
 * so a class shared by 30 pupils is stringified once, and a second full read is a string join. `clear()`
 * after any change.
 */
export class WondeJsonRenderer {
  private readonly cache = new Map<string, string>();
  private readonly keys = new WeakMap<IncludeTree, string>();

  constructor(
    private readonly school: SchoolData,
    private readonly serializer: WondeRecordSerializer,
  ) {}

  clear(): void {
    this.cache.clear();
  }

  render(kind: RecordKind, record: SchoolRecord, tree: IncludeTree): string {
    const key = `${kind}|${record.id}|${this.key(tree)}`;
    let text = this.cache.get(key);
    if (text === undefined) {
      const base = JSON.stringify(this.base(kind, record, tree));
      const parts = this.relations(kind, record, tree);
      text = parts.length === 0 ? base : `${base.slice(0, -1)},${parts.join(',')}}`;
      this.cache.set(key, text);
    }
    return text;
  }

  private base(kind: RecordKind, record: SchoolRecord, tree: IncludeTree): object {
    switch (kind) {
      case 'student':
        return this.serializer.student(record as PupilRecord, tree);
      case 'contact':
        return this.serializer.contact(record as ContactRecord, tree);
      case 'employee':
        return this.serializer.employee(record as EmployeeRecord, tree);
      case 'group':
        return this.serializer.group(record as GroupRecord);
      case 'class':
        return this.serializer.klass(record as ClassRecord, tree);
    }
  }

  private relations(kind: RecordKind, record: SchoolRecord, tree: IncludeTree): string[] {
    const { pupils, employees, groups, classes } = this.school;
    const parts: string[] = [];
    const add = (name: string, sub: IncludeTree | undefined, json: (sub: IncludeTree) => string): void => {
      if (sub) {
        parts.push(`"${name}":{"data":${json(sub)}}`);
      }
    };
    const list =
      <R extends SchoolRecord>(of: RecordKind, ids: readonly string[], map: ReadonlyMap<string, R>) =>
      (sub: IncludeTree): string => {
        const items: string[] = [];
        for (const id of ids) {
          const related = map.get(id);
          if (related) {
            items.push(this.render(of, related, sub));
          }
        }
        return `[${items.join(',')}]`;
      };
    const one = (id: string | null) => (sub: IncludeTree) => {
      const group = id ? groups.get(id) : undefined;
      return group ? this.render('group', group, sub) : 'null';
    };

    if (kind === 'student') {
      const pupil = record as PupilRecord;
      add('year', tree.year, one(pupil.yearGroupId));
      add('registration', tree.registration, one(pupil.registrationGroupId));
      add('house', tree.house, one(pupil.houseId));
      add('classes', tree.classes, list('class', pupil.classIds, classes));
      add('groups', tree.groups, list('group', pupil.groupIds, groups));
      add('contacts', tree.contacts, (sub) => this.linkedContacts(pupil, sub));
    } else if (kind === 'contact') {
      add('students', tree.students, list('student', (record as ContactRecord).pupilIds, pupils));
    } else if (kind === 'employee') {
      const employee = record as EmployeeRecord;
      add('classes', tree.classes, list('class', employee.classIds, classes));
      add('groups', tree.groups, list('group', employee.groupIds, groups));
    } else {
      const holder = record as GroupRecord | ClassRecord;
      add('students', tree.students, list('student', holder.pupilIds, pupils));
      add('employees', tree.employees, list('employee', holder.employeeIds, employees));
    }
    return parts;
  }

  /** A pupil's contacts, first contact first, each with its `relationship` to this pupil. */
  private linkedContacts(pupil: PupilRecord, sub: IncludeTree): string {
    const items: string[] = [];
    for (const link of [...pupil.contacts].sort((a, b) => a.priority - b.priority)) {
      const contact = this.school.contacts.get(link.contactId);
      if (contact) {
        const json = this.render('contact', contact, sub);
        items.push(`${json.slice(0, -1)},"relationship":${JSON.stringify(relationship(link))}}`);
      }
    }
    return `[${items.join(',')}]`;
  }

  private key(tree: IncludeTree): string {
    let key = this.keys.get(tree);
    if (key === undefined) {
      key = includeKey(tree);
      this.keys.set(tree, key);
    }
    return key;
  }
}
