import { enqueueOutbox } from '../../src/main/domain/outbox/enqueue';
import type { Connector } from '../../src/main/sync/connector';
import { createWooConnector } from '../../src/main/sync/connectors/woocommerce/index';
import { createRun } from '../../src/main/sync/engine/runLog';
import { connectorFor } from '../support/shopify-server/harness';
import { startShopifyServer } from '../support/shopify-server';
import { startWooServer } from '../support/woo-server/index';
import { insertOrder } from '../helpers/fixtures';
import { FakeConnector } from './sync-engine-fake';
import { engineHarness, type EngineHarness } from './sync-engine-setup';

/**
 * The outbox pushing to the local Shopify and WooCommerce servers through the
 * real connectors: store 1 of the engine harness, switched to the platform,
 * with local products and orders carrying the servers' ids.
 */
export type ShopifyTestServer = Awaited<ReturnType<typeof startShopifyServer>>;
export type WooTestServer = Awaited<ReturnType<typeof startWooServer>>;

export interface PushHarness<S> { h: EngineHarness; server: S; connector: Connector; runId: number; close(): Promise<void> }

async function withConnector<S extends { close(): Promise<void> }>(server: S, platform: string, connector: Connector): Promise<PushHarness<S>> {
  const h = await engineHarness(new FakeConnector());
  h.connection.sqlite.prepare('UPDATE stores SET platform = ? WHERE id = 1').run(platform);
  h.deps.runtime.makeConnector = () => connector; // "send again" pushes through it too
  const runId = createRun(h.connection.sqlite, 1, 'manual', ['orders'], new Date(h.clock.now).toISOString()).id;
  return { h, server, connector, runId, close: async () => { h.connection.close(); await server.close(); } };
}

export async function shopifyHarness(): Promise<PushHarness<ShopifyTestServer>> {
  const server = await startShopifyServer({ orders: 3, costBudget: { maximum: 1_000_000, restorePerSecond: 1_000_000 } });
  return withConnector(server, 'shopify', connectorFor(server));
}

export async function wooHarness(): Promise<PushHarness<WooTestServer>> {
  const server = await startWooServer({ orders: 30, seed: 3 });
  const connector = createWooConnector({ shopUrl: server.url, timezone: 'America/New_York', currency: 'USD' },
    { platform: 'woocommerce', consumerKey: server.consumerKey, consumerSecret: server.consumerSecret });
  return withConnector(server, 'woocommerce', connector);
}

export function localProduct(h: EngineHarness, id: number, externalId: string): void {
  const at = '2026-01-01T00:00:00.000Z';
  h.connection.sqlite
    .prepare(`INSERT INTO products (id, store_id, external_id, title, price_minor, currency, created_at, updated_at)
      VALUES (?, 1, ?, ?, 1000, 'USD', ?, ?)`)
    .run(id, externalId, `Product ${id}`, at, at);
}

export function localOrder(h: EngineHarness, id: number, externalId: string): void {
  insertOrder(h.connection.sqlite, { id, customerId: null, seq: null, placedAt: '2026-01-02T00:00:00.000Z', totalMinor: 1000 });
  h.connection.sqlite.prepare('UPDATE orders SET external_id = ? WHERE id = ?').run(externalId, id);
}

let key = 0;
/** Queues a message now (the harness clock), as the area making the change would. */
export function queue(h: EngineHarness, operation: string, targetType: string, targetId: number, payload: Record<string, unknown>): void {
  enqueueOutbox(h.connection.sqlite, {
    storeId: 1, idempotencyKey: `test-${++key}`, operation, targetType, targetId, payload,
  }, new Date(h.clock.now));
}

export interface OutboxState { id: number; status: string; lastError: string | null; raceSeenAt: string | null; attempts: number }

export const outboxRows = (h: EngineHarness): OutboxState[] => h.connection.sqlite
  .prepare<[], OutboxState>('SELECT id, status, last_error AS lastError, race_seen_at AS raceSeenAt, attempts FROM outbox ORDER BY id')
  .all();
