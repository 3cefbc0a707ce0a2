import { iso, type Json, type ShopData, type ShopRecord } from './shop';

/**
 * Fulfillment orders and fulfillmentCreate as the Admin API (2025-10)
 * documents them: an order's items sit in fulfillment orders (one per order
 * here, at the shop's one location) whose line items carry a
 * remainingQuantity; a fulfilment is made from fulfillment order line items
 * (all remaining ones when a pair lists none) and carries trackingInfo.
 * A fulfillment order with nothing left is CLOSED and cannot be fulfilled.
 */
const numberOf = (gid: string): string => gid.slice(gid.lastIndexOf('/') + 1);
const foId = (order: ShopRecord): string => `gid://shopify/FulfillmentOrder/${numberOf(order.id)}`;
const foLineId = (lineItemId: string): string => `gid://shopify/FulfillmentOrderLineItem/${numberOf(lineItemId)}`;

/** Quantity of each line item already in a live fulfilment; the generator's fulfilments (no _lines) hold everything. */
function fulfilled(order: ShopRecord): Map<string, number> {
  const held = new Map<string, number>();
  const lines = order.lineItems as Json[];
  for (const f of order.fulfillments as Json[]) {
    if (f.status === 'CANCELLED') continue;
    const parts = (f._lines as { lineItemId: string; quantity: number }[] | undefined)
      ?? lines.map((l) => ({ lineItemId: String(l.id), quantity: Number(l.quantity) }));
    for (const p of parts) held.set(p.lineItemId, (held.get(p.lineItemId) ?? 0) + p.quantity);
  }
  return held;
}

export function fulfillmentOrdersOf(order: ShopRecord): Json[] {
  const held = fulfilled(order);
  const lineItems = (order.lineItems as Json[]).map((l) => ({
    id: foLineId(String(l.id)), remainingQuantity: Math.max(0, Number(l.quantity) - (held.get(String(l.id)) ?? 0)),
    totalQuantity: l.quantity, lineItem: { id: l.id },
  }));
  const status = order.cancelledAt ? 'CLOSED' : lineItems.some((l) => l.remainingQuantity > 0) ? 'OPEN' : 'CLOSED';
  return [{ id: foId(order), status, lineItems }];
}

/** The order as the `order` field answers it: with its fulfillment orders worked out. */
export const orderView = (order: ShopRecord | undefined): Json | null => (order ? { ...order, fulfillmentOrders: fulfillmentOrdersOf(order) } : null);

const userError = (field: string[], message: string): Json => ({ field, message });

export function fulfillmentCreate(data: ShopData, input: Json, now: Date): Json {
  const pairs = (input.lineItemsByFulfillmentOrder ?? []) as { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] }[];
  if (pairs.length === 0) return { fulfillment: null, userErrors: [userError(['fulfillment'], 'Line items by fulfillment order must be present.')] };
  const order = data.orders.find((o) => pairs.every((p) => p.fulfillmentOrderId === foId(o)));
  if (!order) return { fulfillment: null, userErrors: [userError(['fulfillment'], 'Fulfillment order does not exist.')] };
  const fo = fulfillmentOrdersOf(order)[0]!;
  if (fo.status !== 'OPEN') return { fulfillment: null, userErrors: [userError(['fulfillment'], 'Fulfillment order is not in a fulfillable state.')] };
  const remaining = new Map((fo.lineItems as { id: string; remainingQuantity: number; lineItem: { id: string } }[]).map((l) => [l.id, l]));
  const asked = pairs.flatMap((p) => p.fulfillmentOrderLineItems?.length ? p.fulfillmentOrderLineItems
    : [...remaining.values()].filter((l) => l.remainingQuantity > 0).map((l) => ({ id: l.id, quantity: l.remainingQuantity })));
  const lines: { lineItemId: string; quantity: number }[] = [];
  for (const a of asked) {
    const line = remaining.get(a.id);
    if (!line) return { fulfillment: null, userErrors: [userError(['fulfillment'], 'Fulfillment order line item does not exist.')] };
    if (a.quantity < 1 || a.quantity > line.remainingQuantity) {
      return { fulfillment: null, userErrors: [userError(['fulfillment'], 'Invalid fulfillment order line item quantity requested.')] };
    }
    lines.push({ lineItemId: line.lineItem.id, quantity: a.quantity });
  }
  const tracking = (input.trackingInfo ?? {}) as Json;
  const at = iso(now.getTime());
  const fulfillment: Json = {
    id: `gid://shopify/Fulfillment/${data.nextId++}`, status: 'SUCCESS', displayStatus: 'CONFIRMED', createdAt: at, updatedAt: at,
    deliveredAt: null, estimatedDeliveryAt: null, _lines: lines,
    trackingInfo: [{ company: tracking.company ?? null, number: tracking.number ?? null, url: tracking.url ?? null }],
  };
  (order.fulfillments as Json[]).push(fulfillment);
  const left = (fulfillmentOrdersOf(order)[0]!.lineItems as { remainingQuantity: number }[]).some((l) => l.remainingQuantity > 0);
  order.displayFulfillmentStatus = left ? 'PARTIALLY_FULFILLED' : 'FULFILLED';
  order.updatedAt = iso(Math.max(now.getTime(), Date.parse(order.updatedAt) + 1000));
  return { fulfillment, userErrors: [] };
}
