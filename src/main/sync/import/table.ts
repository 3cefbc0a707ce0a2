import { AppError } from '../../../shared/errors';
// The feedback inbox's RFC 4180 reader serves both imports; it belongs in a shared place (see the csv-import report).
import { CsvSyntaxError, parseCsv } from '../../../shared/csv';

/**
 * A CSV export as a header and numbered rows (CsvRow reads a cell by field). Rows are numbered as a
 * spreadsheet shows them: the header is row 1, the first order row is row 2.
 */
export class CsvRow {
  constructor(
    readonly number: number,
    private readonly fields: string[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  /** The trimmed cell under a field the header resolved; '' when the column is absent or the cell empty. */
  get(field: string): string {
    const at = this.index.get(field);
    return at === undefined ? '' : (this.fields[at] ?? '').trim();
  }

  has(field: string): boolean {
    return this.index.has(field);
  }

  get width(): number {
    return this.fields.length;
  }
}

export function readTable(csv: string): { columns: string[]; records: { number: number; fields: string[] }[] } {
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new AppError('VALIDATION', `The file is not valid CSV: ${error.message}`);
    throw error;
  }
  const [header, ...rest] = records;
  if (!header || rest.length === 0) {
    throw new AppError('VALIDATION', 'The file has no orders: it needs a header row and at least one row below it.');
  }
  return {
    columns: header.fields.map((name) => name.trim()),
    records: rest.map((record, i) => ({ number: i + 2, fields: record.fields })),
  };
}

/**
 * Finds each field's column by the names a platform writes (case and spacing
 * ignored); refuses the file with one sentence when a required one is absent,
 * which is also how a Shopify file chosen as WooCommerce is caught.
 */
export function resolveColumns(
  columns: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>>,
  required: readonly (readonly string[])[],
  formatName: string,
): Map<string, number> {
  const position = new Map<string, number>();
  columns.forEach((name, i) => {
    const key = normaliseHeader(name);
    if (!position.has(key)) position.set(key, i);
  });
  const index = new Map<string, number>();
  for (const [field, names] of Object.entries(aliases)) {
    for (const name of names) {
      const at = position.get(normaliseHeader(name));
      if (at !== undefined) {
        index.set(field, at);
        break;
      }
    }
  }
  const missing = required
    .filter((anyOf) => !anyOf.some((field) => index.has(field)))
    .map((anyOf) => anyOf.map((field) => `"${aliases[field]?.[0] ?? field}"`).join(' or '));
  if (missing.length > 0) {
    throw new AppError('VALIDATION',
      `This does not look like ${formatName}: the ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing from the first row.`);
  }
  return index;
}

export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

export function tableRows(records: { number: number; fields: string[] }[], index: ReadonlyMap<string, number>): CsvRow[] {
  return records.map((record) => new CsvRow(record.number, record.fields, index));
}
