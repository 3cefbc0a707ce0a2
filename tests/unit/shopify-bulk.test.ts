import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteOrder } from '../../src/main/sync/model';
import { parseOrdersJsonl } from '../../src/main/sync/connectors/shopify/bulk';
import { connectorFor, drain, ROOMY_BUDGET, type ShopifyServer } from '../support/shopify-server/harness';
import { startShopifyServer } from '../support/shopify-server';

let server: ShopifyServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

describe('Shopify connector: bulk export for the first full sync', () => {
  it('rebuilds orders from JSONL lines joined by __parentId, sorted by updatedAt then id', () => {
    const rows = parseOrdersJsonl([
      '{"id":"gid://shopify/Order/2","updatedAt":"2026-01-02T00:00:00Z"}',
      '{"id":"gid://shopify/LineItem/21","quantity":1,"__parentId":"gid://shopify/Order/2"}',
      '{"id":"gid://shopify/Order/10","updatedAt":"2026-01-01T00:00:00Z"}',
      '{"id":"gid://shopify/Order/9","updatedAt":"2026-01-01T00:00:00Z"}',
      '{"id":"gid://shopify/LineItem/22","quantity":2,"__parentId":"gid://shopify/Order/2"}',
      '',
    ].join('\n'));
    expect(rows.map((r) => r.id)).toEqual(['gid://shopify/Order/9', 'gid://shopify/Order/10', 'gid://shopify/Order/2']);
    expect(rows[2]!.node.lineItems!.edges!.map((e) => e.node.id)).toEqual(['gid://shopify/LineItem/21', 'gid://shopify/LineItem/22']);
    expect(rows[0]!.node.lineItems!.edges).toEqual([]);
  });

  it('exports a shop above the threshold with one bulk operation and pages the file', async () => {
    server = await startShopifyServer({ orders: 600, costBudget: ROOMY_BUDGET, seed: 3 });
    const { records, malformed, pages } = await drain(connectorFor(server, { bulkThreshold: 500, bulkPollMs: 5 }), 'orders');
    expect(malformed).toEqual([]);
    expect(pages.map((p) => p.records.length)).toEqual([250, 250, 100]);
    expect(pages[0]!.total).toBe(600);
    const fields = server.state.calls.map((c) => c.field);
    expect(fields).toContain('bulkOperationRunQuery');
    expect(fields.filter((f) => f === 'currentBulkOperation').length).toBeGreaterThanOrEqual(2);
    expect(fields).not.toContain('orders'); // no paged listing
    expect(new Set(records.map((r) => r.record.externalId))).toEqual(new Set(server.state.data.orders.map((o) => o.id)));
    const lineCount = records.reduce((s, r) => s + (r.record as RemoteOrder).lines.length, 0);
    expect(lineCount).toBe(server.state.data.orders.reduce((s, o) => s + (o.lineItems as unknown[]).length, 0));
    const times = records.map((r) => r.record.updatedAt);
    expect([...times].sort()).toEqual(times);
  });

  it('lets a fresh connector continue from a bulk page token, and pages normally below the threshold', async () => {
    server = await startShopifyServer({ orders: 300, costBudget: ROOMY_BUDGET });
    const signal = new AbortController().signal;
    const first = await connectorFor(server, { bulkThreshold: 100, bulkPollMs: 5 }).fetchPage({ resource: 'orders', since: null, pageToken: null, signal });
    expect(first.nextPageToken).toMatch(/^bulk:250:/);
    const rest = await connectorFor(server).fetchPage({ resource: 'orders', since: null, pageToken: first.nextPageToken, signal });
    expect(rest.records).toHaveLength(50);
    expect(rest.nextPageToken).toBeNull();
    const small = await connectorFor(server, { bulkThreshold: 1000 }).fetchPage({ resource: 'orders', since: null, pageToken: null, signal });
    expect(small.records).toHaveLength(8);
    expect(server.state.calls.filter((c) => c.field === 'bulkOperationRunQuery')).toHaveLength(1);
  });

  it('lists from the start when a resumed bulk token points at an expired file', async () => {
    server = await startShopifyServer({ orders: 30, costBudget: ROOMY_BUDGET });
    const signal = new AbortController().signal;
    const page = await connectorFor(server).fetchPage({ resource: 'orders', since: null, pageToken: `bulk:250:${server.url}/bulk/gone.jsonl`, signal });
    expect(page.records).toHaveLength(8);
    expect(page.total).toBe(30);
    expect(page.nextPageToken).toMatch(/^c:30:/);
  });
});
