import type { OutboxItem, PushResult } from '../../connector';
import { isErrorResult, sentence, type VendureClient } from './client';
import { isObject, list, type Json } from './fields';
import { ADD_FULFILMENT_MUTATION, ORDER_FULFILMENT_QUERY, TRANSITION_FULFILMENT_MUTATION } from './queries';

/**
 * The outbox message `order.fulfillment.create`: a parcel sent with a
 * tracking number, for the shop to record. Payload:
 *   { trackingNumber: string, carrier?: string,
 *     lines?: [{ externalId: string, quantity: number }],   // the order's line ids; absent: everything not yet fulfilled
 *     state?: 'Shipped' | 'Pending' }                       // absent: Shipped (a tracking number means it left)
 *
 * On Vendure it is addFulfillmentToOrder with the manual handler (its
 * `method` is the carrier, `trackingCode` the number), then the fulfilment
 * moved to Shipped, which moves the order to (Partially)Shipped. Vendure takes
 * no idempotency key, so the tracking number is the key: a retry after a lost
 * answer finds the fulfilment the first attempt made (still Pending if the
 * answer was lost between the two calls) and only finishes it.
 */
export const FULFILMENT_OPERATION = 'order.fulfillment.create';

const MANUAL_HANDLER = 'manual-fulfillment';

interface OrderFulfilments {
  order: { id: string; state: string; lines: Json[]; fulfillments: Json[] } | null;
}

/** What each line still has to send: its quantity less what live (not cancelled) fulfilments already hold. */
function unfulfilled(order: NonNullable<OrderFulfilments['order']>): Map<string, number> {
  const remaining = new Map<string, number>();
  for (const line of order.lines) {
    if (typeof line.id === 'string' && typeof line.quantity === 'number') remaining.set(line.id, line.quantity);
  }
  for (const fulfilment of order.fulfillments) {
    if (fulfilment.state === 'Cancelled') continue;
    for (const held of list(fulfilment, 'lines')) {
      const id = String(held.orderLineId);
      if (remaining.has(id) && typeof held.quantity === 'number') remaining.set(id, remaining.get(id)! - held.quantity);
    }
  }
  return remaining;
}

function requestedLines(item: OutboxItem, remaining: Map<string, number>): { orderLineId: string; quantity: number }[] | string {
  const asked = item.payload.lines;
  if (asked === undefined || asked === null) {
    return [...remaining].filter(([, quantity]) => quantity > 0).map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
  }
  if (!Array.isArray(asked)) return 'The fulfilment names its lines in something that is not a list.';
  const lines: { orderLineId: string; quantity: number }[] = [];
  for (const line of asked) {
    const id = isObject(line) && typeof line.externalId === 'string' ? line.externalId : null;
    const quantity = isObject(line) ? line.quantity : null;
    if (id === null || typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
      return 'Each line of the fulfilment needs the order line\'s Vendure id and a quantity of at least 1.';
    }
    if (!remaining.has(id)) return `The order has no line ${id} in Vendure; sync the order and try again.`;
    lines.push({ orderLineId: id, quantity: Math.min(quantity, Math.max(0, remaining.get(id)!)) });
  }
  return lines.filter((line) => line.quantity > 0);
}

async function ship(client: VendureClient, fulfilmentId: string, state: string, signal: AbortSignal): Promise<PushResult> {
  const { transitionFulfillmentToState: result } = await client.request<{ transitionFulfillmentToState: unknown }>(
    TRANSITION_FULFILMENT_MUTATION, { id: fulfilmentId, state }, signal);
  if (isErrorResult(result)) {
    return { ok: false, permanent: true, message: `Vendure recorded the tracking number but would not mark the parcel ${state}: ${sentence(result.message ?? result.errorCode)}` };
  }
  return { ok: true, remoteId: fulfilmentId };
}

export async function addVendureFulfilment(client: VendureClient, orderId: string, item: OutboxItem, signal: AbortSignal): Promise<PushResult> {
  const trackingNumber = typeof item.payload.trackingNumber === 'string' ? item.payload.trackingNumber.trim() : '';
  if (trackingNumber === '') return { ok: false, permanent: true, message: 'The fulfilment has no tracking number to send.' };
  const carrier = typeof item.payload.carrier === 'string' && item.payload.carrier.trim() !== '' ? item.payload.carrier.trim() : 'Manual';
  const state = item.payload.state === 'Pending' ? 'Pending' : 'Shipped';
  const { order } = await client.request<OrderFulfilments>(ORDER_FULFILMENT_QUERY, { id: orderId }, signal);
  if (!order) return { ok: false, permanent: true, message: 'Vendure no longer has this order, so the tracking number cannot be added.', status: 404 };
  const landed = order.fulfillments.find((f) => f.trackingCode === trackingNumber && f.state !== 'Cancelled');
  if (landed && typeof landed.id === 'string') {
    return landed.state === 'Pending' && state === 'Shipped' ? ship(client, landed.id, state, signal) : { ok: true, remoteId: landed.id };
  }
  const lines = requestedLines(item, unfulfilled(order));
  if (typeof lines === 'string') return { ok: false, permanent: true, message: lines };
  if (lines.length === 0) {
    return { ok: false, permanent: true, message: `Every item of order ${orderId} is already in a fulfilment in Vendure, so it has nothing left to send with tracking number ${trackingNumber}.` };
  }
  const { addFulfillmentToOrder: result } = await client.request<{ addFulfillmentToOrder: unknown }>(ADD_FULFILMENT_MUTATION, {
    input: { lines, handler: { code: MANUAL_HANDLER, arguments: [{ name: 'method', value: carrier }, { name: 'trackingCode', value: trackingNumber }] } },
  }, signal);
  if (isErrorResult(result)) {
    return { ok: false, permanent: true, message: `Vendure refused the fulfilment: ${sentence(result.message ?? result.errorCode)}` };
  }
  const id = isObject(result) && typeof result.id === 'string' ? result.id : null;
  if (id === null) return { ok: false, permanent: false, message: 'Vendure answered the fulfilment without its id; it will be checked again.' };
  return state === 'Shipped' && isObject(result) && result.state !== 'Shipped' ? ship(client, id, state, signal) : { ok: true, remoteId: id };
}
