import type { Sqlite } from '../../db/connection';
import type { RemoteOrder } from '../model';
import type { PageState } from './orders';
import { productIdForLine } from './products';
import { adoptLocalShipment } from './adopt-local-shipment';
import { prepared } from './statements';
import { utcInstant } from './validate';
import {
  emptyPendingRows, rowAdded, writePendingOrders, writePendingRows, type PendingRows,
} from './pending-rows';

/**
 * An order's lines, payments, refunds and shipments, written with the order.
 * Lines and payments mirror the platform: one removed there disappears here,
 * except a line a return refers to (return_lines), which stays so the return
 * keeps what it returned. Refunds and shipments are added and updated here;
 * those the platform removed are handled by order-removals.ts (deleted, or kept
 * and marked when local data hangs off them).
 */
const DELETE_REMOVED_LINES = `DELETE FROM order_lines
  WHERE order_id = ? AND external_id NOT IN (SELECT value FROM json_each(?))
    AND id NOT IN (SELECT rl.order_line_id FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.order_id = ?)`;
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
 * The rows of a new order in the page's first attempt wait in the page's
 * batches (pending-rows.ts); any other order's go in a batch of their own,
 * written before its removals are mirrored.
 */
function batchesFor(sqlite: Sqlite, page: PageState, replacing: boolean): { pending: PendingRows; now: boolean } {
  if (!replacing && page.pendingRows) return { pending: page.pendingRows, now: false };
  writePendingRows(sqlite, page.pendingRows);
  return { pending: emptyPendingRows(() => page.storedShipments), now: true };
}

export function writeLines(sqlite: Sqlite, page: PageState, orderId: number, o: RemoteOrder, replacing: boolean): void {
  const { pending, now } = batchesFor(sqlite, page, replacing);
  for (const line of o.lines) {
    const productId = productIdForLine(sqlite, page.storeId, line, o.currency, page.nowIso, page.productIds);
    pending.lines.values.push(orderId, page.storeId, line.externalId, productId, line.title, line.sku ?? null,
      line.quantity, line.unitPriceMinor, line.discountMinor, line.totalMinor);
    rowAdded(sqlite, pending, 'lines');
  }
  if (now) writePendingRows(sqlite, pending);
  if (replacing) prepared(sqlite, DELETE_REMOVED_LINES).run(orderId, idsJson(o.lines), orderId);
}

export function writePayments(sqlite: Sqlite, page: PageState, orderId: number, o: RemoteOrder, updatedAt: string,
  replacing: boolean): void {
  const { pending, now } = batchesFor(sqlite, page, replacing);
  for (const p of o.payments) {
    pending.payments.values.push(orderId, page.storeId, p.externalId, p.kind, p.method, p.gateway, p.status,
      p.amountMinor, p.currency, p.errorCode ?? null, utcInstant(p.processedAt), updatedAt);
    rowAdded(sqlite, pending, 'payments');
  }
  if (now) writePendingRows(sqlite, pending);
  if (replacing) prepared(sqlite, DELETE_REMOVED_PAYMENTS).run(orderId, idsJson(o.payments));
}

/** A refund first seen in this apply, for the points reversal. */
export interface NewRefund {
  id: number;
  refundedAt: string;
}

/** Upserts the order's refunds; answers those that are new here, in the order they happened. */
export function writeRefunds(sqlite: Sqlite, page: PageState, orderId: number, o: RemoteOrder, updatedAt: string,
  replacing: boolean): NewRefund[] {
  const created: NewRefund[] = [];
  // A new order's refunds are new too, in the page's first attempt (pending-rows.ts says why that is safe).
  const lookUp = replacing || page.pendingRows === null;
  const storeId = page.storeId;
  // Its order may be queued still: a refund names it (and is read back for the points) at once.
  if (o.refunds.length > 0) writePendingOrders(sqlite, page.pendingRows);
  for (const r of o.refunds) {
    const refundedAt = utcInstant(r.refundedAt)!;
    const values = [r.amountMinor, r.currency, r.reason ?? null, r.note ?? null, refundedAt, updatedAt];
    const stored = lookUp ? prepared(sqlite, FIND_REFUND).get(storeId, r.externalId) as { id: number } | undefined
      : undefined;
    if (stored) {
      prepared(sqlite, UPDATE_REFUND).run(...values, stored.id);
    } else {
      const id = Number(prepared(sqlite, INSERT_REFUND).run(orderId, storeId, r.externalId, ...values).lastInsertRowid);
      created.push({ id, refundedAt });
    }
  }
  return created.sort((a, b) => (a.refundedAt < b.refundedAt ? -1 : a.refundedAt > b.refundedAt ? 1 : a.id - b.id));
}

/**
 * Shipments carry their own remote time: one not newer than what is stored is
 * left as it is. A new order's, in the page's first attempt, are new too and
 * wait in the page's batch (pending-rows.ts).
 */
export function writeShipments(sqlite: Sqlite, page: PageState, orderId: number, o: RemoteOrder, replacing: boolean): void {
  const { pending, now } = batchesFor(sqlite, page, replacing);
  for (const s of o.shipments) {
    const updatedAt = utcInstant(s.updatedAt)!;
    let stored: StoredShipment | undefined;
    if (now) {
      stored = page.storedShipments
        ? page.storedShipments.get(s.externalId)
        : prepared(sqlite, FIND_SHIPMENT).get(page.storeId, s.externalId) as StoredShipment | undefined;
      // The fulfilment Backroom pushed (shipments.create), now listed under its remote id: that row, not a second one.
      // Asked of a partial index holding only parcels made in Backroom: cheap even in a first backfill.
      if (!stored) {
        const adopted = adoptLocalShipment(sqlite, page.storeId, orderId, s.trackingNumber ?? null, s.externalId, page.nowIso);
        if (adopted) stored = { id: adopted.id, remoteUpdatedAt: null, removedAt: null };
      }
    }
    const shippedAt = instantOrNull(s.shippedAt);
    const estimated = instantOrNull(s.estimatedDeliveryAt);
    if (!stored) {
      pending.shipments.values.push(orderId, page.storeId, s.externalId, s.carrier, s.service ?? null,
        s.trackingNumber ?? null, s.trackingUrl ?? null, s.status, o.shippingCountry ?? null, o.shippingRegion ?? null,
        shippedAt, estimated, estimated, instantOrNull(s.deliveredAt), updatedAt, page.nowIso, page.nowIso);
      rowAdded(sqlite, pending, 'shipments');
    } else if (stored.remoteUpdatedAt === null || updatedAt > stored.remoteUpdatedAt) {
      prepared(sqlite, UPDATE_SHIPMENT).run(s.carrier, s.service ?? null, s.trackingNumber ?? null, s.trackingUrl ?? null,
        s.status, shippedAt, estimated, estimated, instantOrNull(s.deliveredAt), updatedAt, page.nowIso, estimated, stored.id);
      page.storedShipments?.set(s.externalId, { id: stored.id, remoteUpdatedAt: updatedAt, removedAt: null });
    } else if (stored.removedAt !== null) {
      // Listed again, unchanged: it was not removed after all.
      prepared(sqlite, UNMARK_SHIPMENT).run(page.nowIso, stored.id);
      page.storedShipments?.set(s.externalId, { ...stored, removedAt: null });
    }
  }
  if (now) writePendingRows(sqlite, pending);
}
