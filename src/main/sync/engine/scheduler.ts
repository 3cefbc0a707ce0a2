import type { Logger } from '../../core/dispatch';
import { nextRunAt, startTicking } from '../../core/interval';
import { pushOutbox } from '../outbox/push';
import { dueHeads } from '../outbox/queue';
import { startSync } from './run';
import { connectorForStore, readStore, type SyncDeps } from './runtime';

const TICK_MS = 30_000;

interface DueRow {
  id: number;
  interval: number;
  last_started_at: string | null;
}

/** Connected stores with an interval, and when each last started a run. */
function scheduledStores(deps: SyncDeps): DueRow[] {
  return deps.sqlite
    .prepare<[], DueRow>(
      `SELECT s.id, s.sync_interval_minutes AS interval,
         (SELECT max(started_at) FROM sync_runs r WHERE r.store_id = s.id) AS last_started_at
       FROM stores s
       WHERE s.platform IN ('shopify','woocommerce','vendure') AND s.shop_url IS NOT NULL AND s.disconnected_at IS NULL`,
    )
    .all();
}

/**
 * Every store's interval while the core is open: a sync when one is due, and
 * the outbox of stores not syncing pushed when it has something due (which is
 * also how changes made offline go out once the network is back).
 */
export function scheduleSyncs(deps: SyncDeps, options: { log: Logger; tickMs?: number; firstTickMs?: number }): { stop(): void } {
  let first = true;
  const tick = (): void => {
    const now = deps.now();
    for (const row of scheduledStores(deps)) {
      if (deps.runtime.active.has(row.id) || deps.runtime.closed) continue;
      try {
        const due = nextRunAt(row.interval, row.last_started_at, now);
        if (due !== null && Date.parse(due) <= now.getTime()) {
          startSync(deps, row.id, { trigger: first ? 'startup' : 'schedule' });
        } else if (dueHeads(deps.sqlite, row.id, now.toISOString()).length > 0) {
          void pushOutbox(deps, row.id, connectorForStore(deps, readStore(deps.sqlite, row.id)))
            .catch((error: unknown) => options.log(`outbox push for store ${row.id} failed`, error));
        }
      } catch (error) {
        options.log(`scheduled sync of store ${row.id} could not start`, error);
      }
    }
    first = false;
  };
  // A moment after opening, so the window's first queries come first.
  return startTicking(tick, options.firstTickMs ?? 1_000, options.tickMs ?? TICK_MS);
}
