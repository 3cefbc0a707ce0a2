import { dirname } from 'node:path';
import type { Sqlite } from '../../db/connection';
import type { HandlerContext } from '../../core/handler';
import { CONNECTABLE_PLATFORMS, type SyncRunSummary } from '../../../shared/contract/sync';
import { AppError } from '../../../shared/errors';
import type { Connector, Credentials, RateSignal } from '../connector';
import type { SyncResource } from '../model';
import { openProfileVault } from '../secrets/key';
import type { SecretVault } from '../secrets/vault';
import { connectorFor } from './connectors';
import { closeAbandonedRuns } from './runLog';
import { DEFAULT_TIMING, type EngineTiming } from './timing';

export interface StoreSettings {
  id: number;
  name: string;
  platform: string;
  shopUrl: string;
  timezone: string;
  currency: string;
  resources: SyncResource[];
  intervalMinutes: number;
  disconnectedAt: string | null;
}

export interface ActiveRun {
  summary: SyncRunSummary;
  controller: AbortController;
  done: Promise<void>;
}

/** What one open core keeps about sync between operations: runs under way, who is online, the vault. */
export interface SyncRuntime {
  vault: SecretVault;
  timing: EngineTiming;
  makeConnector(store: StoreSettings, credentials: Credentials): Connector;
  active: Map<number, ActiveRun>;
  online: Map<number, boolean>;
  budgets: Map<number, NonNullable<RateSignal['budget']>>;
  pushing: Map<number, Promise<void>>;
  closed: boolean;
}

export interface SyncDeps {
  sqlite: Sqlite;
  now(): Date;
  emit: HandlerContext['emit'];
  runtime: SyncRuntime;
}

export interface SyncRuntimeOptions {
  vault?: SecretVault;
  /** The vault key unsealed by the shell (hex); absent: a key file in the profile folder. */
  vaultKey?: string;
  timing?: Partial<EngineTiming>;
  makeConnector?: SyncRuntime['makeConnector'];
}

const runtimes = new WeakMap<Sqlite, SyncDeps>();

/** Sets up sync for a core (openCore; tests pass a fake connector and quick timing). */
export function installSync(ctx: Pick<HandlerContext, 'sqlite' | 'now' | 'emit' | 'dbPath'>, options: SyncRuntimeOptions = {}): SyncDeps {
  const dataDir = ctx.dbPath === ':memory:' || ctx.dbPath === '' ? null : dirname(ctx.dbPath);
  const deps: SyncDeps = {
    sqlite: ctx.sqlite,
    now: () => ctx.now(),
    emit: (event, payload) => ctx.emit(event, payload),
    runtime: {
      vault: options.vault ?? openProfileVault(dataDir, options.vaultKey),
      timing: { ...DEFAULT_TIMING, ...options.timing },
      makeConnector: options.makeConnector ?? ((store, credentials) => connectorFor(store, credentials)),
      active: new Map(),
      online: new Map(),
      budgets: new Map(),
      pushing: new Map(),
      closed: false,
    },
  };
  runtimes.set(ctx.sqlite, deps);
  closeAbandonedRuns(ctx.sqlite, ctx.now().toISOString());
  return deps;
}

export function syncDepsFor(ctx: HandlerContext): SyncDeps {
  return runtimes.get(ctx.sqlite) ?? installSync(ctx);
}

/** Cancels every run and push and waits for them (core close). */
export async function stopSync(deps: SyncDeps): Promise<void> {
  deps.runtime.closed = true;
  const waiting = [...deps.runtime.active.values()].map((run) => {
    run.controller.abort(new Error('Backroom is closing.'));
    return run.done;
  });
  await Promise.allSettled([...waiting, ...deps.runtime.pushing.values()]);
}

interface StoreRow {
  id: number; name: string; platform: string; shop_url: string | null; timezone: string; currency: string;
  sync_resources: string; sync_interval_minutes: number; disconnected_at: string | null;
}

export function readStore(sqlite: Sqlite, storeId: number): StoreSettings {
  const row = sqlite
    .prepare<[number], StoreRow>(
      `SELECT id, name, platform, shop_url, timezone, currency, sync_resources, sync_interval_minutes, disconnected_at
       FROM stores WHERE id = ?`,
    )
    .get(storeId);
  if (!row) throw new AppError('NOT_FOUND', 'That store does not exist.');
  return {
    id: row.id, name: row.name, platform: row.platform, shopUrl: row.shop_url ?? '', timezone: row.timezone,
    currency: row.currency, resources: JSON.parse(row.sync_resources) as SyncResource[],
    intervalMinutes: row.sync_interval_minutes, disconnectedAt: row.disconnected_at,
  };
}

/** The store's connector, for a store that is connected and has its credentials. */
export function connectorForStore(deps: SyncDeps, store: StoreSettings): Connector {
  if (!store.shopUrl || !(CONNECTABLE_PLATFORMS as readonly string[]).includes(store.platform)) {
    throw new AppError('VALIDATION', `“${store.name}” is not connected to a marketplace, so there is nothing to sync.`);
  }
  if (store.disconnectedAt) {
    throw new AppError('CONFLICT', `“${store.name}” was disconnected; connect it again to sync.`);
  }
  return deps.runtime.makeConnector(store, deps.runtime.vault.get(store.id));
}
