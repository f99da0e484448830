import type { EntityManager } from '@mikro-orm/mysql';

const TABLES = [
  'pupils',
  'contacts',
  'pupil_contacts',
  'staff_members',
  'pupil_groups',
  'group_members',
  'pupil_characteristics',
];

/**
 * The baseline: the same rows the sync wrote, copied with plain multi-row INSERTs of 1,000 rows into empty
 * tables of the same shape (no reading from Wonde, no planning, no upsert). Returns rows and milliseconds.
 */
export async function rawInsertBaseline(
  em: EntityManager,
  schoolId: string,
): Promise<{ rows: number; ms: number }> {
  const connection = em.getConnection();
  const data: Array<{ table: string; columns: string[]; rows: unknown[][] }> = [];
  for (const table of TABLES) {
    await connection.execute(`drop table if exists \`bench_${table}\``);
    await connection.execute(`create table \`bench_${table}\` like \`${table}\``);
    const rows = await connection.execute<Array<Record<string, unknown>>>(
      `select * from \`${table}\` where school_id = ?`,
      [schoolId],
    );
    const columns = rows[0] ? Object.keys(rows[0]) : [];
    data.push({
      table,
      columns,
      rows: rows.map((r) =>
        columns.map((c) =>
          typeof r[c] === 'object' && r[c] !== null && !(r[c] instanceof Date) ? JSON.stringify(r[c]) : r[c],
        ),
      ),
    });
  }
  const started = performance.now();
  let total = 0;
  for (const { table, columns, rows } of data) {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      await connection.execute(
        `insert into \`bench_${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) values ${chunk.map(() => tuple).join(', ')}`,
        chunk.flat(),
      );
      total += chunk.length;
    }
  }
  const ms = performance.now() - started;
  for (const table of TABLES) {
    await connection.execute(`drop table if exists \`bench_${table}\``);
  }
  return { rows: total, ms };
}

export async function directoryRows(em: EntityManager, schoolId: string): Promise<number> {
  let total = 0;
  for (const table of TABLES) {
    const [row] = await em
      .getConnection()
      .execute<Array<{ n: number }>>(`select count(*) as n from \`${table}\` where school_id = ?`, [
        schoolId,
      ]);
    total += Number(row?.n ?? 0);
  }
  return total;
}
