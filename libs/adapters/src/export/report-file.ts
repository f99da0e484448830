import type { ExportFormat, TabularReport } from '@rowan/kernel';
import { stringify } from 'csv-stringify';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvCell } from './report-cells';
import { writeXlsx } from './xlsx-report.writer';

/** A report file on its way out: what to call it, its media type, and its bytes as they are written. */
export interface ReportFile {
  readonly filename: string;
  readonly contentType: string;
  readonly body: Readable;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function* csvRows(report: TabularReport): AsyncIterable<string[]> {
  for await (const cells of report.rows()) {
    yield report.columns.map((c, i) => csvCell(c.kind, cells[i] ?? null));
  }
}

/** CSV (csv-stringify, with a UTF-8 byte order mark so Excel reads £ and accented names right). */
function csvBody(report: TabularReport): Readable {
  const out = stringify({
    bom: true,
    header: true,
    columns: report.columns.map((c) => c.header),
    record_delimiter: 'windows',
  });
  // Errors destroy `out`, which ends the response; pipeline waits on the reader's pace (backpressure).
  pipeline(Readable.from(csvRows(report)), out).catch(() => undefined);
  return out;
}

function xlsxBody(report: TabularReport): Readable {
  const out = new PassThrough();
  writeXlsx(report, out).catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/**
 * The report as a streamed CSV or XLSX file. Rows are read from the report as the file is written, so a large
 * report never sits in memory; cells are written by their column's kind, text neutralised against formulas.
 */
export function reportFile(report: TabularReport, format: ExportFormat): ReportFile {
  return {
    filename: `${report.filename}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === 'csv' ? csvBody(report) : xlsxBody(report),
  };
}
