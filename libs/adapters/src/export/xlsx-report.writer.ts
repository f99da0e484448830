import type { ReportCell, ReportColumn, TabularReport } from '@rowan/kernel';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { neutraliseFormula } from './formula-guard';
import { numberOf, ukWallClock } from './report-cells';

const NUMBER_FORMATS: Partial<Record<ReportColumn['kind'], string>> = {
  integer: '0',
  pence: '"£"#,##0.00',
  percent: '0.0',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

/** A UK day or moment as the wall-clock Date a spreadsheet shows (spreadsheets have no time zones). */
function wallDate(kind: 'date' | 'datetime', value: ReportCell): Date | string {
  if (value instanceof Date) {
    const text = kind === 'date' ? value.toISOString().slice(0, 10) : ukWallClock(value);
    return new Date(`${text.replace(' ', 'T')}Z`);
  }
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : neutraliseFormula(text);
}

/**
 * One cell's value for exceljs: a number for counts, pounds and percentages; a string for text, never a
 * formula (exceljs writes a formula only from a `{ formula }` object), neutralised as in CSV so it shows as text.
 */
export function xlsxCell(column: ReportColumn, value: ReportCell): ExcelJS.CellValue {
  if (value === null) {
    return null;
  }
  switch (column.kind) {
    case 'integer':
    case 'pence':
    case 'percent':
      return numberOf(column.kind, value);
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'date':
    case 'datetime':
      return wallDate(column.kind, value);
    case 'text':
      return neutraliseFormula(String(value));
  }
}

/** Sheet names: at most 31 characters, none of `\ / ? * [ ] :`. */
const sheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Report';

/**
 * Streams the report into `out` as an XLSX workbook (exceljs's streaming writer): each row is committed as it
 * is read, and reading waits whenever `out` is full, so memory stays flat however many rows there are.
 */
export async function writeXlsx(report: TabularReport, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName(report.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = report.columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: Math.max(10, Math.min(40, c.header.length + 4)),
    style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const cells of report.rows()) {
    if (out.destroyed) {
      return; // the client went away: stop reading pages
    }
    sheet.addRow(report.columns.map((c, i) => xlsxCell(c, cells[i] ?? null))).commit();
    if (out.writableNeedDrain) {
      await once(out, 'drain');
    }
  }
  sheet.commit();
  await workbook.commit();
}
