import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/main/sync/connector';
import { createWooConnector } from '../../src/main/sync/connectors/woocommerce/index';
import { applyRecords, type ApplyCounts } from '../../src/main/sync/apply/index';
import type { SyncResource } from '../../src/main/sync/model';
import { memoryDb } from '../helpers/db';
import { insertStore } from '../helpers/fixtures';
import { startWooServer } from '../support/woo-server/index';

type Server = Awaited<ReturnType<typeof startWooServer>>;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Every page of every resource applied as the engine would, summed. */
async function pull(connector: Connector, sqlite: Parameters<typeof applyRecords>[0], since: string | null): Promise<ApplyCounts> {
  const sum: ApplyCounts = { created: 0, updated: 0, unchanged: 0, quarantined: 0 };
  for (const resource of connector.resources as SyncResource[]) {
    let pageToken: string | null = null;
    do {
      const page = await connector.fetchPage({ resource, since, pageToken, signal: new AbortController().signal });
      const counts = applyRecords(sqlite, 1, page.records, page.malformed, { runId: null, now: new Date() });
      for (const key of Object.keys(sum) as (keyof ApplyCounts)[]) sum[key] += counts[key];
      pageToken = page.nextPageToken;
    } while (pageToken !== null);
  }
  return sum;
}

describe('WooCommerce connector into the local database', () => {
  it('a whole shop applies without quarantine, a second pull changes nothing, an edit updates one order', async () => {
    const server = await startWooServer({ orders: 250, seed: 21 });
    servers.push(server);
    const { sqlite, close } = await memoryDb();
    try {
      insertStore(sqlite, 1);
      const connector = createWooConnector({ shopUrl: server.url, timezone: 'America/New_York', currency: 'USD' },
        { platform: 'woocommerce', consumerKey: server.consumerKey, consumerSecret: server.consumerSecret });
      const everything = server.state.products.size + server.state.customers.size + server.state.orders.size;
      const first = await pull(connector, sqlite, null);
      const quarantined = sqlite.prepare('SELECT reason FROM sync_quarantine').all();
      expect(quarantined).toEqual([]);
      expect(first.created + first.updated + first.unchanged).toBe(everything);
      expect(sqlite.prepare('SELECT COUNT(*) AS n FROM orders WHERE store_id = 1').get()).toEqual({ n: 250 });
      expect((await pull(connector, sqlite, null))).toMatchObject({ created: 0, updated: 0, quarantined: 0 });

      const before = Date.now() - 1000;
      const order = [...server.state.orders.values()].find((entry) => entry.status === 'processing')!;
      server.state.modifyOrder(order.id, (target) => {
        target.fee_lines = [{ id: 77, name: 'Gift wrap', total: '3.00', total_tax: '0.00' }, { id: 78, name: 'Loyalty discount', total: '-1.00', total_tax: '0.00' }];
        target.total = (Number(target.total) + 2).toFixed(2);
      });
      const changed = await pull(connector, sqlite, new Date(before).toISOString());
      expect(changed).toMatchObject({ created: 0, updated: 1, quarantined: 0 });
      const stored = sqlite.prepare('SELECT total_minor AS total FROM orders WHERE store_id = 1 AND external_id = ?').get(String(order.id));
      expect(stored).toEqual({ total: Math.round(Number(order.total) * 100) });
    } finally {
      close();
    }
  });
});
