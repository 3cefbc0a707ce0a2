import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/main/sync/connector';
import { createVendureConnector } from '../../src/main/sync/connectors/vendure';
import { afterFor, PAGE_SIZE, SCAN_SIZE } from '../../src/main/sync/connectors/vendure/pages';
import { fakeVendure, recorded, signal } from './vendure-fake';

type Raw = Record<string, any>;
const settings = { shopUrl: 'http://127.0.0.1:3000/', timezone: 'UTC', currency: 'USD' };
const credentials = { platform: 'vendure' as const, apiKey: 'lookup:secret' };
const orders = recorded<Raw>('orders').items;

/** `count` placed orders, ids 1..count, each a copy of a recorded one with its own id and times. */
function shopOrders(count: number): Raw[] {
  return Array.from({ length: count }, (_, index) => {
    const order = structuredClone(orders[index % orders.length]!);
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString();
    // Every part last changed with the order itself, so the order's time is its change time.
    for (const part of [...order.payments, ...order.payments.flatMap((p: Raw) => p.refunds), ...order.fulfillments]) part.updatedAt = at;
    return { ...order, id: String(index + 1), code: `CODE${index + 1}`, updatedAt: at };
  });
}

function listing(all: Raw[]) {
  return (variables: Record<string, unknown>) => {
    const options = variables.options as { skip: number; take: number; filter?: { id?: { in: string[] } } };
    const wanted = options.filter?.id?.in;
    const set = wanted ? all.filter((o) => wanted.includes(o.id)) : all;
    return { list: { totalItems: set.length, items: set.slice(options.skip, options.skip + options.take) } };
  };
}

describe('Vendure paging: skip/take by id, totals from totalItems', () => {
  it('a first sync lists every placed order 100 a page, sorted by id, carts and per-seller orders filtered out', async () => {
    const all = shopOrders(230);
    const { fetch, calls } = fakeVendure({ BackroomOrders: listing(all) });
    const connector = createVendureConnector(settings, credentials, fetch);
    const first = await connector.fetchPage({ resource: 'orders', since: null, pageToken: null, signal: signal() });
    expect(calls[0]!.variables.options).toEqual({ skip: 0, take: PAGE_SIZE, sort: { id: 'ASC' }, filter: { active: { eq: false }, type: { notEq: 'Seller' } } });
    expect([first.records.length, first.total, first.nextPageToken]).toEqual([100, 230, '100|']);
    const second = await connector.fetchPage({ resource: 'orders', since: null, pageToken: first.nextPageToken, signal: signal() });
    const third = await connector.fetchPage({ resource: 'orders', since: null, pageToken: second.nextPageToken, signal: signal() });
    expect([second.nextPageToken, third.records.length, third.nextPageToken]).toEqual(['200|', 30, null]);
    const ids = [first, second, third].flatMap((page) => page.records.map((r) => r.record.externalId));
    expect(new Set(ids).size).toBe(230);
  });

  it('a cart that slips through the filter is skipped, and a malformed order is quarantined with its reason', async () => {
    const all = shopOrders(3);
    all[0]!.state = 'ArrangingPayment';
    all[1]!.currencyCode = 'dollars';
    const { fetch } = fakeVendure({ BackroomOrders: listing(all) });
    const page = await createVendureConnector(settings, credentials, fetch).fetchPage({ resource: 'orders', since: null, pageToken: null, signal: signal() });
    expect(page.records.map((r) => r.record.externalId)).toEqual(['3']);
    expect(page.malformed).toEqual([{ resource: 'orders', externalId: '2', reason: 'The order\'s currencyCode is not a currency code: "dollars".', raw: all[1] }]);
  });

  it('an incremental sync scans light rows and fetches in full only what changed after the cursor, parts included', async () => {
    const all = shopOrders(300);
    const since = all[279]!.updatedAt as string;
    // Order 5 was shipped after the cursor: only its fulfilment's updatedAt moved, as on the real server.
    all[4]!.fulfillments = [{ id: '900', createdAt: since, updatedAt: '2026-02-01T00:00:00.000Z', state: 'Shipped', method: 'DHL', trackingCode: 'T1' }];
    const { fetch, calls } = fakeVendure({ BackroomOrderChanges: listing(all), BackroomOrders: listing(all) });
    const connector = createVendureConnector(settings, credentials, fetch);
    const first = await connector.fetchPage({ resource: 'orders', since, pageToken: null, signal: signal() });
    expect(calls[0]!.variables.options).toMatchObject({ skip: 0, take: SCAN_SIZE, sort: { id: 'ASC' } });
    expect(first.records.map((r) => r.record.externalId)).toEqual(['5']);
    expect(calls[1]!.variables.options).toMatchObject({ filter: { id: { in: ['5'] } } });
    expect(first.total).toBeNull();
    expect(first.nextPageToken).toBe(`${SCAN_SIZE}|${afterFor(since)}`);
    const second = await connector.fetchPage({ resource: 'orders', since, pageToken: first.nextPageToken, signal: signal() });
    // The record at exactly `since` is kept (the filter steps back 1 ms); later ones too.
    expect(second.records.map((r) => r.record.externalId)).toEqual(Array.from({ length: 21 }, (_, i) => String(280 + i)));
    expect(second.nextPageToken).toBeNull();
  });

  it('a scan page with no change fetches nothing more', async () => {
    const all = shopOrders(10);
    const { fetch, calls } = fakeVendure({ BackroomOrderChanges: listing(all), BackroomOrders: listing(all) });
    const page = await createVendureConnector(settings, credentials, fetch)
      .fetchPage({ resource: 'orders', since: '2027-01-01T00:00:00.000Z', pageToken: null, signal: signal() });
    expect([page.records, page.nextPageToken, calls.map((c) => c.operation)]).toEqual([[], null, ['BackroomOrderChanges']]);
  });

  it('products and customers take the same options without the order filters', async () => {
    const products = recorded<Raw>('products').items;
    const { fetch, calls } = fakeVendure({ BackroomProducts: listing(products) });
    const page = await createVendureConnector(settings, credentials, fetch).fetchPage({ resource: 'products', since: null, pageToken: null, signal: signal() });
    expect(calls[0]!.variables.options).toEqual({ skip: 0, take: PAGE_SIZE, sort: { id: 'ASC' } });
    expect(page.records).toHaveLength(products.length);
  });

  it('a page token this connector did not make is refused, not guessed at', async () => {
    const { fetch } = fakeVendure({});
    const error = await createVendureConnector(settings, credentials, fetch)
      .fetchPage({ resource: 'orders', since: null, pageToken: 'page-two', signal: signal() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).retryable).toBe(false);
  });

  it('afterFor steps back one millisecond, as Vendure\'s `after` is a strict >', () => {
    expect(afterFor('2026-03-01T10:00:00.000Z')).toBe('2026-03-01T09:59:59.999Z');
    expect(afterFor(null)).toBeNull();
    expect(() => afterFor('yesterday')).toThrow(ConnectorError);
  });
});
