import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, OutboxItem } from '../../src/main/sync/connector';
import { createWooConnector } from '../../src/main/sync/connectors/woocommerce/index';
import { startWooServer } from '../support/woo-server/index';

type Server = Awaited<ReturnType<typeof startWooServer>>;
const servers: Server[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((server) => server.close())); });

async function shop(): Promise<{ server: Server; connector: Connector }> {
  const server = await startWooServer({ orders: 30, seed: 5 });
  servers.push(server);
  const connector = createWooConnector({ shopUrl: server.url, timezone: 'America/New_York', currency: 'USD' },
    { platform: 'woocommerce', consumerKey: server.consumerKey, consumerSecret: server.consumerSecret });
  return { server, connector };
}

let nextId = 1;
const publish = (productId: string | null, payload: Record<string, unknown>): OutboxItem => ({
  id: nextId, operation: 'product.recommendations.set', targetType: 'product', targetId: nextId, targetExternalId: productId,
  payload, idempotencyKey: `recs-${nextId++}`,
});
const push = (connector: Connector, message: OutboxItem) => connector.push(message, new AbortController().signal);
const writes = (server: Server) => server.state.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/products/'));

describe('WooCommerce connector: publishing recommendation lists', () => {
  it('puts related products in upsell_ids and complementary ones in cross_sell_ids, in order, with one PUT', async () => {
    const { server, connector } = await shop();
    expect(await push(connector, publish('101', { related: ['105', '103'], complementary: ['110'] }))).toEqual({ ok: true, remoteId: '101' });
    const product = server.state.products.get(101)!;
    expect(product.upsell_ids).toEqual([105, 103]);
    expect(product.cross_sell_ids).toEqual([110]);
    expect(writes(server).map((r) => r.path)).toEqual(['/products/101']);
  });

  it('clears a list with an empty one and leaves a list that is left out as it is', async () => {
    const { server, connector } = await shop();
    await push(connector, publish('102', { related: ['104'], complementary: ['106'] }));
    expect(await push(connector, publish('102', { complementary: [] }))).toEqual({ ok: true, remoteId: '102' });
    expect(server.state.products.get(102)!.upsell_ids).toEqual([104]);
    expect(server.state.products.get(102)!.cross_sell_ids).toEqual([]);
  });

  it("fails permanently with WooCommerce's message when the product is gone (400 woocommerce_rest_product_invalid_id)", async () => {
    const { server, connector } = await shop();
    const result = await push(connector, publish('999999', { related: ['104'] }));
    expect(result).toEqual({ ok: false, permanent: true, status: 400,
      message: 'WooCommerce refused the request (HTTP 400). WooCommerce said: "Invalid ID."' });
    expect(server.state.products.has(999999)).toBe(false);
  });

  it('refuses before sending: no WooCommerce id on the product, or an id in a list that is not a number', async () => {
    const { server, connector } = await shop();
    expect(await push(connector, publish(null, { related: ['104'] })))
      .toMatchObject({ ok: false, permanent: true, message: expect.stringContaining('has no WooCommerce id') });
    expect(await push(connector, publish('101', { related: ['gid://shopify/Product/4'] })))
      .toMatchObject({ ok: false, permanent: true, message: expect.stringContaining('is not a WooCommerce product id') });
    expect(await push(connector, publish('101', {})))
      .toMatchObject({ ok: false, permanent: true, message: 'The message carries no recommendation list to publish.' });
    expect(writes(server)).toHaveLength(0);
  });

  it('is refused by the test server as WordPress validates a list that is not of integers', async () => {
    const { server } = await shop();
    const response = await fetch(`${server.url}/wp-json/wc/v3/products/101`, {
      method: 'PUT', body: JSON.stringify({ upsell_ids: ['x'] }),
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`${server.consumerKey}:${server.consumerSecret}`).toString('base64')}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'rest_invalid_param', data: { params: { upsell_ids: 'upsell_ids[0] is not of type integer.' } } });
  });
});
