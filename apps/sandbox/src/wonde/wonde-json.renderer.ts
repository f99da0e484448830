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

/** JSON as a list of byte chunks; shared chunks (a class included by 30 pupils) are the same Buffer. */
export type JsonChunks = readonly Buffer[];

const CLOSE = Buffer.from('}');
const COMMA = Buffer.from(',');
const NULL_DATA = Buffer.from('null}');
const LIST_START = Buffer.from('[');
const LIST_END = Buffer.from(']}');

/**
 * Records → JSON with their included relations, nested as deep as `include=` asks (`classes.employees`,
 * `contacts.contact_details`). Each (record, include set) is encoded once and kept as chunks, so a page of a
 * large school is a `Buffer.concat` of shared pieces. `clear()` after any change.
 */
export class WondeJsonRenderer {
  /** `kind|include key` → record id → chunks. */
  private readonly cache = new Map<string, Map<string, JsonChunks>>();
  /** The same, looked up by the parsed tree of one request (saves building the key per record). */
  private byTree = new WeakMap<IncludeTree, Map<RecordKind, Map<string, JsonChunks>>>();
  private readonly openings = new Map<string, Buffer>();

  constructor(
    private readonly school: SchoolData,
    private readonly serializer: WondeRecordSerializer,
  ) {}

  clear(): void {
    this.cache.clear();
    this.byTree = new WeakMap();
  }

  render(kind: RecordKind, record: SchoolRecord, tree: IncludeTree): JsonChunks {
    const cache = this.recordsCache(kind, tree);
    let chunks = cache.get(record.id);
    if (chunks === undefined) {
      const base = JSON.stringify(this.base(kind, record, tree));
      const out = [Buffer.from(base.slice(0, -1))];
      this.relations(kind, record, tree, out);
      out.push(CLOSE);
      chunks = out;
      cache.set(record.id, chunks);
    }
    return chunks;
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

  /** Appends `,"name":{"data":…}` for each included relation. */
  private relations(kind: RecordKind, record: SchoolRecord, tree: IncludeTree, out: Buffer[]): void {
    const { pupils, employees, groups, classes } = this.school;
    const list = <R extends SchoolRecord>(
      name: string,
      of: RecordKind,
      ids: readonly string[],
      map: ReadonlyMap<string, R>,
    ) => {
      const sub = tree[name];
      if (sub) {
        out.push(this.opening(name), LIST_START);
        let first = true;
        for (const id of ids) {
          const related = map.get(id);
          if (related) {
            this.append(out, first, this.render(of, related, sub));
            first = false;
          }
        }
        out.push(LIST_END);
      }
    };
    const one = (name: string, id: string | null) => {
      const sub = tree[name];
      if (sub) {
        const group = id ? groups.get(id) : undefined;
        out.push(this.opening(name));
        if (group) {
          this.append(out, true, this.render('group', group, sub));
          out.push(CLOSE);
        } else {
          out.push(NULL_DATA);
        }
      }
    };

    if (kind === 'student') {
      const pupil = record as PupilRecord;
      one('year', pupil.yearGroupId);
      one('registration', pupil.registrationGroupId);
      one('house', pupil.houseId);
      list('classes', 'class', pupil.classIds, classes);
      list('groups', 'group', pupil.groupIds, groups);
      this.linkedContacts(pupil, tree.contacts, out);
    } else if (kind === 'contact') {
      list('students', 'student', (record as ContactRecord).pupilIds, pupils);
    } else if (kind === 'employee') {
      list('classes', 'class', (record as EmployeeRecord).classIds, classes);
      list('groups', 'group', (record as EmployeeRecord).groupIds, groups);
    } else {
      list('students', 'student', (record as GroupRecord | ClassRecord).pupilIds, pupils);
      list('employees', 'employee', (record as GroupRecord | ClassRecord).employeeIds, employees);
    }
  }

  /** A pupil's contacts, first contact first, each with its `relationship` to this pupil. */
  private linkedContacts(pupil: PupilRecord, sub: IncludeTree | undefined, out: Buffer[]): void {
    if (!sub) {
      return;
    }
    out.push(this.opening('contacts'), LIST_START);
    let first = true;
    for (const link of [...pupil.contacts].sort((a, b) => a.priority - b.priority)) {
      const contact = this.school.contacts.get(link.contactId);
      if (contact) {
        const chunks = this.render('contact', contact, sub);
        this.append(out, first, chunks.slice(0, -1));
        out.push(Buffer.from(`,"relationship":${JSON.stringify(relationship(link))}}`));
        first = false;
      }
    }
    out.push(LIST_END);
  }

  private append(out: Buffer[], first: boolean, chunks: JsonChunks): void {
    if (!first) {
      out.push(COMMA);
    }
    for (const chunk of chunks) {
      out.push(chunk);
    }
  }

  /** `,"name":{"data":` */
  private opening(name: string): Buffer {
    let chunk = this.openings.get(name);
    if (!chunk) {
      chunk = Buffer.from(`,"${name}":{"data":`);
      this.openings.set(name, chunk);
    }
    return chunk;
  }

  private recordsCache(kind: RecordKind, tree: IncludeTree): Map<string, JsonChunks> {
    let kinds = this.byTree.get(tree);
    if (!kinds) {
      kinds = new Map();
      this.byTree.set(tree, kinds);
    }
    let records = kinds.get(kind);
    if (!records) {
      const key = `${kind}|${includeKey(tree)}`;
      records = this.cache.get(key) ?? new Map<string, JsonChunks>();
      this.cache.set(key, records);
      kinds.set(kind, records);
    }
    return records;
  }
}
