import type { MikroORM } from '@mikro-orm/mysql';

/** A base table of the test database and its columns, in their order. */
export interface BaseTable {
  readonly name: string;
  readonly columns: readonly string[];
}

/** Row count and checksum of one table's rows that belong to the schools and trusts asked about. */
export interface TableFingerprint {
  readonly rows: number;
  readonly checksum: string;
}

export interface TenantIds {
  readonly schoolIds: readonly string[];
  readonly trustIds?: readonly string[];
}

/** Every base table of the run's database (views left out), with its columns. */
export async function baseTables(orm: MikroORM): Promise<BaseTable[]> {
  const rows = (await orm.em
    .fork()
    .getConnection()
    .execute(
      `select c.table_name as name, group_concat(c.column_name order by c.ordinal_position separator ',') as columns
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = database() and t.table_type = 'BASE TABLE'
        group by c.table_name
        order by c.table_name`,
    )) as Array<{ name: string; columns: string }>;
  return rows.map((r) => ({ name: r.name, columns: r.columns.split(',') }));
}

/**
 * Which rows of a table belong to the given schools and trusts: its `school_id` or `trust_id` column (the
 * `schools` and `trusts` tables by their own id), or null for a table with no such column.
 */
function ownership(table: BaseTable, ids: TenantIds): { where: string; params: string[] } | null {
  const schoolIds = ids.schoolIds.length ? [...ids.schoolIds] : [''];
  const trustIds = ids.trustIds?.length ? [...ids.trustIds] : [''];
  const has = (column: string) => table.columns.includes(column);
  const list = (values: string[]) => values.map(() => '?').join(', ');
  const parts: Array<{ sql: string; params: string[] }> = [];
  if (table.name === 'schools') {
    parts.push({ sql: `\`id\` in (${list(schoolIds)})`, params: schoolIds });
  }
  if (table.name === 'trusts') {
    parts.push({ sql: `\`id\` in (${list(trustIds)})`, params: trustIds });
  }
  if (has('school_id')) {
    parts.push({ sql: `\`school_id\` in (${list(schoolIds)})`, params: schoolIds });
  }
  if (has('trust_id')) {
    parts.push({ sql: `\`trust_id\` in (${list(trustIds)})`, params: trustIds });
  }
  return parts.length
    ? { where: parts.map((p) => p.sql).join(' or '), params: parts.flatMap((p) => p.params) }
    : null;
}

/**
 * For every base table with a `school_id` or `trust_id` column (and the schools and trusts themselves), the
 * number of rows of these schools and trusts and a checksum of all their columns. Two fingerprints taken around
 * a request are equal exactly when it changed none of those rows (short of a CRC32 collision). Scoped strictly
 * to the ids given, so test files running in parallel in the same database do not disturb each other.
 */
export async function fingerprintSchools(
  orm: MikroORM,
  ids: TenantIds,
): Promise<Record<string, TableFingerprint>> {
  const selects: string[] = [];
  const params: string[] = [];
  for (const table of await baseTables(orm)) {
    const owned = ownership(table, ids);
    if (!owned) {
      continue;
    }
    // QUOTE keeps NULL apart from an empty string and from a neighbour's value.
    const row = `concat_ws('|', ${table.columns.map((c) => `quote(\`${c}\`)`).join(', ')})`;
    selects.push(
      `select '${table.name}' as name, count(*) as n, coalesce(bit_xor(crc32(${row})), 0) as x,
              coalesce(sum(crc32(${row})), 0) as s
         from \`${table.name}\` where ${owned.where}`,
    );
    params.push(...owned.params);
  }
  const rows = (await orm.em.fork().getConnection().execute(selects.join('\nunion all\n'), params)) as Array<{
    name: string;
    n: number | string;
    x: number | string;
    s: number | string;
  }>;
  return Object.fromEntries(
    rows.map((r) => [r.name, { rows: Number(r.n), checksum: `${String(r.x)}:${String(r.s)}` }]),
  );
}

/** The tables whose fingerprint differs between two fingerprints, with both sides: empty when nothing changed. */
export function fingerprintChanges(
  before: Record<string, TableFingerprint>,
  after: Record<string, TableFingerprint>,
): Array<{ table: string; before?: TableFingerprint; after?: TableFingerprint }> {
  const tables = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return tables
    .filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]))
    .map((t) => ({ table: t, before: before[t], after: after[t] }));
}
