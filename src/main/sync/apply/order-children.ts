import type { Sqlite } from '../../db/connection';
import type { RemoteOrder } from '../model';
import type { PageState } from './orders';
import { productIdForLine } from './products';
import { adoptLocalShipment } from './adopt-local-shipment';
import { prepared } from './statements';
import { utcInstant } from './validate';

/**
 * An order's lines, payments, refunds and shipments, written with the order.
 * Lines and payments mirror the platform: one removed there disappears here,
 * except a line a return refers to (return_lines), which stays so the return
 * keeps what it returned. Refunds and shipments are added and updated here;
 * those the platform removed are handled by order-removals.ts (deleted, or kept
 * and marked when local data hangs off them).
 */
const LINE_COLUMNS = `(order_id, store_id, external_id, product_id, title, sku, quantity, unit_price_minor,
    discount_minor, total_minor)`;
const LINE_CONFLICT = `ON CONFLICT (store_id, external_id) DO UPDATE SET order_id = excluded.order_id,
    product_id = excluded.product_id, title = excluded.title, sku = excluded.sku, quantity = excluded.quantity,
    unit_price_minor = excluded.unit_price_minor, discount_minor = excluded.discount_minor,
    total_minor = excluded.total_minor`;
/** Up to this many rows go in one multi-row statement (fewer native calls than one run per row). */
const ROWS_PER_STATEMENT = 40;
// Built once per row count: a new string per order would be hashed anew for every statement-cache lookup.
const UPSERT_LINES_SQL = Array.from({ length: ROWS_PER_STATEMENT + 1 }, (_, rows) =>
  `INSERT INTO order_lines ${LINE_COLUMNS} VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
   ${LINE_CONFLICT}`);
const upsertLinesSql = (rows: number): string => UPSERT_LINES_SQL[rows]!;
const DELETE_REMOVED_LINES = `DELETE FROM order_lines
  WHERE order_id = ? AND external_id NOT IN (SELECT value FROM json_each(?))
    AND id NOT IN (SELECT rl.order_line_id FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.order_id = ?)`;
const PAYMENT_COLUMNS = `(order_id, store_id, external_id, kind, method, gateway, status, amount_minor,
    currency, error_code, processed_at, remote_updated_at)`;
const UPSERT_PAYMENT = `INSERT INTO payments ${PAYMENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (store_id, external_id) DO UPDATE SET order_id = excluded.order_id, kind = excluded.kind,
    method = excluded.method, gateway = excluded.gateway, status = excluded.status, amount_minor = excluded.amount_minor,
    currency = excluded.currency, error_code = excluded.error_code, processed_at = excluded.processed_at,
    remote_updated_at = excluded.remote_updated_at`;
const PAYMENT_CONFLICT = UPSERT_PAYMENT.slice(UPSERT_PAYMENT.indexOf('ON CONFLICT'));
const UPSERT_PAYMENTS_SQL = Array.from({ length: ROWS_PER_STATEMENT + 1 }, (_, rows) =>
  `INSERT INTO payments ${PAYMENT_COLUMNS} VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
   ${PAYMENT_CONFLICT}`);
const upsertPaymentsSql = (rows: number): string => UPSERT_PAYMENTS_SQL[rows]!;
const DELETE_REMOVED_PAYMENTS = `DELETE FROM payments WHERE order_id = ? AND external_id NOT IN (SELECT value FROM json_each(?))`;
const FIND_REFUND = 'SELECT id FROM refunds WHERE store_id = ? AND external_id = ?';
const INSERT_REFUND = `INSERT INTO refunds (order_id, store_id, external_id, amount_minor, currency, reason, note, refunded_at,
    remote_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const UPDATE_REFUND = `UPDATE refunds SET amount_minor = ?, currency = ?, reason = ?, note = ?, refunded_at = ?,
    remote_updated_at = ?, removed_remotely_at = NULL WHERE id = ?`;
const FIND_SHIPMENT = `SELECT id, remote_updated_at AS remoteUpdatedAt, removed_remotely_at AS removedAt
  FROM shipments WHERE store_id = ? AND external_id = ?`;
/** A shipment as stored: looked up one by one, or for the whole page at once (prefetch.ts). */
export interface StoredShipment {
  id: number;
  remoteUpdatedAt: string | null;
  removedAt: string | null;
}
const UNMARK_SHIPMENT = 'UPDATE shipments SET removed_remotely_at = NULL, updated_at = ? WHERE id = ?';
const INSERT_SHIPMENT = `INSERT INTO shipments (order_id, store_id, external_id, carrier, service, tracking_number,
    tracking_url, status, destination_country, destination_region, shipped_at, original_estimated_delivery_at,
    estimated_delivery_at, delivered_at, remote_updated_at, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
// Sub-status, tracking events and the first promised date are the tracking provider's (logistics), not the platform's;
// so is the current estimate once the provider follows the shipment (tracking_follows).
const UPDATE_SHIPMENT = `UPDATE shipments SET carrier = ?, service = ?, tracking_number = ?, tracking_url = ?, status = ?,
    shipped_at = ?,
    estimated_delivery_at = CASE WHEN EXISTS (SELECT 1 FROM tracking_follows f WHERE f.shipment_id = shipments.id)
      THEN coalesce(estimated_delivery_at, ?) ELSE ? END,
    delivered_at = ?, remote_updated_at = ?, updated_at = ?,
    original_estimated_delivery_at = coalesce(original_estimated_delivery_at, ?), removed_remotely_at = NULL
  WHERE id = ?`;

const idsJson = (items: readonly { externalId: string }[]): string => JSON.stringify(items.map((i) => i.externalId));
const instantOrNull = (text: string | null | undefined): string | null => (text ? utcInstant(text) : null);

/**
 * Lines and payments of orders new in this page, gathered and written a few
 * dozen rows per statement when the page is written (or the buffer fills):
 * one statement per order was most of a first sync's native calls. Only in a
 * page's first attempt (index.ts): with a savepoint per record, each record
 * writes its own rows. Before an order already stored is rewritten, the buffer
 * is written out, so its upserts and deletions see every row before them.
 */
export interface PendingRows {
  lines: unknown[];
  lineRows: number;
  payments: unknown[];
  paymentRows: number;
}

export const emptyPendingRows = (): PendingRows => ({ lines: [], lineRows: 0, payments: [], paymentRows: 0 });

function writeLineRows(sqlite: Sqlite, values: unknown[], rows: number): void {
  if (rows > 0) prepared(sqlite, upsertLinesSql(rows)).run(...values);
}

function writePaymentRows(sqlite: Sqlite, values: unknown[], rows: number): void {
  if (rows > 0) prepared(sqlite, upsertPaymentsSql(rows)).run(...values);
}

export function writePendingRows(sqlite: Sqlite, pending: PendingRows | null): void {
  if (!pending) return;
  writeLineRows(sqlite, pending.lines, pending.lineRows);
  writePaymentRows(sqlite, pending.payments, pending.paymentRows);
  pending.lines = [];
  pending.lineRows = 0;
  pending.payments = [];
  pending.paymentRows = 0;
}

export function writeLines(sqlite: Sqlite, page: PageState, orderId: number, o: RemoteOrder, replacing: boolean): void {
  const pending = replacing ? null : page.pendingRows;
  if (replacing) writePendingRows(sqlite, page.pendingRows);
  let values: unknown[] = pending ? pending.lines : [];
  let rows = pending ? pending.lineRows : 0;
  for (const line of o.lines) {
    const productId = productIdForLine(sqlite, page.storeId, line, o.currency, page.nowIso, page.productIds);
    values.push(orderId, page.storeId, line.externalId, productId, line.title, line.sku ?? null, line.quantity,
      line.unitPriceMinor, line.discountMinor, line.totalMinor);
    if (++rows === ROWS_PER_STATEMENT) {
      writeLineRows(sqlite, values, rows);
      values = [];
      rows = 0;
    }
  }
  if (pending) {
    pending.lines = values;
    pending.lineRows = rows;
  } else {
    writeLineRows(sqlite, values, rows);
  }
  if (replacing) prepared(sqlite, DELETE_REMOVED_LINES).run(orderId, idsJson(o.lines), orderId);
}

export function writePayments(sqlite: Sqlite, storeId: number, orderId: number, o: RemoteOrder, updatedAt: string,
  replacing: boolean, pending: PendingRows | null): void {
  if (!replacing && pending) {
    for (const p of o.payments) {
      pending.payments.push(orderId, storeId, p.externalId, p.kind, p.method, p.gateway, p.status, p.amountMinor,
        p.currency, p.errorCode ?? null, utcInstant(p.processedAt), updatedAt);
      if (++pending.paymentRows === ROWS_PER_STATEMENT) {
        writePaymentRows(sqlite, pending.payments, pending.paymentRows);
        pending.payments = [];
        pending.paymentRows = 0;
      }
    }
    return;
  }
  const upsert = prepared(sqlite, UPSERT_PAYMENT);
  for (const p of o.payments) {
    upsert.run(orderId, storeId, p.externalId, p.kind, p.method, p.gateway, p.status, p.amountMinor, p.currency,
      p.errorCode ?? null, utcInstant(p.processedAt), updatedAt);
  }
  if (replacing) prepared(sqlite, DELETE_REMOVED_PAYMENTS).run(orderId, idsJson(o.payments));
}

/** A refund first seen in this apply, for the points reversal. */
export interface NewRefund {
  id: number;
  refundedAt: string;
}

/** Upserts the order's refunds; answers those that are new here, in the order they happened. */
export function writeRefunds(sqlite: Sqlite, storeId: number, orderId: number, o: RemoteOrder, updatedAt: string): NewRefund[] {
  const created: NewRefund[] = [];
  for (const r of o.refunds) {
    const refundedAt = utcInstant(r.refundedAt)!;
    const values = [r.amountMinor, r.currency, r.reason ?? null, r.note ?? null, refundedAt, updatedAt];
    const stored = prepared(sqlite, FIND_REFUND).get(storeId, r.externalId) as { id: number } | undefined;
    if (stored) {
      prepared(sqlite, UPDATE_REFUND).run(...values, stored.id);
    } else {
      const id = Number(prepared(sqlite, INSERT_REFUND).run(orderId, storeId, r.externalId, ...values).lastInsertRowid);
      created.push({ id, refundedAt });
    }
  }
  return created.sort((a, b) => (a.refundedAt < b.refundedAt ? -1 : a.refundedAt > b.refundedAt ? 1 : a.id - b.id));
}

/** Shipments carry their own remote time: one not newer than what is stored is left as it is. */
export function writeShipments(sqlite: Sqlite, page: PageState, orderId: number, o: RemoteOrder): void {
  for (const s of o.shipments) {
    const updatedAt = utcInstant(s.updatedAt)!;
    let stored = page.storedShipments
      ? page.storedShipments.get(s.externalId)
      : prepared(sqlite, FIND_SHIPMENT).get(page.storeId, s.externalId) as StoredShipment | undefined;
    // The fulfilment Backroom pushed (shipments.create), now listed under its remote id: that row, not a second one.
    // Asked of a partial index holding only parcels made in Backroom: cheap even in a first backfill.
    if (!stored) {
      const adopted = adoptLocalShipment(sqlite, page.storeId, orderId, s.trackingNumber ?? null, s.externalId, page.nowIso);
      if (adopted) stored = { id: adopted.id, remoteUpdatedAt: null, removedAt: null };
    }
    const remote = [s.carrier, s.service ?? null, s.trackingNumber ?? null, s.trackingUrl ?? null, s.status,
      instantOrNull(s.shippedAt)];
    const estimated = instantOrNull(s.estimatedDeliveryAt);
    if (!stored) {
      const id = Number(prepared(sqlite, INSERT_SHIPMENT).run(orderId, page.storeId, s.externalId, ...remote.slice(0, 5),
        o.shippingCountry ?? null, o.shippingRegion ?? null, remote[5], estimated, estimated,
        instantOrNull(s.deliveredAt), updatedAt, page.nowIso, page.nowIso).lastInsertRowid);
      page.storedShipments?.set(s.externalId, { id, remoteUpdatedAt: updatedAt, removedAt: null });
    } else if (stored.remoteUpdatedAt === null || updatedAt > stored.remoteUpdatedAt) {
      prepared(sqlite, UPDATE_SHIPMENT).run(...remote, estimated, estimated, instantOrNull(s.deliveredAt), updatedAt, page.nowIso,
        estimated, stored.id);
      page.storedShipments?.set(s.externalId, { id: stored.id, remoteUpdatedAt: updatedAt, removedAt: null });
    } else if (stored.removedAt !== null) {
      // Listed again, unchanged: it was not removed after all.
      prepared(sqlite, UNMARK_SHIPMENT).run(page.nowIso, stored.id);
      page.storedShipments?.set(s.externalId, { ...stored, removedAt: null });
    }
  }
}
