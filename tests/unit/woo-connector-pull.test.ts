import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, Page } from '../../src/main/sync/connector';
import { createWooConnector } from '../../src/main/sync/connectors/woocommerce/index';
import type { RemoteOrder, SyncResource } from '../../src/main/sync/model';
import { startWooServer } from '../support/woo-server/index';

type Server = Awaited<ReturnType<typeof startWooServer>>;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function shop(options: Parameters<typeof startWooServer>[0] = {}): Promise<{ server: Server; connector: Connector }> {
  const server = await startWooServer(options);
  servers.push(server);
  const connector = createWooConnector({ shopUrl: server.url, timezone: 'America/New_York', currency: 'USD' },
    { platform: 'woocommerce', consumerKey: server.consumerKey, consumerSecret: server.consumerSecret });
  return { server, connector };
}

async function listAll(connector: Connector, resource: SyncResource, since: string | null, onPage?: (page: Page, index: number) => void): Promise<Page[]> {
  const pages: Page[] = [];
  let pageToken: string | null = null;
  do {
    const page: Page = await connector.fetchPage({ resource, since, pageToken, signal: new AbortController().signal });
    onPage?.(page, pages.length);
    pages.push(page);
    pageToken = page.nextPageToken;
  } while (pageToken !== null);
  return pages;
}

const orderIds = (pages: Page[]): string[] => pages.flatMap((page) => page.records.map((entry) => entry.record.externalId));

describe('WooCommerce connector: listing', () => {
  it('pages every order 100 at a time by id, with the total from X-WP-Total', async () => {
    const { server, connector } = await shop({ orders: 250, seed: 7 });
    const pages = await listAll(connector, 'orders', null);
    expect(pages.map((page) => page.records.length)).toEqual([100, 100, 50]);
    expect(pages.every((page) => page.total === 250)).toBe(true);
    expect(orderIds(pages)).toEqual([...server.state.orders.keys()].map(String));
    const asked = server.state.requests.filter((request) => request.path === '/orders');
    expect(asked.map((request) => request.query.page)).toEqual(['1', '2', '3']);
    expect(asked[0]!.query).toMatchObject({ per_page: '100', orderby: 'id', order: 'asc' });
    expect(asked[0]!.query.modified_after).toBeUndefined();
  });

  it('asks for changes since the cursor in GMT, so the shop\'s time zone cannot shift the window', async () => {
    // West of Greenwich: a GMT cursor read as local time would land hours later and miss these changes.
    const { server, connector } = await shop({ orders: 120, timezone: 'America/Los_Angeles' });
    const since = Date.now() - 60_000;
    const changed = [1003, 1050, 1110];
    changed.forEach((id, index) => server.state.modifyOrder(id, undefined, since + (index + 1) * 1000));
    const pages = await listAll(connector, 'orders', new Date(since).toISOString());
    expect(orderIds(pages).sort()).toEqual(changed.map(String));
    expect(pages[0]!.total).toBe(3);
    const asked = server.state.requests.find((request) => request.path === '/orders')!;
    expect(asked.query.dates_are_gmt).toBe('true');
    expect(asked.query.modified_after).toBe(new Date(Math.floor(since / 1000) * 1000 - 1000).toISOString().slice(0, 19));
  });

  it('the server reads modified_after in the shop\'s time zone without dates_are_gmt, as WooCommerce does', async () => {
    const { server } = await shop({ orders: 10, timezone: 'Asia/Tokyo' });
    const at = Date.parse('2026-06-01T12:00:00Z');
    server.state.modifyOrder(1004, undefined, at);
    const auth = `Basic ${Buffer.from(`${server.consumerKey}:${server.consumerSecret}`).toString('base64')}`;
    const ask = async (query: string): Promise<number[]> => {
      const response = await fetch(`${server.url}/wp-json/wc/v3/orders?${query}`, { headers: { Authorization: auth } });
      return ((await response.json()) as { id: number }[]).map((order) => order.id);
    };
    // 11:00 UTC is 20:00 in Tokyo: read as local time, "after 11:00" means after 02:00 UTC and includes 12:00 UTC.
    expect(await ask('modified_after=2026-06-01T11:00:00')).toContain(1004);
    expect(await ask('modified_after=2026-06-01T13:00:00')).toContain(1004);
    expect(await ask('modified_after=2026-06-01T13:00:00&dates_are_gmt=true')).not.toContain(1004);
    expect(await ask('modified_after=2026-06-01T11:00:00&dates_are_gmt=true')).toContain(1004);
    expect(await ask('modified_after=2026-06-01T21:00:00')).not.toContain(1004);
  });

  it('keeps a change made exactly at the cursor (modified_after is strictly after)', async () => {
    const { server, connector } = await shop({ orders: 20 });
    const at = Date.parse('2026-07-01T08:00:00Z');
    server.state.modifyOrder(1007, undefined, at);
    const pages = await listAll(connector, 'orders', new Date(at).toISOString());
    expect(orderIds(pages)).toContain('1007');
  });

  it('returns every order once when several share date_modified across a page boundary', async () => {
    const { server, connector } = await shop({ orders: 300 });
    const since = Date.now() - 60_000;
    const changed = Array.from({ length: 150 }, (_, index) => 1000 + index);
    changed.forEach((id, index) => server.state.touch('orders', id, since + index * 100));
    // Orders 80..119 of the changed set share one second, straddling the boundary between pages 1 and 2.
    const tied = changed.slice(80, 120);
    server.state.shareModified('orders', tied, since + 30_000);
    const pages = await listAll(connector, 'orders', new Date(since).toISOString());
    expect(pages.map((page) => page.records.length)).toEqual([100, 50]);
    const ids = orderIds(pages);
    expect(ids).toEqual(changed.map(String));
    const tiedAt = pages.flatMap((page) => page.records).filter((entry) => tied.includes(Number(entry.record.externalId)));
    expect(new Set(tiedAt.map((entry) => entry.record.updatedAt)).size).toBe(1);
  });

  it('loses no order when one is modified while being paged (ids keep their place)', async () => {
    const { server, connector } = await shop({ orders: 300 });
    server.state.failures.modifyWhilePaging = { afterPage: 1, orderId: 1050 };
    const pages = await listAll(connector, 'orders', null);
    const ids = orderIds(pages);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(server.state.orders.get(1050)!.customer_note).toBe('Changed while you were paging');
    // The change itself comes with the next incremental listing.
    const since = new Date(Date.now() - 10_000).toISOString();
    expect(orderIds(await listAll(connector, 'orders', since))).toContain('1050');
  });

  it('reports a malformed order with its reason and maps the rest of the page', async () => {
    const { server, connector } = await shop({ orders: 30 });
    server.state.failures.malformedOrderIds.add(1012);
    const [page] = await listAll(connector, 'orders', null);
    expect(page!.records).toHaveLength(29);
    expect(page!.malformed).toEqual([expect.objectContaining({ resource: 'orders', externalId: '1012', reason: 'total is not an amount: "twelve dollars".' })]);
  });

  it('lists products and, filtered here, only the customers changed since the cursor', async () => {
    const { server, connector } = await shop({ orders: 40 });
    const products = await listAll(connector, 'products', null);
    expect(products.flatMap((page) => page.records)).toHaveLength(server.state.products.size);
    const first = products[0]!.records[0]!;
    expect(first.resource).toBe('products');
    const since = Date.now() - 30_000;
    server.state.touch('customers', 5, since + 2000);
    const customers = await listAll(connector, 'customers', new Date(since).toISOString());
    expect(orderIds(customers)).toEqual(['5']);
    expect(customers[0]!.total).toBeNull();
    expect(server.state.requests.find((request) => request.path === '/customers')!.query).toMatchObject({ role: 'all', orderby: 'id' });
    const everyone = await listAll(connector, 'customers', null);
    expect(everyone[0]!.total).toBe(server.state.customers.size);
  });
});

describe('WooCommerce connector: mapping', () => {
  it('maps money strings to minor units, statuses, refunds with their dates, tracking and guests', async () => {
    const { server, connector } = await shop({ orders: 400, seed: 3 });
    const orders = (await listAll(connector, 'orders', null)).flatMap((page) => page.records.map((entry) => entry.record as RemoteOrder));
    const byId = new Map(orders.map((order) => [order.externalId, order]));
    for (const raw of server.state.orders.values()) {
      const order = byId.get(String(raw.id))!;
      expect(order.totalMinor).toBe(Math.round(Number(raw.total) * 100));
      expect(order.updatedAt).toBe(`${raw.date_modified_gmt}.000Z`);
      expect(order.customerExternalId).toBe(raw.customer_id === 0 ? null : String(raw.customer_id));
      expect(order.subtotalMinor - order.discountMinor + order.shippingMinor + order.taxMinor).toBe(order.totalMinor);
    }
    const raw = (status: string) => [...server.state.orders.values()].find((order) => order.status === status)!;
    expect(byId.get(String(raw('processing').id))).toMatchObject({ status: 'open', financialStatus: 'paid', fulfillmentStatus: 'unfulfilled' });
    expect(byId.get(String(raw('on-hold').id))).toMatchObject({ status: 'open', financialStatus: 'pending' });
    expect(byId.get(String(raw('failed').id))).toMatchObject({ financialStatus: 'failed' });
    const cancelled = byId.get(String(raw('cancelled').id))!;
    expect(cancelled).toMatchObject({ status: 'cancelled', financialStatus: 'voided', cancelledAt: cancelled.updatedAt });
    const refunded = raw('refunded');
    const mapped = byId.get(String(refunded.id))!;
    expect(mapped).toMatchObject({ financialStatus: 'refunded', refundedMinor: mapped.totalMinor });
    const detail = server.state.refunds.get(refunded.id)![0]!;
    expect(mapped.refunds).toEqual([{ externalId: String(detail.id), amountMinor: mapped.totalMinor, currency: 'USD', reason: detail.reason, note: null, refundedAt: `${detail.date_created_gmt}.000Z` }]);
    const partial = [...server.state.orders.values()].find((order) => order.status === 'completed' && order.refunds.length > 0)!;
    expect(byId.get(String(partial.id))).toMatchObject({ status: 'completed', financialStatus: 'partially_refunded', refundedMinor: 500 });
    const tracked = [...server.state.orders.values()].find((order) => order.meta_data.some((meta) => meta.key === '_wc_shipment_tracking_items'))!;
    const shipment = byId.get(String(tracked.id))!.shipments[0]!;
    expect(shipment.trackingNumber).toBe(`9400${String(tracked.id).padStart(12, '0')}`);
    expect(shipment.status).toBe('InTransit');
    expect(['usps', 'ups', 'fedex']).toContain(shipment.carrier);
    const paid = byId.get(String(raw('processing').id))!;
    expect(paid.payments).toEqual([expect.objectContaining({ kind: 'sale', status: 'success', amountMinor: paid.totalMinor })]);
  });
});
