import type { OrderExportChunk, OrderRow, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { csvLine, type CsvCell } from '../../../shared/csvWrite';
import { filterConditions, listOrders } from './list';
import { decimalMajor } from './money-text';
import { taggedOrdersSql } from './page-plan';
import { SqlParams } from './sql-params';

/**
 * `orders.export`: the current filter and sort as CSV, one chunk per call so
 * the window can show progress and never holds a million rows at once. Chunks
 * are keyset pages of orders.list (same plans, same order); the exact count is
 * taken once, on the first call, and travels in the cursor.
 */
type ExportInput = ParsedInputOf<'orders.export'>;

const HEADER = [
  'order_number', 'placed_at', 'status', 'financial_status', 'fulfillment_status', 'channel', 'payment_method',
  'customer_name', 'customer_email', 'currency', 'total', 'refunded',
];

function cells(row: OrderRow): CsvCell[] {
  return [
    row.orderNumber, row.placedAt, row.status, row.financialStatus, row.fulfillmentStatus, row.channel,
    row.paymentMethod, row.customer?.name ?? null, row.customer?.email ?? null, row.currency,
    decimalMajor(row.totalMinor, row.currency), decimalMajor(row.refundedMinor, row.currency),
  ];
}

/** How many orders the filter matches, exactly. */
export function countOrders(sqlite: Sqlite, filter: ExportInput['filter']): number {
  const params = new SqlParams();
  const where = filterConditions(sqlite, filter ?? {}, params);
  if (where === null) return 0;
  const from = filter?.tag
    ? `(${taggedOrdersSql(filter.tag, params)}) tagged CROSS JOIN orders o ON o.id = tagged.order_id`
    : 'orders o';
  const sql = `SELECT count(*) AS n FROM ${from} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  return sqlite.prepare<Record<string, string | number>, { n: number }>(sql).get(params.values)?.n ?? 0;
}

const EXPORT_CURSOR = /^(\d{1,12})\.([A-Za-z0-9_-]+)$/;

function splitCursor(cursor: string): { total: number; page: string } {
  const match = EXPORT_CURSOR.exec(cursor);
  if (!match) throw new AppError('VALIDATION', 'The request is not valid: cursor is not one this export gave out; start the export again.');
  return { total: Number(match[1]), page: match[2]! };
}

export function exportOrders(sqlite: Sqlite, input: ExportInput): OrderExportChunk {
  const resumed = input.cursor === undefined ? null : splitCursor(input.cursor);
  const total = resumed?.total ?? countOrders(sqlite, input.filter);
  const page = listOrders(sqlite, {
    filter: input.filter, sort: input.sort, limit: input.pageSize, cursor: resumed?.page,
  });
  const lines = page.rows.map((row) => csvLine(cells(row)));
  if (!resumed) lines.unshift(csvLine(HEADER));
  return {
    csv: lines.join(''),
    rows: page.rows.length,
    nextCursor: page.nextCursor === null ? null : `${total}.${page.nextCursor}`,
    totalEstimate: total,
  };
}
