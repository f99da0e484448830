import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { SchoolDataEraser, type ErasedChunk } from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import { placeholders, runSql, selectRows } from '../directory/bulk-sql';

interface Step {
  readonly table: string;
  readonly sql: string;
  readonly params: (schoolId: string) => unknown[];
}

/** Deletes a chunk of a school's rows, in this order: first what is found through other rows, last the school. */
/** People whose only memberships are at this school. */
const ONLY_HERE = `select user_id from memberships where school_id = ?
   and user_id not in (select user_id from memberships where school_id is null or school_id <> ?)`;

const before: readonly Step[] = [
  {
    // The only table of school data without its own school_id: found through the school's events.
    table: 'parents_evening_parents',
    sql: `delete from parents_evening_parents where event_id in (select id from events where school_id = ?) limit ?`,
    params: (s) => [s],
  },
];

const last: readonly Step[] = [
  // The head of the school's audit hash chain, keyed by the school's id.
  {
    table: 'audit_chain_heads',
    sql: 'delete from audit_chain_heads where chain_key = ? limit ?',
    params: (s) => [s],
  },
  { table: 'schools', sql: 'delete from schools where id = ? limit ?', params: (s) => [s] },
];

/**
 * The tables that hold school data are found in the schema, not listed here: every table with a `school_id`
 * column, so a table added later is destroyed with the rest without anyone remembering to add it.
 * Memberships go first so that nobody can act at the school while the rest goes.
 */
@Injectable()
export class MikroOrmSchoolDataEraser extends SchoolDataEraser {
  private tables?: Promise<string[]>;

  constructor(private readonly em: EntityManager) {
    super();
  }

  async eraseChunk(schoolId: SchoolId, limit: number): Promise<ErasedChunk | null> {
    const people = await this.eraseOwnPeople(schoolId, limit);
    if (people) {
      return people;
    }
    const byColumn = (await this.schoolTables()).map((table): Step => ({
      table,
      sql: `delete from \`${table}\` where school_id = ? limit ?`,
      params: (s) => [s],
    }));
    for (const step of [...before, ...byColumn, ...last]) {
      const rows = await runSql(this.em, step.sql, [...step.params(schoolId), limit]);
      if (rows > 0) {
        return { table: step.table, rows };
      }
    }
    return null;
  }

  /**
   * People who belonged only to this school (its parents, most of its staff): their Rowan accounts go, and their
   * identity-provider subjects are handed back to be forgotten there.
   */
  private async eraseOwnPeople(schoolId: SchoolId, limit: number): Promise<ErasedChunk | null> {
    const sessions = await runSql(
      this.em,
      `delete from sign_in_sessions where user_id in (${ONLY_HERE}) limit ?`,
      [schoolId, schoolId, limit],
    );
    if (sessions > 0) {
      return { table: 'sign_in_sessions', rows: sessions };
    }
    const users = await selectRows<{ id: string; identity_subject: string | null }>(
      this.em,
      `select id, identity_subject from users where id in (${ONLY_HERE}) order by id limit ? for update`,
      [schoolId, schoolId, limit],
    );
    if (!users.length) {
      return null;
    }
    const rows = await runSql(
      this.em,
      `delete from users where id in (${placeholders(users)})`,
      users.map((u) => u.id),
    );
    return {
      table: 'users',
      rows,
      identitySubjects: users.flatMap((u) => (u.identity_subject ? [u.identity_subject] : [])),
    };
  }

  private schoolTables(): Promise<string[]> {
    this.tables ??= selectRows<{ table_name: string }>(
      this.em,
      `select c.table_name as table_name
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = database() and c.column_name = 'school_id' and t.table_type = 'BASE TABLE'
        order by c.table_name = 'memberships' desc, c.table_name`,
      [],
    ).then((rows) => rows.map((r) => r.table_name));
    return this.tables;
  }
}
