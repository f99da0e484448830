import { CsvError, parse } from 'csv-parse/sync';
import type { FieldError } from '@rowan/kernel';
import type { ImportFile } from '@rowan/directory';
import { TEMPLATES } from './csv-templates';

/** One data row: its line in the file and a reader for its cells by column name (trimmed; '' when blank). */
export interface CsvRow {
  readonly line: number;
  cell(column: string): string;
}

/** Collects faults by file, line and column, keeping the first `limit`. */
export class CsvFaults {
  readonly list: FieldError[] = [];
  total = 0;

  constructor(private readonly limit = 100) {}

  add(file: ImportFile, line: number, column: string | undefined, message: string): void {
    this.total++;
    if (this.list.length < this.limit) {
      const where = column ? `${file}.csv line ${line}, column ${column}` : `${file}.csv line ${line}`;
      this.list.push({ field: file, line, ...(column ? { column } : {}), message: `${where}: ${message}` });
    }
  }
}

/**
 * Parses one uploaded file against its template: the header must name every required column and nothing
 * unknown; each row must have as many cells as the header. Faults are collected; rows come back only when the
 * file's shape is right.
 */
export function readTable(file: ImportFile, text: string, faults: CsvFaults): CsvRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // csv-parse counts a CRLF inside a quoted cell as two lines: read every line ending as LF.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = error instanceof CsvError ? Number((error as CsvError & { lines?: number }).lines ?? 1) : 1;
    faults.add(file, line, undefined, `this is not readable CSV (${(error as Error).message})`);
    return [];
  }
  const [header, ...rows] = records;
  if (!header) {
    faults.add(file, 1, undefined, 'the file is empty: it needs the header row from the template');
    return [];
  }
  const names = header.record.map((n) => n.toLowerCase());
  const known = new Set(TEMPLATES[file].map((c) => c.name));
  const before = faults.total;
  names.forEach((n, i) => {
    if (!known.has(n)) {
      faults.add(file, header.info.lines, n || `column ${i + 1}`, 'is not a column of the template');
    } else if (names.indexOf(n) !== i) {
      faults.add(file, header.info.lines, n, 'appears twice in the header');
    }
  });
  for (const c of TEMPLATES[file]) {
    if (c.required && !names.includes(c.name)) {
      faults.add(file, header.info.lines, c.name, 'is missing from the header (it is required)');
    }
  }
  if (faults.total > before) {
    return [];
  }
  const index = new Map(names.map((n, i) => [n, i]));
  return rows.flatMap(({ record, info }) => {
    if (record.length !== names.length) {
      faults.add(
        file,
        startLine(record, info.lines),
        undefined,
        `has ${record.length} cells but the header has ${names.length} columns`,
      );
      return [];
    }
    return [
      {
        line: startLine(record, info.lines),
        cell: (column: string) => record[index.get(column) ?? -1] ?? '',
      },
    ];
  });
}

/** The line a row starts on: csv-parse reports where it ends, later by any line breaks inside quoted cells. */
function startLine(record: readonly string[], endLine: number): number {
  return endLine - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0);
}
