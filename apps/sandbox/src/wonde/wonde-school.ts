import type { IncludeTree } from './include-tree';
import type { Phase, SchoolData, SchoolRecord } from './school-records';
import { generateSchool } from './school.generator';
import { GENERATED_BEFORE } from './wonde-dates';
import { WondeJsonRenderer, type JsonChunks, type RecordKind } from './wonde-json.renderer';
import { WondeRecordSerializer } from './wonde-record.serializer';

export interface StandInSchool {
  /** Wonde school id, e.g. 'A1930499544'. */
  readonly id: string;
  /** The school's bearer token. */
  readonly token: string;
  readonly seed: string;
  readonly pupils: number;
  readonly phase?: Phase;
  readonly name?: string;
}

export type Collection = 'students' | 'students-leaver' | 'contacts' | 'employees' | 'groups' | 'classes';

export interface ListFilter {
  readonly updatedAfter?: number;
  readonly updatedBefore?: number;
}

const KINDS: Record<Collection, RecordKind> = {
  students: 'student',
  'students-leaver': 'student',
  contacts: 'contact',
  employees: 'employee',
  groups: 'group',
  classes: 'class',
};

type Listed = SchoolRecord;

/** Cached response bodies are dropped once they pass this size (a full 16k read with every include is ~125 MB). */
const MAX_CACHED_BYTES = 512 * 1024 * 1024;

/**
 * One school of the stand-in: its generated data, plus what makes serving fast: list snapshots and the JSON
 * of each record per include set, both kept until the next change (any change drops them all).
 */
export class WondeSchool {
  readonly data: SchoolData;
  readonly serializer: WondeRecordSerializer;
  private readonly renderer: WondeJsonRenderer;
  private readonly lists = new Map<string, readonly Listed[]>();
  private readonly responses = new Map<string, Buffer>();
  private cachedBytes = 0;
  private lastNow = GENERATED_BEFORE;

  constructor(
    readonly config: StandInSchool,
    private readonly clock: () => number,
  ) {
    this.data = generateSchool({
      seed: config.seed,
      pupils: config.pupils,
      phase: config.phase ?? 'primary',
    });
    this.serializer = new WondeRecordSerializer(this.data);
    this.renderer = new WondeJsonRenderer(this.data, this.serializer);
  }

  /** Strictly increasing and after every generated timestamp, so a change is always "updated after". */
  now(): number {
    this.lastNow = Math.max(this.lastNow + 1, this.clock());
    return this.lastNow;
  }

  invalidate(): void {
    this.lists.clear();
    this.responses.clear();
    this.cachedBytes = 0;
    this.renderer.clear();
  }

  list(collection: Collection, filter: ListFilter = {}): readonly Listed[] {
    const key = `${collection}|${filter.updatedAfter ?? ''}|${filter.updatedBefore ?? ''}`;
    let listed = this.lists.get(key);
    if (!listed) {
      const after = filter.updatedAfter ?? -Infinity;
      const before = filter.updatedBefore ?? Infinity;
      listed = this.all(collection).filter(
        (record) => record.updatedAt > after && record.updatedAt <= before,
      );
      this.lists.set(key, listed);
    }
    return listed;
  }

  find(collection: Collection, id: string): Listed | undefined {
    return this.all(collection).find((record) => record.id === id);
  }

  /** A whole response body, kept (as bytes) until the next change: a repeated full read is only writes. */
  response(key: string, build: () => Buffer): Buffer {
    let body = this.responses.get(key);
    if (!body) {
      body = build();
      if (this.cachedBytes + body.length > MAX_CACHED_BYTES) {
        this.responses.clear();
        this.cachedBytes = 0;
      }
      this.responses.set(key, body);
      this.cachedBytes += body.length;
    }
    return body;
  }

  /** One record with its includes, as JSON chunks (cached until the next change). */
  render(collection: Collection, record: Listed, includes: IncludeTree): JsonChunks {
    return this.renderer.render(KINDS[collection], record, includes);
  }

  private all(collection: Collection): readonly Listed[] {
    const key = `${collection}|all`;
    let listed = this.lists.get(key);
    if (!listed) {
      listed = this.collect(collection);
      this.lists.set(key, listed);
    }
    return listed;
  }

  private collect(collection: Collection): readonly Listed[] {
    const { pupils, contacts, employees, groups, classes } = this.data;
    switch (collection) {
      case 'students':
        return [...pupils.values()].filter((pupil) => pupil.status === 'on-roll');
      case 'students-leaver':
        return [...pupils.values()].filter((pupil) => pupil.status === 'leaver');
      case 'contacts':
        return [...contacts.values()];
      case 'employees':
        return [...employees.values()];
      case 'groups':
        return [...groups.values()];
      case 'classes':
        return [...classes.values()];
    }
  }
}
