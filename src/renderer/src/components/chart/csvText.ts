/**
 * A chart's rows as RFC 4180 CSV text (CRLF line ends; a field holding a comma,
 * quote, CR or LF is quoted, its quotes doubled). Text starting with = + - @
 * (or a tab or CR) gets a leading single quote so a spreadsheet keeps it as
 * text (OWASP: CSV injection) — the same rules as the core's exports
 * (src/main/domain/orders/csv.ts), which the renderer cannot import.
 */
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvValue(value: CsvValue): string {
  if (value === null) return '';
  // Numbers come from the chart's own data, never from a merchant's text: never a formula.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [columns, ...rows].map((cells) => `${cells.map(csvValue).join(',')}\r\n`).join('');
}
