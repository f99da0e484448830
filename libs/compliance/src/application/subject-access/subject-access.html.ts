import { createHash } from 'node:crypto';
import {
  DATA_CATEGORIES,
  SUBJECT_LABELS,
  type CellValue,
  type SectionColumn,
  type SubjectAccessReport,
  type SubjectDataSection,
} from '../../domain/subject-access';

/**
 * The export as one standalone page for people: no scripts, nothing loaded from elsewhere, every value escaped,
 * and one inline stylesheet that a Content-Security-Policy allows by its hash (SUBJECT_ACCESS_STYLE_HASH).
 */
export const SUBJECT_ACCESS_STYLESHEET = [
  ':root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;line-height:1.45}',
  'body{margin:0 auto;max-width:72rem;padding:1.5rem}',
  'header{border-bottom:2px solid #1b1b1b;margin-bottom:1.5rem;padding-bottom:0.75rem}',
  'h1{font-size:1.6rem;margin:0 0 0.25rem}',
  'h2{font-size:1.3rem;margin:2rem 0 0.5rem;border-bottom:1px solid #767676}',
  'h3{font-size:1.05rem;margin:1.25rem 0 0.25rem}',
  'p{margin:0 0 0.5rem}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:0.15rem 1rem;margin:0}',
  'dt{font-weight:600}dd{margin:0}',
  '.muted{color:#505050}',
  'table{border-collapse:collapse;width:100%;margin:0.25rem 0 1rem;font-size:0.9rem}',
  'th,td{border:1px solid #b1b4b6;padding:0.3rem 0.45rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}',
  'thead th{background:#f3f2f1}',
  '@media print{body{padding:0;max-width:none}h2{break-after:avoid}h3{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}}',
].join('\n');

/** The stylesheet's CSP source expression (`'sha256-…'`), for `style-src`. */
export const SUBJECT_ACCESS_STYLE_HASH = `'sha256-${createHash('sha256').update(SUBJECT_ACCESS_STYLESHEET).digest('base64')}'`;

/** The policy the page is served with: nothing but its own stylesheet. */
export const SUBJECT_ACCESS_CSP = [
  "default-src 'none'",
  `style-src ${SUBJECT_ACCESS_STYLE_HASH}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  dateStyle: 'medium',
  timeStyle: 'short',
});

const UK_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium' });

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** A value as people read it (UK time, pounds, Yes/No); the JSON export keeps the raw value. */
export function readable(value: CellValue, type: SectionColumn['type']): string {
  if (value === null || value === '') {
    return '–';
  }
  switch (type) {
    case 'boolean':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'pence':
      return typeof value === 'number' ? POUNDS.format(value / 100) : String(value);
    case 'datetime': {
      const at = new Date(String(value));
      return Number.isNaN(at.getTime()) ? String(value) : UK_TIME.format(at);
    }
    case 'date': {
      const day = new Date(`${String(value)}T00:00:00Z`);
      return Number.isNaN(day.getTime()) ? String(value) : UK_DAY.format(day);
    }
    case 'number':
    case 'text':
      return String(value);
  }
}

function table(section: SubjectDataSection): string {
  if (!section.rows.length) {
    return '<p class="muted">Nothing is held.</p>';
  }
  const head = section.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = section.rows
    .map(
      (row) =>
        `<tr>${section.columns.map((c) => `<td>${escapeHtml(readable(row[c.key] ?? null, c.type))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function section(s: SubjectDataSection): string {
  const count = `${s.rows.length} ${s.rows.length === 1 ? 'record' : 'records'}`;
  return [
    `<section aria-labelledby="${escapeHtml(s.key)}">`,
    `<h3 id="${escapeHtml(s.key)}">${escapeHtml(s.title)} <span class="muted">(${count})</span></h3>`,
    `<p class="muted">${escapeHtml(s.description)}</p>`,
    table(s),
    '</section>',
  ].join('\n');
}

/** The whole page: headed with the school, the subject and when it was generated; one table per section. */
export function renderSubjectAccessHtml(report: SubjectAccessReport): string {
  const label = SUBJECT_LABELS[report.subject.kind];
  const title = `Subject access export: ${report.subject.name}`;
  const categories = DATA_CATEGORIES.map((category) => {
    const sections = report.sections.filter((s) => s.category === category);
    return sections.length ? `<h2>${escapeHtml(category)}</h2>\n${sections.map(section).join('\n')}` : '';
  }).filter(Boolean);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${SUBJECT_ACCESS_STYLESHEET}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<dl>
<dt>School</dt><dd>${escapeHtml(report.school.name)}</dd>
<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(report.subject.name)} <span class="muted">(${escapeHtml(report.subject.id)})</span></dd>
<dt>Generated</dt><dd><time datetime="${report.generatedAt.toISOString()}">${escapeHtml(UK_TIME.format(report.generatedAt))}</time> (UK time)</dd>
</dl>
<p class="muted">Everything Rowan holds about this person at ${escapeHtml(report.school.name)}, for a subject access request (UK GDPR Article 15). Times are UK time; amounts are in pounds.</p>
</header>
<main>
${categories.join('\n')}
</main>
</body>
</html>
`;
}
