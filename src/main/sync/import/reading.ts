import type { ImportFormat } from '../../../shared/contract/sync';
import type { RemoteOrder } from '../model';
import { readTable, resolveColumns, tableRows, type CsvRow } from './table';
import { CellProblem, type DateOrder, type DecimalSeparator } from './values';

/**
 * Reading a whole export into orders, in memory, writing nothing: rows are
 * grouped into orders (the platforms write one row per line item), each order
 * is built by its format's reader, and every problem is kept with its row.
 * An order with any bad row is left out whole: half an order would import
 * wrong totals.
 */
export interface ReadOptions {
  /** The store's time zone, for times written without an offset. */
  timeZone: string;
  dateOrder: DateOrder;
  decimalSeparator: DecimalSeparator;
  /** For files that do not say their currency on every order. */
  currency: string | null;
}

/** A customer as the file describes them; matched to the store's customers by email. */
export interface CustomerDraft {
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  marketingConsent: boolean;
}

export interface BuiltOrder {
  order: RemoteOrder;
  customer: CustomerDraft | null;
}

export interface FormatReader {
  /** Finishes "This does not look like …". */
  describes: string;
  aliases: Readonly<Record<string, readonly string[]>>;
  /** Each entry: at least one of these fields must have a column. */
  required: readonly (readonly string[])[];
  /** Which order a row belongs to; '' when the row names none. */
  orderKey(row: CsvRow): string;
  /** Throws CellProblem (or RowProblem for another row of the order) when something is wrong. */
  build(rows: readonly CsvRow[], options: ReadOptions): BuiltOrder;
}

export class RowProblem extends Error {
  constructor(readonly row: number, message: string) {
    super(message);
  }
}

/** Runs `read` on one row, so a cell's problem names that row. */
export function onRow<T>(row: CsvRow, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CellProblem) throw new RowProblem(row.number, error.message);
    throw error;
  }
}

export interface ReadOrderEntry extends BuiltOrder {
  rows: number[];
}

export interface FileReading {
  format: ImportFormat;
  columns: string[];
  dataRows: number;
  orders: ReadOrderEntry[];
  problems: { row: number; message: string }[];
  /** Per row: the order it went into (index in `orders`) or why it did not. */
  outcomes: Map<number, { order: number | null; problem: string | null }>;
}

export function readFile(csv: string, format: ImportFormat, reader: FormatReader, options: ReadOptions): FileReading {
  const table = readTable(csv);
  const index = resolveColumns(table.columns, reader.aliases, reader.required, reader.describes);
  const rows = tableRows(table.records, index);
  const reading: FileReading = {
    format, columns: table.columns, dataRows: rows.length, orders: [], problems: [], outcomes: new Map(),
  };
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const problem = row.width > table.columns.length
      ? `Row ${row.number} has ${row.width} values but the header has ${table.columns.length} columns; is a comma missing its quotes?`
      : reader.orderKey(row) === '' ? `Row ${row.number} names no order, so it was not imported.` : null;
    if (problem) {
      reading.problems.push({ row: row.number, message: problem });
      reading.outcomes.set(row.number, { order: null, problem });
      continue;
    }
    const key = reader.orderKey(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const [key, group] of groups) {
    try {
      const built = reader.build(group, options);
      const at = reading.orders.push({ ...built, rows: group.map((row) => row.number) }) - 1;
      for (const row of group) reading.outcomes.set(row.number, { order: at, problem: null });
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      const message = `Row ${error.row}: ${error.message}; order ${key} was not imported.`;
      reading.problems.push({ row: error.row, message });
      for (const row of group) {
        reading.outcomes.set(row.number, {
          order: null, problem: row.number === error.row ? message : `Part of order ${key}, which was not imported (see row ${error.row}).`,
        });
      }
    }
  }
  reading.problems.sort((a, b) => a.row - b.row);
  return reading;
}
