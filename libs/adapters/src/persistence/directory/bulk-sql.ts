import type { EntityManager } from '@mikro-orm/mysql';

export const CHUNK = 500;

/** `?, ?, ?`: one placeholder per value, for `in (…)` and `values (…)`. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

export function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) {
    out.push(rows.slice(i, i + size));
  }
  return out;
}

/** One multi-row `INSERT … ON DUPLICATE KEY UPDATE` per chunk, inside the caller's transaction. */
export async function upsertRows(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  update: readonly string[],
): Promise<void> {
  const cols = columns.map((c) => `\`${c}\``).join(', ');
  const tuple = `(${placeholders(columns)})`;
  const onDuplicate = update.length
    ? ` on duplicate key update ${update.map((c) => `\`${c}\` = values(\`${c}\`)`).join(', ')}`
    : '';
  for (const chunk of chunks(rows)) {
    const sql = `insert into \`${table}\` (${cols}) values ${chunk.map(() => tuple).join(', ')}${onDuplicate}`;
    await em.getConnection().execute(sql, chunk.flat(), 'run', em.getTransactionContext());
  }
}

/** `delete from table where schoolId = ? and column in (…)`, chunked. */
export async function deleteWhereIn(
  em: EntityManager,
  table: string,
  schoolId: string,
  column: string,
  values: readonly string[],
): Promise<void> {
  for (const chunk of chunks(values)) {
    await em
      .getConnection()
      .execute(
        `delete from \`${table}\` where school_id = ? and \`${column}\` in (${placeholders(chunk)})`,
        [schoolId, ...chunk],
        'run',
        em.getTransactionContext(),
      );
  }
}

export async function selectRows<T>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

/** One statement in the caller's transaction (when there is one); the number of rows it changed. */
export async function runSql(em: EntityManager, sql: string, params: readonly unknown[]): Promise<number> {
  const result = await em
    .getConnection()
    .execute<{ affectedRows: number }>(sql, [...params], 'run', em.getTransactionContext());
  return result.affectedRows;
}
