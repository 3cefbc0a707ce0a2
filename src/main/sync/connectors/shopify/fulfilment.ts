import type { PushResult } from '../../connector';
import type { PushOutcome, QueuedItem } from '../race';
import type { ShopifyClient } from './client';
import { orderGid } from './order-edits';

/**
 * The outbox message `order.fulfillment.create` (payload: externalId,
 * trackingNumber, carrier, trackingUrl?, lines?: [{ externalId: the order
 * line's LineItem gid, quantity }]) as Shopify's fulfillmentCreate
 * (Admin GraphQL 2025-10): fulfilments are made from the order's fulfillment
 * orders, so the order's OPEN / IN_PROGRESS fulfillment orders are read with
 * their line items' remaining quantities, the asked lines are matched to
 * them, and one fulfilment carries trackingInfo { company, number, url }.
 *
 * Shopify takes no idempotency key for it, so the tracking number is the key:
 * the order's fulfilments are read first and one already carrying the number
 * (an earlier attempt whose answer was lost) is the answer, never a second.
 */
interface UserError { field?: string[] | null; message: string }
interface FulfillmentOrderLine { id: string; remainingQuantity: number; lineItem: { id: string } }
interface OrderFulfilments {
  order: {
    id: string;
    fulfillments: { id: string; status: string; trackingInfo: { number: string | null }[] }[];
    fulfillmentOrders: { nodes: { id: string; status: string; lineItems: { nodes: FulfillmentOrderLine[] } }[] };
  } | null;
}

export const ORDER_FULFILMENT_QUERY = `query OrderFulfilments($id: ID!) {
  order(id: $id) {
    id
    fulfillments(first: 20) { id status trackingInfo(first: 3) { number } }
    fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 50) { nodes { id remainingQuantity lineItem { id } } } } }
  }
}`;

export const FULFILMENT_CREATE_MUTATION = `mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status } userErrors { field message } }
}`;

/** Fulfillment orders that can still be fulfilled (Shopify refuses the others). */
const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);
const trackingKey = (n: string): string => n.replace(/\s+/g, '').toUpperCase();
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

type LineItemsByFulfillmentOrder = { fulfillmentOrderId: string; fulfillmentOrderLineItems: { id: string; quantity: number }[] }[];

/** The asked lines spread over the fulfillment orders that hold them; a string is the sentence when that cannot be done. */
function linesToFulfil(item: QueuedItem, orders: NonNullable<OrderFulfilments['order']>['fulfillmentOrders']['nodes']): LineItemsByFulfillmentOrder | string {
  const open = orders.filter((o) => FULFILLABLE.has(o.status));
  const asked = item.payload.lines;
  if (asked === undefined || asked === null) {
    const all = open.map((o) => ({ fulfillmentOrderId: o.id,
      fulfillmentOrderLineItems: o.lineItems.nodes.filter((l) => l.remainingQuantity > 0).map((l) => ({ id: l.id, quantity: l.remainingQuantity })) }));
    return all.filter((o) => o.fulfillmentOrderLineItems.length > 0);
  }
  if (!Array.isArray(asked)) return 'The fulfilment names its items in something that is not a list.';
  const byOrder = new Map<string, { id: string; quantity: number }[]>();
  for (const line of asked as { externalId?: unknown; quantity?: unknown }[]) {
    let wanted = typeof line.quantity === 'number' ? line.quantity : 0;
    const lineItemId = text(line.externalId);
    if (lineItemId === null || wanted < 1) return 'Each item of the fulfilment needs its Shopify line item id and a quantity of at least 1.';
    for (const o of open) {
      for (const l of o.lineItems.nodes) {
        if (l.lineItem.id !== lineItemId || l.remainingQuantity < 1 || wanted === 0) continue;
        const quantity = Math.min(wanted, l.remainingQuantity);
        wanted -= quantity;
        byOrder.set(o.id, [...(byOrder.get(o.id) ?? []), { id: l.id, quantity }]);
      }
    }
    if (wanted > 0) return `Shopify has ${wanted} fewer of line item ${lineItemId} left to fulfil than the parcel holds; sync the order and check it.`;
  }
  return [...byOrder].map(([fulfillmentOrderId, fulfillmentOrderLineItems]) => ({ fulfillmentOrderId, fulfillmentOrderLineItems }));
}

export async function createShopifyFulfilment(client: ShopifyClient, item: QueuedItem, signal: AbortSignal): Promise<PushOutcome> {
  const trackingNumber = text(item.payload.trackingNumber);
  if (trackingNumber === null) return { ok: false, permanent: true, message: 'The fulfilment has no tracking number to send.' };
  const { order } = await client.request<OrderFulfilments>(ORDER_FULFILMENT_QUERY, { id: orderGid(item) }, signal);
  if (!order) return { ok: false, permanent: true, status: 404, message: 'Shopify no longer has this order, so the tracking number cannot be added.' };
  const key = trackingKey(trackingNumber);
  const landed = order.fulfillments.find((f) => f.status !== 'CANCELLED' && f.trackingInfo.some((t) => t.number && trackingKey(t.number) === key));
  if (landed) return { ok: true, remoteId: landed.id };
  const lines = linesToFulfil(item, order.fulfillmentOrders.nodes);
  if (typeof lines === 'string') return { ok: false, permanent: true, message: lines };
  if (lines.length === 0) {
    return { ok: false, permanent: true, message: `Every item of this order is already fulfilled on Shopify, so tracking number ${trackingNumber} has nothing to go with.` };
  }
  const trackingInfo = { number: trackingNumber, company: text(item.payload.carrier), url: text(item.payload.trackingUrl) };
  const data = await client.request<{ fulfillmentCreate: { fulfillment: { id: string } | null; userErrors: UserError[] } }>(
    FULFILMENT_CREATE_MUTATION, { fulfillment: { lineItemsByFulfillmentOrder: lines, trackingInfo, notifyCustomer: false } }, signal);
  const result = data.fulfillmentCreate;
  if (result.userErrors.length > 0) {
    return { ok: false, permanent: true, message: `Shopify refused the fulfilment: ${result.userErrors.map((e) => e.message).join('; ')}` } satisfies PushResult;
  }
  return { ok: true, remoteId: result.fulfillment?.id };
}
