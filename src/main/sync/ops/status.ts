import { CONNECTABLE_PLATFORMS, type ResourceStatus, type SyncResourceName, type SyncStoreStatus } from '../../../shared/contract/sync';
import { nextRunAt } from '../../core/interval';
import { lastFinishedRun } from '../engine/runLog';
import type { SyncDeps } from '../engine/runtime';
import { listStores } from './stores';

const isConnectablePlatform = (platform: string): boolean => (CONNECTABLE_PLATFORMS as readonly string[]).includes(platform);

const LOCAL_TABLES: Record<SyncResourceName, string> = { products: 'products', customers: 'customers', orders: 'orders' };

interface StateRow {
  resource: SyncResourceName; cursor_updated_at: string | null; cursor_external_id: string | null;
  last_started_at: string | null; last_succeeded_at: string | null; last_error: string | null; remote_total: number | null;
}

function resourceStatuses(deps: SyncDeps, storeId: number, resources: SyncResourceName[]): ResourceStatus[] {
  const states = new Map(
    deps.sqlite
      .prepare<[number], StateRow>(
        `SELECT resource, cursor_updated_at, cursor_external_id, last_started_at, last_succeeded_at, last_error, remote_total
         FROM sync_state WHERE store_id = ?`,
      )
      .all(storeId)
      .map((row) => [row.resource, row]),
  );
  return resources.map((resource) => {
    const state = states.get(resource);
    const localCount = deps.sqlite
      .prepare<[number], { n: number }>(`SELECT count(*) AS n FROM ${LOCAL_TABLES[resource]} WHERE store_id = ?`)
      .get(storeId)!.n;
    return {
      resource,
      cursor: state?.cursor_updated_at
        ? { updatedAt: state.cursor_updated_at, externalId: state.cursor_external_id ?? '' } : null,
      lastStartedAt: state?.last_started_at ?? null,
      lastSucceededAt: state?.last_succeeded_at ?? null,
      lastError: state?.last_error ?? null,
      remoteTotal: state?.remote_total ?? null,
      localCount,
    };
  });
}

/** Where each marketplace store stands: its runs, cursors, budget, outbox. */
export function syncStatus(deps: SyncDeps, storeId?: number): SyncStoreStatus[] {
  const now = deps.now();
  return listStores(deps, storeId)
    .filter((store) => store.shopUrl !== null && isConnectablePlatform(store.platform))
    .map((store) => {
      const active = deps.runtime.active.get(store.id);
      const lastRun = lastFinishedRun(deps.sqlite, store.id);
      const lastStarted = active?.summary.startedAt ?? lastRun?.startedAt ?? null;
      const outbox = deps.sqlite
        .prepare<[number], { pending: number; failed: number }>(
          `SELECT coalesce(sum(status IN ('pending','sending')), 0) AS pending, coalesce(sum(status = 'failed'), 0) AS failed
           FROM outbox WHERE store_id = ?`,
        )
        .get(store.id)!;
      return {
        store,
        online: deps.runtime.online.get(store.id) ?? null,
        running: active ? { ...active.summary, counts: { ...active.summary.counts } } : null,
        lastRun,
        nextRunAt: store.connectedAt ? nextRunAt(store.intervalMinutes, lastStarted, now) : null,
        resources: resourceStatuses(deps, store.id, store.resources),
        budget: deps.runtime.budgets.get(store.id) ?? null,
        outbox,
      };
    });
}
