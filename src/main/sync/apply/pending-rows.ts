import type { Sqlite } from '../../db/connection';
import type { StoredShipment } from './order-children';
import { prepared } from './statements';

/**
 * The rows of orders new in a page (lines, payments, shipments), gathered and
 * written a few dozen rows per statement when the page is written (or a batch
 * fills): one statement per row was most of a first sync's native calls. Only
 * in a page's first attempt (index.ts): with a savepoint per record, each
 * record writes its own rows. Before an order already stored is rewritten, the
 * batches are written out, so its upserts and deletions see every row before them.
 *
 * In a first backfill (bulk mode) with the page's earnings queued, the new
 * orders themselves wait too, each given the id SQLite would give it (the
 * largest id so far plus one: the page holds the write lock, and only the
 * page inserts orders meanwhile); any batch of their rows writes the orders
 * first, so every foreign key finds its order, and so does anything that reads
 * an order (an update, a refund: writePendingOrders).
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

/** An order's columns the marketplace owns (orders.ts writes them in this order, for inserts and updates). */
export const ORDER_REMOTE_COLUMNS = `order_number, customer_id, channel, status, financial_status, fulfillment_status,
  currency, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor, refunded_minor, payment_method,
  shipping_country, shipping_region, remote_tags, placed_at, cancelled_at, remote_updated_at, updated_at`;
/** After the id, store and external id and the remote columns: created_at and customer_order_seq. */
export const ORDER_INSERT_COLUMNS = `store_id, external_id, ${ORDER_REMOTE_COLUMNS}, created_at, customer_order_seq`;
const ORDER_INSERT_WIDTH = ORDER_INSERT_COLUMNS.split(',').length;

const LINE_COLUMNS = `(order_id, store_id, external_id, product_id, title, sku, quantity, unit_price_minor,
    discount_minor, total_minor)`;
const PAYMENT_COLUMNS = `(order_id, store_id, external_id, kind, method, gateway, status, amount_minor,
    currency, error_code, processed_at, remote_updated_at)`;
const PAYMENT_CONFLICT = `ON CONFLICT (store_id, external_id) DO UPDATE SET order_id = excluded.order_id,
    kind = excluded.kind, method = excluded.method, gateway = excluded.gateway, status = excluded.status,
    amount_minor = excluded.amount_minor, currency = excluded.currency, error_code = excluded.error_code,
    processed_at = excluded.processed_at, remote_updated_at = excluded.remote_updated_at`;
const SHIPMENT_COLUMNS = `(order_id, store_id, external_id, carrier, service, tracking_number, tracking_url,
    status, destination_country, destination_region, shipped_at, original_estimated_delivery_at, estimated_delivery_at,
    delivered_at, remote_updated_at, created_at, updated_at)`;

const ORDERS = table(`INSERT INTO orders (id, ${ORDER_INSERT_COLUMNS})`, ORDER_INSERT_WIDTH + 1, '');
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
  /** New orders, when the page queues them (orders.ts queuesOrders); their ids are nextOrderId's. */
  orders: Batch;
  /** The id the next new order gets; null until the page's first, then read once. */
  nextOrderId: number | null;
  lines: Batch;
  payments: Batch;
  shipments: Batch;
  /** The page's shipment lookups, kept current as the shipments are written; null: the page looks each up. */
  storedShipments: () => Map<string, StoredShipment> | null;
}

export const emptyPendingRows = (storedShipments: () => Map<string, StoredShipment> | null): PendingRows => ({
  orders: { values: [], rows: 0 }, nextOrderId: null, lines: { values: [], rows: 0 }, payments: { values: [], rows: 0 },
  shipments: { values: [], rows: 0 }, storedShipments,
});

const SPECS = { orders: ORDERS, lines: LINES, payments: PAYMENTS, shipments: SHIPMENTS } as const;
type Which = keyof typeof SPECS;

function write(sqlite: Sqlite, pending: PendingRows, which: Which): void {
  const batch = pending[which];
  if (batch.rows === 0) return;
  // Each order is written before the rows that name it, whichever batch fills first.
  if (which !== 'orders') write(sqlite, pending, 'orders');
  const statement = prepared(sqlite, SPECS[which].sql[batch.rows]!);
  // The array binds as the statement's parameters in order (no spread of hundreds of arguments).
  if (which === 'shipments') cacheShipments(pending, statement.all(batch.values));
  else statement.run(batch.values);
  batch.values = [];
  batch.rows = 0;
}

function cacheShipments(pending: PendingRows, rows: unknown[]): void {
  const cache = pending.storedShipments();
  if (!cache) return;
  for (const row of rows as (StoredShipment & { externalId: string })[]) {
    cache.set(row.externalId, { id: row.id, remoteUpdatedAt: row.remoteUpdatedAt, removedAt: null });
  }
}

/**
 * Counts the row whose values the caller has just pushed onto the batch's
 * values, in the table's column order (pushed in place: an array per row was
 * a fifth of a first sync's garbage); a full batch is written at once.
 */
export function rowAdded(sqlite: Sqlite, pending: PendingRows, which: Exclude<Which, 'orders'>): void {
  added(sqlite, pending, which);
}

function added(sqlite: Sqlite, pending: PendingRows, which: Which): void {
  const batch = pending[which];
  const { width } = SPECS[which];
  if (batch.values.length !== (batch.rows + 1) * width) {
    throw new Error(`A row of ${which} came with ${batch.values.length - batch.rows * width} values, not ${width}.`);
  }
  if (++batch.rows === ROWS_PER_STATEMENT) write(sqlite, pending, which);
}

/**
 * Queues a new order (its values in ORDER_INSERT_COLUMNS' order) and answers
 * the id it will have: the largest order id so far plus one, read once per
 * page, as SQLite assigns an INTEGER PRIMARY KEY. A page that queues its new
 * orders queues every one of them, so no other insert takes an id meanwhile.
 */
export function addOrder(sqlite: Sqlite, pending: PendingRows, values: unknown[]): number {
  if (pending.nextOrderId === null) {
    pending.nextOrderId = (prepared(sqlite, 'SELECT coalesce(max(id), 0) + 1 AS next FROM orders').get() as
      { next: number }).next;
  }
  const id = pending.nextOrderId++;
  pending.orders.values.push(id, ...values);
  added(sqlite, pending, 'orders');
  return id;
}

/** Writes the orders waiting, before anything reads or updates them. */
export function writePendingOrders(sqlite: Sqlite, pending: PendingRows | null): void {
  if (pending) write(sqlite, pending, 'orders');
}

/** Writes whatever is waiting (before an order already stored is rewritten, and when the page ends). */
export function writePendingRows(sqlite: Sqlite, pending: PendingRows | null): void {
  if (!pending) return;
  for (const which of Object.keys(SPECS) as Which[]) write(sqlite, pending, which);
}
