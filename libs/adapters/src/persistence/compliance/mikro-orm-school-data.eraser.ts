import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { SchoolDataEraser } from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import { runSql, selectRows } from '../directory/bulk-sql';

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
    table: 'sign_in_sessions',
    sql: `delete from sign_in_sessions where user_id in (${ONLY_HERE}) limit ?`,
    params: (s) => [s, s],
  },
  {
    // People who belonged only to this school (its parents, most of its staff): their Rowan accounts go too.
    table: 'users',
    sql: `delete from users
           where id in (select user_id from memberships where school_id = ?)
             and id not in (select user_id from memberships where school_id is null or school_id <> ?)
           limit ?`,
    params: (s) => [s, s],
  },
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

  async eraseChunk(schoolId: SchoolId, limit: number): Promise<{ table: string; rows: number } | null> {
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
