import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, PageRequest } from '../../src/main/sync/connector';
import { createWooConnector } from '../../src/main/sync/connectors/woocommerce/index';
import type { RemoteCustomer } from '../../src/main/sync/model';
import { startWooServer } from '../support/woo-server/index';

type Server = Awaited<ReturnType<typeof startWooServer>>;
let server: Server | null = null;
afterEach(async () => { await server?.close(); server = null; });

async function shop(orders: number): Promise<{ server: Server; connector: Connector }> {
  server = await startWooServer({ orders, seed: 21 });
  const connector = createWooConnector({ shopUrl: server.url, timezone: 'America/New_York', currency: 'USD' },
    { platform: 'woocommerce', consumerKey: server.consumerKey, consumerSecret: server.consumerSecret });
  return { server, connector };
}

async function drainCustomers(connector: Connector, since: string | null): Promise<{ customers: RemoteCustomer[]; pages: number; totals: (number | null)[] }> {
  const customers: RemoteCustomer[] = [];
  const totals: (number | null)[] = [];
  let pageToken: string | null = null;
  let pages = 0;
  do {
    const request: PageRequest = { resource: 'customers', since, pageToken, signal: new AbortController().signal };
    const page = await connector.fetchPage(request);
    for (const record of page.records) if (record.resource === 'customers') customers.push(record.record);
    totals.push(page.total);
    pageToken = page.nextPageToken;
    pages += 1;
  } while (pageToken !== null);
  return { customers, pages, totals };
}

const customerRequests = (s: Server) => s.state.requests.filter((r) => r.path === '/customers');

describe('WooCommerce customers, incrementally (the endpoint has no modified_after)', () => {
  it('scans light pages of ids and dates, then reads in full only the customers changed since the cursor', async () => {
    const { server, connector } = await shop(1000); // 250 customers: three pages of 100
    const since = new Date(Date.now() - 60_000).toISOString();
    server.state.touch('customers', 5, Date.now() - 1000);
    server.state.touch('customers', 230, Date.now() - 500);
    server.state.customers.get(230)!.first_name = 'Renamed';
    const { customers, pages, totals } = await drainCustomers(connector, since);
    expect(customers.map((c) => [c.externalId, c.firstName])).toEqual([['5', expect.any(String)], ['230', 'Renamed']]);
    expect(pages).toBe(3);
    expect(totals).toEqual([null, null, null]); // X-WP-Total counts every customer, not the changed ones
    const requests = customerRequests(server);
    const scans = requests.filter((r) => r.query._fields === 'id,date_modified_gmt,date_created_gmt');
    const reads = requests.filter((r) => r.query.include !== undefined);
    expect(scans.map((r) => [r.query.page, r.query.orderby, r.query.per_page])).toEqual([['1', 'id', '100'], ['2', 'id', '100'], ['3', 'id', '100']]);
    expect(reads.map((r) => r.query.include)).toEqual(['5', '230']);
    expect(requests).toHaveLength(5);
  });

  it('asks for nothing more than the scan when no customer changed', async () => {
    const { server, connector } = await shop(400);
    const { customers } = await drainCustomers(connector, new Date().toISOString());
    expect(customers).toEqual([]);
    expect(customerRequests(server).every((r) => r.query._fields !== undefined)).toBe(true);
  });

  it('lists every customer in full on a first sync (no cursor)', async () => {
    const { server, connector } = await shop(400); // 100 customers
    const { customers, totals } = await drainCustomers(connector, null);
    expect(customers).toHaveLength(100);
    expect(totals).toEqual([100]);
    expect(customerRequests(server).map((r) => r.query._fields)).toEqual([undefined]);
  });

  it('the test server answers _fields with only those fields, and include in the order asked', async () => {
    const { server } = await shop(400);
    const auth = `Basic ${Buffer.from(`${server.consumerKey}:${server.consumerSecret}`).toString('base64')}`;
    const get = async (query: string) => (await fetch(`${server.url}/wp-json/wc/v3/customers?${query}`, { headers: { Authorization: auth } })).json() as Promise<Record<string, unknown>[]>;
    const light = await get('per_page=2&orderby=id&_fields=id,date_modified_gmt');
    expect(light.map((row) => Object.keys(row).sort())).toEqual([['date_modified_gmt', 'id'], ['date_modified_gmt', 'id']]);
    const picked = await get('include=9,3&orderby=include');
    expect(picked.map((row) => row.id)).toEqual([9, 3]);
  });
});
