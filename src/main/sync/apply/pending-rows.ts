import type { Sqlite } from '../../db/connection';
import type { StoredShipment } from './order-children';
import { prepared } from './statements';

/**
 * The lines, payments and shipments of orders new in a page, gathered and
 * written a few dozen rows per statement when the page is written (or a batch
 * fills): one statement per row was most of a first sync's native calls. Only
 * in a page's first attempt (index.ts): with a savepoint per record, each
 * record writes its own rows. Before an order already stored is rewritten, the
 * batches are written out, so its upserts and deletions see every row before them.
 *
 * A new order has no child rows yet, so its children are inserted without
 * being looked up first. Should one carry the id of a row another order holds,
 * its statement fails on the unique key, the attempt rolls back, and the page
 * is applied again record by record, where every child is looked up (index.ts).
 */
const ROWS_PER_STATEMENT = 40;

interface Table {
  /** The statement for 1..ROWS_PER_STATEMENT rows, built once each: a new string per use would be hashed anew. */
  sql: readonly string[];
  width: number;
}

function table(head: string, width: number, tail: string): Table {
  const row = `(${Array(width).fill('?').join(', ')})`;
  return {
    width,
    sql: Array.from({ length: ROWS_PER_STATEMENT + 1 }, (_, rows) => `${head} VALUES ${Array(rows).fill(row).join(', ')} ${tail}`),
  };
}

export const LINE_COLUMNS = `(order_id, store_id, external_id, product_id, title, sku, quantity, unit_price_minor,
    discount_minor, total_minor)`;
export const PAYMENT_COLUMNS = `(order_id, store_id, external_id, kind, method, gateway, status, amount_minor,
    currency, error_code, processed_at, remote_updated_at)`;
export const PAYMENT_CONFLICT = `ON CONFLICT (store_id, external_id) DO UPDATE SET order_id = excluded.order_id,
    kind = excluded.kind, method = excluded.method, gateway = excluded.gateway, status = excluded.status,
    amount_minor = excluded.amount_minor, currency = excluded.currency, error_code = excluded.error_code,
    processed_at = excluded.processed_at, remote_updated_at = excluded.remote_updated_at`;
export const SHIPMENT_COLUMNS = `(order_id, store_id, external_id, carrier, service, tracking_number, tracking_url,
    status, destination_country, destination_region, shipped_at, original_estimated_delivery_at, estimated_delivery_at,
    delivered_at, remote_updated_at, created_at, updated_at)`;

const LINES = table(`INSERT INTO order_lines ${LINE_COLUMNS}`, 10,
  `ON CONFLICT (store_id, external_id) DO UPDATE SET order_id = excluded.order_id,
    product_id = excluded.product_id, title = excluded.title, sku = excluded.sku, quantity = excluded.quantity,
    unit_price_minor = excluded.unit_price_minor, discount_minor = excluded.discount_minor,
    total_minor = excluded.total_minor`);
const PAYMENTS = table(`INSERT INTO payments ${PAYMENT_COLUMNS}`, 12, PAYMENT_CONFLICT);
// Their ids join the page's shipment lookups (prefetch.ts), for an order the page brings twice.
const SHIPMENTS = table(`INSERT INTO shipments ${SHIPMENT_COLUMNS}`, 17,
  'RETURNING external_id AS externalId, id, remote_updated_at AS remoteUpdatedAt');

interface Batch {
  values: unknown[];
  rows: number;
}

export interface PendingRows {
  lines: Batch;
  payments: Batch;
  shipments: Batch;
  /** The page's shipment lookups, kept current as the shipments are written; null: the page looks each up. */
  storedShipments: () => Map<string, StoredShipment> | null;
}

export const emptyPendingRows = (storedShipments: () => Map<string, StoredShipment> | null): PendingRows => ({
  lines: { values: [], rows: 0 }, payments: { values: [], rows: 0 }, shipments: { values: [], rows: 0 }, storedShipments,
});

function write(sqlite: Sqlite, spec: Table, batch: Batch, returned?: (rows: unknown[]) => void): void {
  if (batch.rows === 0) return;
  const statement = prepared(sqlite, spec.sql[batch.rows]!);
  // The array binds as the statement's parameters in order (no spread of hundreds of arguments).
  if (returned) returned(statement.all(batch.values));
  else statement.run(batch.values);
  batch.values = [];
  batch.rows = 0;
}

function cacheShipments(pending: PendingRows): (rows: unknown[]) => void {
  return (rows) => {
    const cache = pending.storedShipments();
    if (!cache) return;
    for (const row of rows as (StoredShipment & { externalId: string })[]) {
      cache.set(row.externalId, { id: row.id, remoteUpdatedAt: row.remoteUpdatedAt, removedAt: null });
    }
  };
}

/** Adds one row (its values in the table's column order); a full batch is written at once. */
function add(sqlite: Sqlite, pending: PendingRows, which: 'lines' | 'payments' | 'shipments', values: unknown[]): void {
  const batch = pending[which];
  const spec = which === 'lines' ? LINES : which === 'payments' ? PAYMENTS : SHIPMENTS;
  if (values.length !== spec.width) throw new Error(`A ${which} row has ${values.length} values, not ${spec.width}.`);
  for (const value of values) batch.values.push(value);
  if (++batch.rows === ROWS_PER_STATEMENT) write(sqlite, spec, batch, which === 'shipments' ? cacheShipments(pending) : undefined);
}

export const addLine = (sqlite: Sqlite, pending: PendingRows, values: unknown[]): void => add(sqlite, pending, 'lines', values);
export const addPayment = (sqlite: Sqlite, pending: PendingRows, values: unknown[]): void =>
  add(sqlite, pending, 'payments', values);
export const addShipment = (sqlite: Sqlite, pending: PendingRows, values: unknown[]): void =>
  add(sqlite, pending, 'shipments', values);

/** Writes whatever is waiting (before an order already stored is rewritten, and when the page ends). */
export function writePendingRows(sqlite: Sqlite, pending: PendingRows | null): void {
  if (!pending) return;
  write(sqlite, LINES, pending.lines);
  write(sqlite, PAYMENTS, pending.payments);
  write(sqlite, SHIPMENTS, pending.shipments, cacheShipments(pending));
}
