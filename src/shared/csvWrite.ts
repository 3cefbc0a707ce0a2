/**
 * CSV cells and lines by RFC 4180 (CRLF line ends; a field holding a comma,
 * quote, CR or LF is quoted, its quotes doubled), safe to open in a
 * spreadsheet: text starting with = + - @ (or a tab or CR, which some
 * spreadsheets skip before reading a formula) gets a leading single quote,
 * so "=HYPERLINK(...)" in a customer name stays text (OWASP: CSV injection).
 * The core's exports and the renderer's chart exports write with these.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  // Numbers are written by the exporter itself (counts, decimal money, a chart's data): never a formula.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A header and rows as one CSV text. */
export function csvText(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [columns, ...rows].map(csvLine).join('');
}
