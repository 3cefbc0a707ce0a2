import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/main/sync/connector';
import { connectorFor, ROOMY_BUDGET, type ShopifyServer } from '../support/shopify-server/harness';
import { startShopifyServer } from '../support/shopify-server';
import type { Json } from '../support/shopify-server/shop';

let server: ShopifyServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

const signal = (): AbortSignal => new AbortController().signal;
let nextId = 1;
const item = (operation: string, payload: Record<string, unknown>, targetExternalId: string | null = null): OutboxItem =>
  ({ id: nextId++, operation, targetType: 'order', targetId: 1, targetExternalId, payload, idempotencyKey: `key-${nextId}` });

describe('Shopify connector: pushing outbox items', () => {
  it("sets an order's note and tags with orderUpdate, moving its updatedAt", async () => {
    server = await startShopifyServer({ orders: 5, costBudget: ROOMY_BUDGET });
    const order = server.state.data.orders[2]!;
    const before = order.updatedAt;
    const connector = connectorFor(server);
    expect(await connector.push(item('order.note.set', { externalId: order.id, note: 'Leave at the back door' }), signal()))
      .toEqual({ ok: true, remoteId: order.id });
    expect(await connector.push(item('order.tags.set', { externalId: order.id, tags: ['vip', 'gift'] }, order.id), signal()))
      .toEqual({ ok: true, remoteId: order.id });
    expect(order.note).toBe('Leave at the back door');
    expect(order.tags).toEqual(['vip', 'gift']);
    expect(order.updatedAt > before).toBe(true);
  });

  it('fails permanently when Shopify no longer has the order (read before writing), and relays a userError', async () => {
    server = await startShopifyServer({ orders: 1, costBudget: ROOMY_BUDGET });
    const result = await connectorFor(server).push(item('order.note.set', { externalId: 'gid://shopify/Order/999999', note: 'x' }), signal());
    expect(result).toEqual({ ok: false, permanent: true, status: 404, message: 'Shopify no longer has this order, so the change cannot be sent.' });
    // Deleted between the read and the write: Shopify's own userError comes back as the failure.
    const order = server.state.data.orders[0]!;
    server.state.beforeAnswer = (field) => { if (field === 'orderUpdate') server!.state.data.orders.splice(0, 1); };
    expect(await connectorFor(server).push(item('order.note.set', { externalId: order.id, note: 'x' }), signal()))
      .toEqual({ ok: false, permanent: true, message: 'Shopify refused the change: Order does not exist' });
  });

  it('merges tags: the shop\'s own tags stay, only tags Backroom sent before and dropped are removed', async () => {
    server = await startShopifyServer({ orders: 1, costBudget: ROOMY_BUDGET });
    const order = server.state.data.orders[0]!;
    order.tags = ['wholesale', 'vip'];
    const connector = connectorFor(server);
    const queued = { ...item('order.tags.set', { externalId: order.id, tags: ['gift', 'rush'] }, order.id),
      race: { changedHereAt: order.updatedAt, lastSent: { tags: ['vip', 'gift'] } } };
    expect(await connector.push(queued, signal())).toEqual({ ok: true, remoteId: order.id });
    expect(order.tags).toEqual(['wholesale', 'gift', 'rush']);
    const writes = server.state.calls.filter((c) => c.field === 'orderUpdate').length;
    expect(await connector.push(queued, signal())).toEqual({ ok: true, remoteId: order.id });
    expect(server.state.calls.filter((c) => c.field === 'orderUpdate')).toHaveLength(writes); // already there: not written again
  });

  it('creates a coupon once, as a discount code with the reward value, even when pushed twice', async () => {
    server = await startShopifyServer({ orders: 1, costBudget: ROOMY_BUDGET });
    const connector = connectorFor(server);
    const coupon = item('coupon.create', { code: 'BR-7K2M', kind: 'fixed_amount', valueMinor: 500, percent: null, minOrderMinor: 2000, usageLimit: 1 });
    const first = await connector.push(coupon, signal());
    const again = await connector.push(coupon, signal());
    expect(first).toEqual({ ok: true, remoteId: expect.stringMatching(/^gid:\/\/shopify\/DiscountCodeNode\//) });
    expect(again).toEqual(first);
    expect(server.state.discounts).toHaveLength(1);
    expect((server.state.discounts[0]!.input as Json)).toMatchObject({
      code: 'BR-7K2M', usageLimit: 1, context: { all: 'ALL' },
      customerGets: { items: { all: true }, value: { discountAmount: { amount: '5.00', appliesOnEachItem: false } } },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '20.00' } },
    });
    const percent = await connector.push(item('coupon.create', { code: 'BR-PCT', kind: 'percent', percent: 15, valueMinor: null }), signal());
    expect(percent.ok).toBe(true);
    expect((server.state.discounts[1]!.input as { customerGets: unknown }).customerGets).toMatchObject({ value: { percentage: 0.15 } });
  });

  it('creates a refund against the captured payment once, and relays an over-refund refusal', async () => {
    server = await startShopifyServer({ orders: 30, costBudget: ROOMY_BUDGET });
    const order = server.state.data.orders.find((o) => o.displayFinancialStatus === 'PAID')!;
    const connector = connectorFor(server);
    const refund = item('order.refund.create', { externalId: order.id, amountMinor: 250, currency: 'USD', reason: 'Late', note: null }, order.id);
    const first = await connector.push(refund, signal());
    expect(first).toEqual({ ok: true, remoteId: expect.stringMatching(/^gid:\/\/shopify\/Refund\//) });
    expect(await connector.push(refund, signal())).toEqual(first); // a retry after a lost answer
    expect(order.refunds).toHaveLength(1);
    expect(order.displayFinancialStatus).toBe('PARTIALLY_REFUNDED');
    const refundTx = (order.transactions as Json[]).at(-1)!;
    expect(refundTx).toMatchObject({ kind: 'REFUND', amountSet: { shopMoney: { amount: '2.5' } } });
    const tooMuch = await connector.push(item('order.refund.create', { externalId: order.id, amountMinor: 99_999_999, currency: 'USD' }, order.id), signal());
    expect(tooMuch).toMatchObject({ ok: false, permanent: true, message: expect.stringContaining('Amount cannot exceed the refundable amount') });
  });

  it('keeps a push retryable when Shopify is down, and permanent when it has no counterpart', async () => {
    server = await startShopifyServer({ orders: 1, costBudget: ROOMY_BUDGET });
    server.state.failNext = { count: 1, status: 502 };
    const connector = connectorFor(server);
    const order = server.state.data.orders[0]!;
    expect(await connector.push(item('order.note.set', { externalId: order.id, note: 'n' }), signal()))
      .toMatchObject({ ok: false, permanent: false, status: 502 });
    expect(await connector.push(item('recommendations.publish', {}), signal()))
      .toMatchObject({ ok: false, permanent: true, message: expect.stringContaining('no counterpart') });
    expect(await connector.push(item('order.note.set', { externalId: '#1001', note: 'n' }), signal()))
      .toMatchObject({ ok: false, permanent: true, message: 'This order has no Shopify id, so the change cannot be sent to Shopify.' });
  });
});
