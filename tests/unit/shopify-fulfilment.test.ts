import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/main/sync/connector';
import { connectorFor, drain, ROOMY_BUDGET, type ShopifyServer } from '../support/shopify-server/harness';
import { startShopifyServer } from '../support/shopify-server';
import type { Json, ShopRecord } from '../support/shopify-server/shop';
import type { RemoteOrder } from '../../src/main/sync/model';

/**
 * `order.fulfillment.create` on Shopify: fulfillmentCreate from the order's
 * open fulfillment orders with the tracking info, exactly once even when the
 * first answer is lost, and listed back by the sync with the same number.
 */
let server: ShopifyServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

const signal = (): AbortSignal => new AbortController().signal;
let nextId = 1;
const fulfil = (order: ShopRecord, payload: Record<string, unknown>): OutboxItem => ({
  id: nextId++, operation: 'order.fulfillment.create', targetType: 'order', targetId: 1, targetExternalId: order.id,
  payload: { externalId: order.id, carrier: 'UPS', state: 'Shipped', ...payload }, idempotencyKey: `shipment:${nextId}:create`,
});
const unfulfilled = (s: ShopifyServer) => s.state.data.orders.find((o) => o.displayFulfillmentStatus === 'UNFULFILLED' && !o.cancelledAt
  && (o.lineItems as Json[]).length >= 2)!;
const fulfilmentsOf = (order: ShopRecord) => order.fulfillments as Json[];
const creates = (s: ShopifyServer) => s.state.calls.filter((c) => c.field === 'fulfillmentCreate').length;

describe('Shopify connector: tracking numbers as fulfilments', () => {
  it('fulfils the chosen items with the tracking info, then the rest, and the sync lists both back', async () => {
    server = await startShopifyServer({ orders: 60, costBudget: ROOMY_BUDGET });
    const order = unfulfilled(server);
    const [first, second] = order.lineItems as Json[];
    const connector = connectorFor(server);
    const one = await connector.push(fulfil(order, { trackingNumber: '1Z999AA10123456784', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      lines: [{ externalId: first!.id, quantity: 1 }] }), signal());
    expect(one).toEqual({ ok: true, remoteId: expect.stringMatching(/^gid:\/\/shopify\/Fulfillment\//) });
    expect(fulfilmentsOf(order)[0]).toMatchObject({ trackingInfo: [{ company: 'UPS', number: '1Z999AA10123456784',
      url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }], _lines: [{ lineItemId: first!.id, quantity: 1 }] });
    expect(order.displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');

    const rest = await connector.push(fulfil(order, { trackingNumber: 'JD-2' }), signal());
    expect(rest.ok).toBe(true);
    expect(order.displayFulfillmentStatus).toBe('FULFILLED');
    expect((fulfilmentsOf(order)[1]!._lines as { lineItemId: string }[]).map((l) => l.lineItemId)).toContain(second!.id);

    const listed = (await drain(connector, 'orders')).records.map((r) => r.record as RemoteOrder).find((o) => o.externalId === order.id)!;
    expect(listed.shipments.map((s) => [s.externalId, s.trackingNumber, s.carrier])).toEqual([
      [(one as { remoteId: string }).remoteId, '1Z999AA10123456784', 'UPS'], [(rest as { remoteId: string }).remoteId, 'JD-2', 'UPS']]);
  });

  it('makes the fulfilment exactly once when the first answer is lost and the message is sent again', async () => {
    server = await startShopifyServer({ orders: 60, costBudget: ROOMY_BUDGET });
    const order = unfulfilled(server);
    const connector = connectorFor(server);
    const message = fulfil(order, { trackingNumber: 'LOST 0001' });
    server.state.loseNextMutationAnswers = 1;
    const lost = await connector.push(message, signal()).catch((error: Error) => ({ ok: false, thrown: error.message }));
    expect(lost.ok).toBe(false);
    expect(fulfilmentsOf(order)).toHaveLength(1); // it did land on the shop
    const again = await connector.push(message, signal());
    expect(again).toEqual({ ok: true, remoteId: fulfilmentsOf(order)[0]!.id });
    expect(fulfilmentsOf(order)).toHaveLength(1);
    expect(creates(server)).toBe(1);
  });

  it('refuses with a sentence when nothing is left to fulfil or an item is not on the order', async () => {
    server = await startShopifyServer({ orders: 60, costBudget: ROOMY_BUDGET });
    const done = server.state.data.orders.find((o) => o.displayFulfillmentStatus === 'FULFILLED')!;
    const connector = connectorFor(server);
    expect(await connector.push(fulfil(done, { trackingNumber: 'NEW-1' }), signal())).toEqual({ ok: false, permanent: true,
      message: 'Every item of this order is already fulfilled on Shopify, so tracking number NEW-1 has nothing to go with.' });
    // The number the shop already has on it: already there, nothing new made.
    const existing = (fulfilmentsOf(done)[0]!.trackingInfo as Json[])[0]!.number as string;
    expect(await connector.push(fulfil(done, { trackingNumber: existing.toLowerCase() }), signal()))
      .toEqual({ ok: true, remoteId: fulfilmentsOf(done)[0]!.id });
    const order = unfulfilled(server);
    const result = await connector.push(fulfil(order, { trackingNumber: 'X-1', lines: [{ externalId: 'gid://shopify/LineItem/1', quantity: 1 }] }), signal());
    expect(result).toMatchObject({ ok: false, permanent: true, message: expect.stringContaining('line item gid://shopify/LineItem/1') });
    expect(creates(server)).toBe(0);
  });
});
