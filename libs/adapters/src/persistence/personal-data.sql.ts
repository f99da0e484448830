import type { EntityManager } from '@mikro-orm/mysql';
import type { CellValue, SectionColumn } from '@rowan/compliance';

/** Helpers shared by the personal-data sources (subject access): raw rows into export cells. */

/** A DATETIME as ISO 8601 (UTC); null stays null. */
export const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();

/** A tinyint (or boolean) as a boolean; null stays null. */
export const yes = (value: number | boolean | null | undefined): boolean | null =>
  value === null || value === undefined ? null : Boolean(Number(value));

/** A JSON column as read by the driver (MariaDB hands JSON back as text). */
export function parsed<T>(value: unknown): T | null {
  if (value === null || value === undefined) {
    return null;
  }
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A list as one cell: "a@example.test, b@example.test". */
export const joined = (values: readonly unknown[] | null): string | null =>
  values && values.length ? values.map(String).join(', ') : null;

/** `date_format(col, '%Y-%m-%d')`: DATE columns as text, so no time zone moves a birthday. */
export const day = (column: string, as: string) => `date_format(${column}, '%Y-%m-%d') as ${as}`;

export const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** Rows of a raw select in the request's context. */
export function rows<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, [...params], 'all', em.getTransactionContext());
}

/** Columns written briefly: `['title', 'Title', 'text']`. */
export const columns = (...list: ReadonlyArray<readonly [string, string, SectionColumn['type']]>) =>
  list.map(([key, label, type]) => ({ key, label, type }));

export type Cells = Record<string, CellValue>;
