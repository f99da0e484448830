import type { ReportCell, ReportColumnKind } from '@rowan/kernel';
import { neutraliseFormula } from './formula-guard';

const UK_WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as UK wall-clock time: `2026-06-01 09:30`. */
export function ukWallClock(at: Date): string {
  return UK_WALL_CLOCK.format(at).replace(', ', ' ');
}

/** The number a numeric column holds (pence become pounds, percentages one decimal); null for none. */
export function numberOf(kind: ReportColumnKind, value: ReportCell): number | null {
  if (value === null || value === '' || typeof value === 'boolean' || value instanceof Date) {
    return null;
  }
  const n = Number(value);
  if (!Number.isFinite(n)) {
    return null;
  }
  if (kind === 'pence') {
    return Math.round(n) / 100;
  }
  return kind === 'percent' ? Math.round(n * 10) / 10 : n;
}

/** A cell as the text a CSV file holds: neutralised text, plain numbers, Yes/No, UK dates and times. */
export function csvCell(kind: ReportColumnKind, value: ReportCell): string {
  if (value === null) {
    return '';
  }
  switch (kind) {
    case 'integer':
    case 'percent':
      return String(numberOf(kind, value) ?? '');
    case 'pence':
      return numberOf(kind, value)?.toFixed(2) ?? '';
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : neutraliseFormula(String(value));
    case 'datetime':
      return value instanceof Date ? ukWallClock(value) : neutraliseFormula(String(value));
    case 'text':
      return neutraliseFormula(String(value));
  }
}
