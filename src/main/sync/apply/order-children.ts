import type { Sqlite } from '../../db/connection';
import type { RemoteOrder } from '../model';
import type { PageState } from './orders';
import { productIdForLine } from './products';
import { prepared } from './statements';
import { utcInstant } from './validate';

/**
 * An order's lines, payments, refunds and shipments, written with the order.
 * Lines and payments mirror the platform: one removed there disappears here,
 * except a line a return refers to (return_lines), which stays so the return
 * keeps what it returned. Refunds and shipments are only added and updated:
 * local refunds (orders.refund), returns' refund links, tickets' shipment links
 * and the tracking history the logistics area keeps all hang off them.
 */
const LINE_COLUMNS = `(order_id, store_id, external_id, product_id, title, sku, quantity, unit_price_minor,
    discount_minor, total_minor)`;
const LINE_CONFLICT = `ON CONFLICT (store_id, external_id) DO UPDATE SET order_id = excluded.order_id,
    product_id = excluded.product_id, title = excluded.title, sku = excluded.sku, quantity = excluded.quantity,
    unit_price_minor = excluded.unit_price_minor, discount_minor = excluded.discount_minor,
    total_minor = excluded.total_minor`;
/** Up to this many lines go in one multi-row statement (fewer native calls than one run per line). */
const LINES_PER_STATEMENT = 8;
const upsertLinesSql = (rows: number): string =>
  `INSERT INTO order_lines ${LINE_COLUMNS} VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
   ${LINE_CONFLICT}`;
const DELETE_REMOVED_LINES = `DELETE FROM order_lines
  WHERE order_id = ? AND external_id NOT IN (SELECT value FROM json_each(?))
    AND id NOT IN (SELECT rl.order_line_id FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.order_id = ?)`;
const UPSERT_PAYMENT = `INSERT INTO payments (order_id, store_id, external_id, kind, method, gateway, status, amount_minor,
    currency, error_code, processed_at, remote_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (store_id, external_id) DO UPDATE SET order_id = excluded.order_id, kind = excluded.kind,
    method = excluded.method, gateway = excluded.gateway, status = excluded.status, amount_minor = excluded.amount_minor,
    currency = excluded.currency, error_code = excluded.error_code, processed_at = excluded.processed_at,
    remote_updated_at = excluded.remote_updated_at`;
const DELETE_REMOVED_PAYMENTS = `DELETE FROM payments WHERE order_id = ? AND external_id NOT IN (SELECT value FROM json_each(?))`;
const FIND_REFUND = 'SELECT id FROM refunds WHERE store_id = ? AND external_id = ?';
const INSERT_REFUND = `INSERT INTO refunds (order_id, store_id, external_id, amount_minor, currency, reason, note, refunded_at,
    remote_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const UPDATE_REFUND = `UPDATE refunds SET amount_minor = ?, currency = ?, reason = ?, note = ?, refunded_at = ?,
    remote_updated_at = ? WHERE id = ?`;
const FIND_SHIPMENT = `SELECT id, remote_updated_at AS remoteUpdatedAt FROM shipments WHERE store_id = ? AND external_id = ?`;
const INSERT_SHIPMENT = `INSERT INTO shipments (order_id, store_id, external_id, carrier, service, tracking_number,
    tracking_url, status, destination_country, destination_region, shipped_at, original_estimated_delivery_at,
    estimated_delivery_at, delivered_at, remote_updated_at, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
// Sub-status, tracking events and the first promised date are the tracking provider's (logistics), not the platform's.
const UPDATE_SHIPMENT = `UPDATE shipments SET carrier = ?, service = ?, tracking_number = ?, tracking_url = ?, status = ?,
    shipped_at = ?, estimated_delivery_at = ?, delivered_at = ?, remote_updated_at = ?, updated_at = ?,
    original_estimated_delivery_at = coalesce(original_estimated_delivery_at, ?)
  WHERE id = ?`;

const idsJson = (items: readonly { externalId: string }[]): string => JSON.stringify(items.map((i) => i.externalId));
const instantOrNull = (text: string | null | undefined): string | null => (text ? utcInstant(text) : null);

export function writeLines(sqlite: Sqlite, page: PageState, orderId: number, o: RemoteOrder, replacing: boolean): void {
  for (let start = 0; start < o.lines.length; start += LINES_PER_STATEMENT) {
    const chunk = o.lines.slice(start, start + LINES_PER_STATEMENT);
    const values: unknown[] = [];
    for (const line of chunk) {
      const productId = productIdForLine(sqlite, page.storeId, line, o.currency, page.nowIso, page.productIds);
      values.push(orderId, page.storeId, line.externalId, productId, line.title, line.sku ?? null, line.quantity,
        line.unitPriceMinor, line.discountMinor, line.totalMinor);
    }
    prepared(sqlite, upsertLinesSql(chunk.length)).run(...values);
  }
  if (replacing) prepared(sqlite, DELETE_REMOVED_LINES).run(orderId, idsJson(o.lines), orderId);
}

export function writePayments(sqlite: Sqlite, storeId: number, orderId: number, o: RemoteOrder, updatedAt: string,
  replacing: boolean): void {
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
    const stored = prepared(sqlite, FIND_SHIPMENT).get(page.storeId, s.externalId) as
      { id: number; remoteUpdatedAt: string | null } | undefined;
    const remote = [s.carrier, s.service ?? null, s.trackingNumber ?? null, s.trackingUrl ?? null, s.status,
      instantOrNull(s.shippedAt)];
    const estimated = instantOrNull(s.estimatedDeliveryAt);
    if (!stored) {
      prepared(sqlite, INSERT_SHIPMENT).run(orderId, page.storeId, s.externalId, ...remote.slice(0, 5),
        o.shippingCountry ?? null, o.shippingRegion ?? null, remote[5], estimated, estimated,
        instantOrNull(s.deliveredAt), updatedAt, page.nowIso, page.nowIso);
    } else if (stored.remoteUpdatedAt === null || updatedAt > stored.remoteUpdatedAt) {
      prepared(sqlite, UPDATE_SHIPMENT).run(...remote, estimated, instantOrNull(s.deliveredAt), updatedAt, page.nowIso,
        estimated, stored.id);
    }
  }
}
