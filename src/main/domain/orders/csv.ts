/**
 * CSV cells and lines by RFC 4180 (CRLF line ends; a field holding a comma,
 * quote, CR or LF is quoted, its quotes doubled), safe to open in a
 * spreadsheet: text starting with = + - @ (or a tab or CR, which some
 * spreadsheets skip before reading a formula) gets a leading single quote,
 * so "=HYPERLINK(...)" in a customer name stays text (OWASP: CSV injection).
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  // Numbers are written by the exporter itself (counts, decimal money): never a formula.
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
