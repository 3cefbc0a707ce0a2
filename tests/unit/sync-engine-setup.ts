import type { Connection } from '../../src/main/db/connection';
import { installSync, type SyncDeps } from '../../src/main/sync/engine/runtime';
import { openVault } from '../../src/main/sync/secrets/vault';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import type { FakeConnector } from './sync-engine-fake';

export interface EngineHarness {
  connection: Connection;
  deps: SyncDeps;
  events: { event: string; payload: Record<string, unknown> }[];
  sleeps: number[];
  clock: { now: number };
  storeId: number;
  /** Waits for the store's run (and the outbox push after it) to end. */
  settle(): Promise<void>;
}

/** A migrated database with staff 1 and a connected WooCommerce store 1 served by `fake`; sleeps are recorded, not waited. */
export async function engineHarness(fake: FakeConnector, start = '2026-03-01T12:00:00.000Z'): Promise<EngineHarness> {
  const connection = await memoryDb();
  const at = '2026-01-01T00:00:00.000Z';
  connection.sqlite.prepare(`INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Olivia Owner', 'owner', ?)`).run(at);
  connection.sqlite
    .prepare(
      `INSERT INTO stores (id, platform, name, currency, timezone, created_at, updated_at, shop_url, connected_at, secret_store,
         sync_resources) VALUES (1, 'woocommerce', 'Test shop', 'USD', 'UTC', ?, ?, 'http://127.0.0.1:9', ?, 'file', '["orders"]')`,
    )
    .run(at, at, at);
  const clock = { now: Date.parse(start) };
  const events: EngineHarness['events'] = [];
  const sleeps: number[] = [];
  const vault = openVault(null, Buffer.alloc(32, 7), 'file');
  vault.put(1, { platform: 'woocommerce', consumerKey: 'ck_test', consumerSecret: 'cs_test' });
  const ctx = handlerContext(connection, () => new Date(clock.now), events as unknown[]);
  const deps = installSync(ctx, {
    vault,
    makeConnector: () => fake,
    timing: {
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        signal?.throwIfAborted();
      },
      random: () => 0.5,
      clock: () => clock.now,
    },
  });
  return {
    connection, deps, events, sleeps, clock, storeId: 1,
    settle: async () => {
      await deps.runtime.active.get(1)?.done;
      await deps.runtime.pushing.get(1);
    },
  };
}

export function storedOrders(connection: Connection): { external_id: string; total_minor: number }[] {
  return connection.sqlite
    .prepare<[], { external_id: string; total_minor: number }>('SELECT external_id, total_minor FROM orders ORDER BY external_id')
    .all();
}
