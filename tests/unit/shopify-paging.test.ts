import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteOrder } from '../../src/main/sync/model';
import { connectorFor, drain, minorOf, ROOMY_BUDGET, type ShopifyServer } from '../support/shopify-server/harness';
import { startShopifyServer } from '../support/shopify-server';
import type { ShopRecord } from '../support/shopify-server/shop';

let server: ShopifyServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

const orderIds = (records: { record: { externalId: string } }[]): string[] => records.map((r) => r.record.externalId);
const total = (order: ShopRecord): number => minorOf((order.totalPriceSet as { shopMoney: { amount: string } }).shopMoney.amount);

describe('Shopify connector: paging orders', () => {
  it('reads 1,200 orders page by page, each once, with the shop totals', async () => {
    server = await startShopifyServer({ orders: 1200, costBudget: ROOMY_BUDGET, seed: 7 });
    const { records, malformed, pages } = await drain(connectorFor(server), 'orders');
    expect(malformed).toEqual([]);
    expect(pages.every((p) => p.total === 1200)).toBe(true); // every page carries the count, for the ETA
    expect(pages.length).toBe(150); // 8 orders a page
    const ids = orderIds(records);
    expect(new Set(ids).size).toBe(1200);
    expect(new Set(ids)).toEqual(new Set(server.state.data.orders.map((o) => o.id)));
    const sum = records.reduce((s, r) => s + (r.record as RemoteOrder).totalMinor, 0);
    expect(sum).toBe(server.state.data.orders.reduce((s, o) => s + total(o), 0));
    const lines = records.reduce((s, r) => s + (r.record as RemoteOrder).lines.length, 0);
    expect(lines).toBe(server.state.data.orders.reduce((s, o) => s + (o.lineItems as unknown[]).length, 0));
    // Sorted by UPDATED_AT, so the engine's cursor only ever moves forward.
    const times = records.map((r) => r.record.updatedAt);
    expect([...times].sort()).toEqual(times);
  });

  it("filters with updated_at:>= from the engine's since and counts only those", async () => {
    server = await startShopifyServer({ orders: 300, costBudget: ROOMY_BUDGET });
    const sorted = [...server.state.data.orders].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    const since = sorted[200]!.updatedAt;
    const expected = sorted.filter((o) => o.updatedAt >= since).map((o) => o.id);
    const { records, pages } = await drain(connectorFor(server), 'orders', since);
    expect(new Set(orderIds(records))).toEqual(new Set(expected));
    expect(pages[0]!.total).toBe(expected.length);
    const placed = server.state.addOrder(new Date('2026-06-01T12:00:00Z'));
    const again = await drain(connectorFor(server), 'orders', '2026-06-01T00:00:00Z');
    expect(orderIds(again.records)).toEqual([placed.id]);
    expect((again.records[0]!.record as RemoteOrder).placedAt).toBe('2026-06-01T12:00:00.000Z');
    const call = server.state.calls.find((c) => c.field === 'orders')!;
    expect(call.args).toMatchObject({ query: `updated_at:>='${new Date(since).toISOString()}'`, sortKey: 'UPDATED_AT' });
  });

  it('neither repeats nor drops orders sharing one updatedAt across a page boundary', async () => {
    server = await startShopifyServer({ orders: 40, costBudget: ROOMY_BUDGET });
    const sorted = [...server.state.data.orders].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    // Orders 5..16 share one timestamp: it straddles the 8-order page boundary.
    const tie = sorted[5]!.updatedAt;
    for (const order of sorted.slice(5, 17)) order.updatedAt = tie;
    const { records, pages } = await drain(connectorFor(server), 'orders');
    expect(pages.length).toBe(5);
    expect(orderIds(records).sort()).toEqual(server.state.data.orders.map((o) => o.id).sort());
    expect(records.filter((r) => r.record.updatedAt === new Date(tie).toISOString())).toHaveLength(12);
  });

  it('lists an order again when it changes while the listing is being paged, losing none', async () => {
    server = await startShopifyServer({ orders: 40, costBudget: ROOMY_BUDGET });
    const editedAt = Date.parse('2026-02-01T00:00:00Z');
    let changed: ShopRecord | null = null;
    const { records } = await drain(connectorFor(server), 'orders', null, (page, index) => {
      if (index !== 0 || !server) return;
      // An order already read on page 1 is edited in the admin before page 2 is asked for.
      changed = server.state.data.orders.find((o) => o.id === page.records[0]!.record.externalId)!;
      changed.note = 'edited mid-sync';
      server.state.touch(changed, new Date(editedAt));
    });
    const ids = orderIds(records);
    expect(new Set(ids)).toEqual(new Set(server.state.data.orders.map((o) => o.id)));
    expect(ids.length).toBe(41); // read twice: first as it was, then as it is now
    const last = records[records.length - 1]!.record;
    expect(last.externalId).toBe(changed!.id);
    expect(last.updatedAt).toBe(new Date(editedAt).toISOString());
  });
});
