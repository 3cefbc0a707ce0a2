import type { ParsedInputOf } from '../../../shared/contract';
import type { ShipmentDetail } from '../../../shared/contract/logistics';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import type { HandlerContext } from '../../core/handler';
import { recordAudit } from '../audit/log';
import { enqueueOutbox } from '../outbox/enqueue';
import { orderFacts, requireActiveStaff } from '../orders/staff';
import { loadShipmentDetail } from './detail';

/**
 * `shipments.create`: staff record a parcel they sent, with its tracking
 * number. One IMMEDIATE transaction writes the shipment, the items it holds,
 * the audit entry and (for a connected store) the outbox message
 * `order.fulfillment.create`, or none of them.
 *
 * A shipment made here has external_id `local:<requestKey>` and no remote
 * time, the same mark local refunds carry: the sync's removal mirror leaves
 * such rows alone, and the request key is the shipment's identity, so a
 * retried request answers the first shipment and writes nothing. When the
 * marketplace later lists the fulfilment we pushed, the sync adopts this row
 * (src/main/sync/apply/adopt-local-shipment.ts) instead of adding a second.
 */
type CreateInput = ParsedInputOf<'shipments.create'>;

export const FULFILMENT_OPERATION = 'order.fulfillment.create';
export const LOCAL_SHIPMENT_PREFIX = 'local:';

interface OrderLineLeft { id: number; externalId: string; title: string; quantity: number; shipped: number }

/** The order's lines with what local parcels already hold of each (marketplace fulfilments keep their lines there). */
function linesLeft(sqlite: Sqlite, orderId: number): OrderLineLeft[] {
  return sqlite
    .prepare<[number], OrderLineLeft>(
      `SELECT l.id, l.external_id AS externalId, l.title, l.quantity,
              coalesce((SELECT sum(sl.quantity) FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
                         WHERE sl.order_line_id = l.id AND s.removed_remotely_at IS NULL), 0) AS shipped
         FROM order_lines l WHERE l.order_id = ? ORDER BY l.id`,
    )
    .all(orderId);
}

/** Tracking numbers compare without case and spacing: "1z 999" and "1Z999" are one parcel. */
export function trackingKey(trackingNumber: string): string {
  return trackingNumber.replace(/\s+/g, '').toUpperCase();
}

interface Picked { line: OrderLineLeft; quantity: number }

function pickLines(input: CreateInput, left: OrderLineLeft[], orderNumber: string): Picked[] {
  if (left.length === 0) throw new AppError('VALIDATION', `Order ${orderNumber} has no items to ship.`);
  if (!input.lines) {
    const open = left.filter((l) => l.quantity > l.shipped).map((line) => ({ line, quantity: line.quantity - line.shipped }));
    if (open.length === 0) throw new AppError('VALIDATION', `Every item of order ${orderNumber} is already in a parcel with tracking.`);
    return open;
  }
  const byId = new Map(left.map((l) => [l.id, l]));
  const seen = new Set<number>();
  return input.lines.map(({ orderLineId, quantity }) => {
    const line = byId.get(orderLineId);
    if (!line) throw new AppError('VALIDATION', `Item ${orderLineId} is not part of order ${orderNumber}.`);
    if (seen.has(orderLineId)) throw new AppError('VALIDATION', `"${line.title}" is listed twice; give its quantity once.`);
    seen.add(orderLineId);
    const open = line.quantity - line.shipped;
    if (quantity > open) {
      throw new AppError('VALIDATION', open === 0
        ? `"${line.title}" is already in a parcel with tracking, so it cannot be shipped again.`
        : `Only ${open} of "${line.title}" ${open === 1 ? 'is' : 'are'} left to ship, not ${quantity}.`, { orderLineId, open });
    }
    return { line, quantity };
  });
}

interface Created { id: number; wrote: boolean }

function existingShipment(sqlite: Sqlite, storeId: number, externalId: string) {
  return sqlite
    .prepare<[number, string], { id: number; orderId: number; trackingNumber: string | null }>(
      'SELECT id, order_id AS orderId, tracking_number AS trackingNumber FROM shipments WHERE store_id = ? AND external_id = ?',
    )
    .get(storeId, externalId);
}

function applyCreate(input: CreateInput, ctx: HandlerContext): Created {
  const { sqlite } = ctx;
  requireActiveStaff(sqlite, input.staffId);
  const order = orderFacts(sqlite, input.orderId);
  const externalId = `${LOCAL_SHIPMENT_PREFIX}${input.requestKey}`;
  const earlier = existingShipment(sqlite, order.storeId, externalId);
  if (earlier) {
    if (earlier.orderId === order.id && trackingKey(earlier.trackingNumber ?? '') === trackingKey(input.trackingNumber)) {
      return { id: earlier.id, wrote: false };
    }
    throw new AppError('CONFLICT', 'This request was already used for another parcel; start the tracking entry again.');
  }
  const facts = sqlite
    .prepare<[number], { number: string; country: string | null; region: string | null }>(
      'SELECT order_number AS number, shipping_country AS country, shipping_region AS region FROM orders WHERE id = ?',
    )
    .get(order.id)!;
  if (order.status === 'cancelled') {
    throw new AppError('VALIDATION', `Order ${facts.number} was cancelled, so it has nothing to ship.`);
  }
  const key = trackingKey(input.trackingNumber);
  const numbers = sqlite
    .prepare<[number], string>('SELECT tracking_number FROM shipments WHERE order_id = ? AND tracking_number IS NOT NULL')
    .pluck()
    .all(order.id);
  if (numbers.some((n) => trackingKey(n) === key)) {
    throw new AppError('VALIDATION', `Order ${facts.number} already has a parcel with tracking number ${input.trackingNumber}.`);
  }
  const picked = pickLines(input, linesLeft(sqlite, order.id), facts.number);

  const now = ctx.now();
  const at = now.toISOString();
  const id = Number(sqlite
    .prepare(`INSERT INTO shipments (order_id, store_id, external_id, carrier, service, tracking_number, tracking_url, status,
                destination_country, destination_region, shipped_at, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, 'InfoReceived', ?, ?, ?, ?, ?)`)
    .run(order.id, order.storeId, externalId, input.carrier, input.service ?? null, input.trackingNumber,
      input.trackingUrl ?? null, facts.country, facts.region, at, at, at)
    .lastInsertRowid);
  const insertLine = sqlite.prepare('INSERT INTO shipment_lines (shipment_id, order_line_id, quantity) VALUES (?, ?, ?)');
  for (const p of picked) insertLine.run(id, p.line.id, p.quantity);
  const lines = picked.map((p) => ({ orderLineId: p.line.id, quantity: p.quantity }));
  recordAudit(sqlite, {
    at: now, staffId: input.staffId, entityType: 'order', entityId: order.id, action: 'shipment.create',
    detail: { shipmentId: id, carrier: input.carrier, trackingNumber: input.trackingNumber, lines, requestKey: input.requestKey },
  });
  enqueueOutbox(sqlite, {
    storeId: order.storeId, idempotencyKey: `shipment:${id}:create`, operation: FULFILMENT_OPERATION,
    targetType: 'order', targetId: order.id,
    payload: {
      externalId: order.externalId, shipmentId: id, trackingNumber: input.trackingNumber, carrier: input.carrier,
      service: input.service ?? null, trackingUrl: input.trackingUrl ?? null, shippedAt: at,
      // The items staff chose; left out, the marketplace sends everything it still has open.
      ...(input.lines ? { lines: picked.map((p) => ({ externalId: p.line.externalId, quantity: p.quantity })) } : {}),
      state: 'Shipped',
    },
  }, now);
  return { id, wrote: true };
}

export function createShipment(input: CreateInput, ctx: HandlerContext): ShipmentDetail {
  // IMMEDIATE: the write lock before what is left to ship is read, so two racing parcels serialize.
  const created = ctx.sqlite.transaction(() => applyCreate(input, ctx)).immediate();
  if (created.wrote) ctx.emit('data.changed', { areas: ['logistics', 'orders'] });
  return loadShipmentDetail(ctx.sqlite, created.id);
}
