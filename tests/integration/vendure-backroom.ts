import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import type { Connection } from '../../src/main/db/connection';
import { createVendureConnector } from '../../src/main/sync/connectors/vendure/index';
import { connectorFor } from '../../src/main/sync/engine/connectors';
import { installSync, type SyncDeps } from '../../src/main/sync/engine/runtime';
import type { EngineTiming } from '../../src/main/sync/engine/timing';
import { openVault } from '../../src/main/sync/secrets/vault';
import type { Result } from '../../src/shared/errors';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import type { VendurePeer } from './vendure/harness';

/**
 * A Backroom profile connected to the Vendure peer through the core's own operations
 * (stores.connect, sync.run, sync.status): a migrated database, staff member 1, a file vault.
 * `fetchImpl` lets a test cut the line under the connector (a lost answer, a server killed mid-push).
 */
export interface Backroom {
  connection: Connection;
  deps: SyncDeps;
  storeId: number;
  call<T = unknown>(name: string, input: unknown): Promise<T>;
  /** sync.run, then waits for the run and the outbox push after it; returns the run's row. */
  sync(): Promise<RunRow>;
  count(sql: string, ...params: unknown[]): number;
  close(): void;
}

export interface RunRow { id: number; status: string; error: string | null; fetched: number; created: number; updated: number; unchanged: number }

export interface BackroomOptions {
  fetchImpl?: typeof fetch;
  timing?: Partial<EngineTiming>;
  /** How Backroom signs in: the seed's API key, or the administrator's login. */
  auth: 'apiKey' | 'login';
}

export function credentialsFor(peer: VendurePeer, auth: 'apiKey' | 'login'): Record<string, string> {
  return auth === 'apiKey'
    ? { platform: 'vendure', apiKey: peer.apiKey ?? '' }
    : { platform: 'vendure', username: peer.superadmin.username, password: peer.superadmin.password };
}

export async function connectBackroom(peer: VendurePeer, options: BackroomOptions): Promise<Backroom> {
  const connection = await memoryDb();
  const { sqlite } = connection;
  sqlite.prepare(`INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Olivia Owner', 'owner', ?)`).run(new Date().toISOString());
  const ctx = handlerContext(connection, () => new Date());
  const fetchImpl = options.fetchImpl ?? fetch;
  const deps = installSync(ctx, {
    vault: openVault(null, Buffer.alloc(32, 9), 'file'),
    // The engine's own choice for every platform, with the test's fetch for Vendure.
    makeConnector: (store, credentials) => credentials.platform === 'vendure'
      ? createVendureConnector({ shopUrl: store.shopUrl, timezone: store.timezone, currency: store.currency }, credentials, fetchImpl)
      : connectorFor(store, credentials),
    timing: options.timing,
  });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = (await dispatch(handlers, ctx, name, input, () => undefined)) as Result<T>;
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
  const { activeChannel } = await peer.admin<{ activeChannel: { defaultCurrencyCode: string } }>('{ activeChannel { defaultCurrencyCode } }');
  const store = await call<{ id: number }>('stores.connect', {
    staffId: 1, name: 'Vendure peer', shopUrl: peer.url, credentials: credentialsFor(peer, options.auth),
    resources: ['products', 'customers', 'orders'], timezone: 'Europe/London', currency: activeChannel.defaultCurrencyCode, intervalMinutes: 0,
  });
  const backroom: Backroom = {
    connection, deps, storeId: store.id, call,
    async sync() {
      const started = await call<{ id: number }>('sync.run', { storeId: store.id });
      await deps.runtime.active.get(store.id)?.done;
      await deps.runtime.pushing.get(store.id);
      return sqlite.prepare<[number], RunRow>('SELECT id, status, error, fetched, created, updated, unchanged FROM sync_runs WHERE id = ?').get(started.id)!;
    },
    count: (sql, ...params) => (sqlite.prepare(sql).get(...params) as { n: number }).n,
    close: () => connection.close(),
  };
  return backroom;
}
