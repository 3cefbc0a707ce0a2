import { afterEach, describe, expect, it } from 'vitest';
import { discardOutbox, retryOutbox } from '../../src/main/sync/ops/outbox';
import { pushOutbox } from '../../src/main/sync/outbox/push';
import { RECOMMENDATION_NAMESPACE } from '../../src/main/sync/connectors/shopify/recommendations';
import { metafieldValue } from '../support/shopify-server/metafields';
import { handlerContext } from '../helpers/context';
import { localProduct, outboxRows, queue, shopifyHarness, wooHarness, type PushHarness } from './sync-outbox-marketplaces';

let open: PushHarness<unknown> | null = null;
afterEach(async () => { await open?.close(); open = null; });

const OP = 'product.recommendations.set';

describe('publishing recommendation lists through the outbox', () => {
  it('WooCommerce: each product list is sent once, in the order it was queued, and reads back from the shop', async () => {
    const woo = await wooHarness();
    open = woo;
    localProduct(woo.h, 1, '101');
    localProduct(woo.h, 2, '102');
    queue(woo.h, OP, 'product', 1, { related: ['105'], complementary: ['106'] });
    queue(woo.h, OP, 'product', 2, { related: ['101'], complementary: [] });
    queue(woo.h, OP, 'product', 1, { related: ['103', '104'], complementary: ['107'] });
    await pushOutbox(woo.h.deps, 1, woo.connector, woo.runId);
    expect(outboxRows(woo.h).map((row) => [row.status, row.attempts])).toEqual([['done', 1], ['done', 1], ['done', 1]]);
    const puts = woo.server.state.requests.filter((r) => r.method === 'PUT').map((r) => r.path);
    expect(puts.filter((path) => path === '/products/101')).toHaveLength(2);
    expect(puts.filter((path) => path === '/products/102')).toHaveLength(1);
    expect(woo.server.state.products.get(101)).toMatchObject({ upsell_ids: [103, 104], cross_sell_ids: [107] }); // the later list won
    expect(woo.server.state.products.get(102)).toMatchObject({ upsell_ids: [101], cross_sell_ids: [] });
    await pushOutbox(woo.h.deps, 1, woo.connector, woo.runId);
    expect(woo.server.state.requests.filter((r) => r.method === 'PUT')).toHaveLength(3); // nothing sent twice
  });

  it("WooCommerce: a product the shop no longer has fails with the shop's message and holds that product's later lists", async () => {
    const woo = await wooHarness();
    open = woo;
    localProduct(woo.h, 1, '999999');
    localProduct(woo.h, 2, '102');
    queue(woo.h, OP, 'product', 1, { related: ['105'] });
    queue(woo.h, OP, 'product', 1, { related: ['106'] });
    queue(woo.h, OP, 'product', 2, { related: ['105'] });
    await pushOutbox(woo.h.deps, 1, woo.connector);
    expect(outboxRows(woo.h).map((row) => row.status)).toEqual(['failed', 'pending', 'done']);
    expect(outboxRows(woo.h)[0]!.lastError).toBe('WooCommerce refused the request (HTTP 400). WooCommerce said: "Invalid ID."');
  });

  it('Shopify: a refused list is retried with an edited payload, or discarded so the next one goes', async () => {
    const shop = await shopifyHarness();
    open = shop;
    const [p1, p2, p3, p4] = shop.server.state.data.products.map((p) => p.id);
    localProduct(shop.h, 1, p1!);
    localProduct(shop.h, 2, p2!);
    queue(shop.h, OP, 'product', 1, { related: [p2, 'gid://shopify/Product/777'], complementary: [p3] });
    queue(shop.h, OP, 'product', 2, { related: ['gid://shopify/Product/778'], complementary: [] });
    queue(shop.h, OP, 'product', 2, { related: [p4], complementary: [p1] });
    await pushOutbox(shop.h.deps, 1, shop.connector, shop.runId);
    const rows = outboxRows(shop.h);
    expect(rows.map((row) => row.status)).toEqual(['failed', 'failed', 'pending']);
    expect(rows[0]!.lastError).toBe('Shopify refused the recommendations: Value references non-existent resource gid://shopify/Product/777.');
    const ctx = handlerContext(shop.h.connection, () => new Date(shop.h.clock.now));
    retryOutbox({ id: rows[0]!.id, staffId: 1, payload: { related: [p2], complementary: [p3] } }, ctx);
    await shop.h.settle();
    discardOutbox({ id: rows[1]!.id, staffId: 1 }, ctx);
    await pushOutbox(shop.h.deps, 1, shop.connector, shop.runId);
    expect(outboxRows(shop.h).map((row) => row.status)).toEqual(['done', 'discarded', 'done']);
    const read = (product: string, key: string) => metafieldValue(shop.server.state.data, product, RECOMMENDATION_NAMESPACE, key);
    expect([read(p1!, 'related_products'), read(p1!, 'complementary_products')]).toEqual([[p2], [p3]]);
    expect([read(p2!, 'related_products'), read(p2!, 'complementary_products')]).toEqual([[p4], [p1]]);
  });
});
