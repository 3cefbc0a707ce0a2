import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/main/sync/connector';
import { RECOMMENDATION_NAMESPACE } from '../../src/main/sync/connectors/shopify/recommendations';
import { connectorFor, ROOMY_BUDGET, type ShopifyServer } from '../support/shopify-server/harness';
import { startShopifyServer } from '../support/shopify-server';
import { metafieldValue } from '../support/shopify-server/metafields';

let server: ShopifyServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

const signal = (): AbortSignal => new AbortController().signal;
let nextId = 1;
const publish = (productId: string | null, payload: Record<string, unknown>): OutboxItem => ({
  id: nextId, operation: 'product.recommendations.set', targetType: 'product', targetId: nextId, targetExternalId: productId,
  payload, idempotencyKey: `recs-${nextId++}`,
});

async function shop() {
  server = await startShopifyServer({ orders: 1, costBudget: ROOMY_BUDGET });
  const products = server.state.data.products.map((p) => p.id);
  const read = (productId: string, key: string) => metafieldValue(server!.state.data, productId, RECOMMENDATION_NAMESPACE, key);
  const writes = () => server!.state.calls.filter((c) => c.field.startsWith('metafields'));
  return { server, connector: connectorFor(server), products, read, writes };
}

describe('Shopify connector: publishing recommendation lists', () => {
  it('sets related_products and complementary_products in one metafieldsSet, in order, as product references', async () => {
    const { server, connector, products: [anchor, a, b, c], read, writes } = await shop();
    const result = await connector.push(publish(anchor!, { related: [b, a], complementary: [c] }), signal());
    expect(result).toEqual({ ok: true, remoteId: anchor });
    expect(read(anchor!, 'related_products')).toEqual([b, a]);
    expect(read(anchor!, 'complementary_products')).toEqual([c]);
    expect(writes()).toHaveLength(1);
    const inputs = writes()[0]!.args.metafields as Record<string, unknown>[];
    expect(inputs.map((input) => [input.namespace, input.key, input.type])).toEqual([
      [RECOMMENDATION_NAMESPACE, 'related_products', 'list.product_reference'],
      [RECOMMENDATION_NAMESPACE, 'complementary_products', 'list.product_reference'],
    ]);
    expect(server.state.requests).toBe(1);
  });

  it('clears an emptied list by deleting its metafield, in the same request as setting the other', async () => {
    const { server, connector, products: [anchor, a, b], read } = await shop();
    await connector.push(publish(anchor!, { related: [a], complementary: [b] }), signal());
    const before = server.state.requests;
    expect(await connector.push(publish(anchor!, { related: [b], complementary: [] }), signal())).toEqual({ ok: true, remoteId: anchor });
    expect(server.state.requests).toBe(before + 1);
    expect(read(anchor!, 'related_products')).toEqual([b]);
    expect(read(anchor!, 'complementary_products')).toBeUndefined();
    // Clearing what is already clear still succeeds (metafieldsDelete answers null for it).
    expect(await connector.push(publish(anchor!, { complementary: [] }), signal())).toEqual({ ok: true, remoteId: anchor });
    expect(read(anchor!, 'related_products')).toEqual([b]); // left out: left as it is
  });

  it("fails permanently with Shopify's message when a listed product does not exist, saving nothing", async () => {
    const { connector, products: [anchor, a], read } = await shop();
    const result = await connector.push(publish(anchor!, { related: [a], complementary: ['gid://shopify/Product/424242'] }), signal());
    expect(result).toEqual({ ok: false, permanent: true,
      message: 'Shopify refused the recommendations: Value references non-existent resource gid://shopify/Product/424242.' });
    expect(read(anchor!, 'related_products')).toBeUndefined(); // metafieldsSet is all or nothing
  });

  it('refuses before sending: a product without a Shopify id, an id that is not a product, a missing scope', async () => {
    const { server, connector, products: [anchor, a], writes } = await shop();
    expect(await connector.push(publish(null, { related: [a] }), signal()))
      .toMatchObject({ ok: false, permanent: true, message: expect.stringContaining('has no Shopify id') });
    expect(await connector.push(publish(anchor!, { related: ['gid://shopify/Order/1'] }), signal()))
      .toMatchObject({ ok: false, permanent: true, message: expect.stringContaining('is not a Shopify product id') });
    expect(writes()).toHaveLength(0);
    server.state.missingScopes.add('write_products');
    expect(await connector.push(publish(anchor!, { related: [a] }), signal()))
      .toMatchObject({ ok: false, permanent: true, message: expect.stringContaining('write_products') });
    // The connection check says so up front, without refusing a store that only syncs.
    expect(await connector.test(signal())).toMatchObject({ ok: true,
      message: expect.stringContaining('Without write access Backroom cannot send recommendation lists to Shopify.') });
  });

  it('takes a numeric id as the same product and sends the same list twice harmlessly', async () => {
    const { connector, products: [anchor, a], read } = await shop();
    const numeric = a!.slice(a!.lastIndexOf('/') + 1);
    const message = publish(anchor!, { related: [numeric, a] });
    expect(await connector.push(message, signal())).toEqual({ ok: true, remoteId: anchor });
    expect(await connector.push(message, signal())).toEqual({ ok: true, remoteId: anchor });
    expect(read(anchor!, 'related_products')).toEqual([a]);
  });
});
