/** What a spreadsheet reads as the start of a formula (or a DDE call) when it opens a cell of text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text for a spreadsheet cell that no spreadsheet will run: one that starts like a formula (`=`, `+`, `-`,
 * `@`, a tab or a carriage return) gets a leading `'`, so Excel, LibreOffice and Sheets show it as text
 * (OWASP's CSV injection advice). Everything else is left exactly as it was.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
