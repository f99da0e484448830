/**
 * A report as a table, for export: the columns with what kind of value each holds, and the rows pulled page by
 * page (an async iterable), so a writer can stream a file of any length without holding it in memory.
 * Any context's report (events, payments) answers one of these; the CSV and XLSX writers in
 * `libs/adapters/src/export` turn it into a file.
 */
export type ReportCell = string | number | boolean | Date | null;

/**
 * - `text`: shown as written (neutralised against spreadsheet formulas);
 * - `integer`: a count;
 * - `pence`: integer pence, written as pounds (a number, two decimals);
 * - `percent`: a percentage from 0 to 100 (a number, one decimal);
 * - `boolean`: Yes / No;
 * - `date` (a UK day, `YYYY-MM-DD`) and `datetime` (a moment, shown in UK time).
 */
export type ReportColumnKind = 'text' | 'integer' | 'pence' | 'percent' | 'boolean' | 'date' | 'datetime';

export interface ReportColumn {
  readonly header: string;
  readonly kind: ReportColumnKind;
}

export interface TabularReport {
  /** The sheet's name, and the start of the file's name. */
  readonly title: string;
  /** The file's name without its extension: letters, digits, `-` and `_` only. */
  readonly filename: string;
  readonly columns: readonly ReportColumn[];
  /** One array of cells per row, in column order; read lazily, page by page. */
  rows(): AsyncIterable<readonly ReportCell[]>;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file name part from free text: `Year 5 trip!` -> `year-5-trip`. */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'report'
  );
}

/** Pages of a cursor-paged read, as one stream of rows. */
export async function* pagedRows<T>(
  read: (cursor: string | undefined) => Promise<{ items: readonly T[]; nextCursor: string | null }>,
  toCells: (item: T) => readonly ReportCell[],
): AsyncIterable<readonly ReportCell[]> {
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    for (const item of page.items) {
      yield toCells(item);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
