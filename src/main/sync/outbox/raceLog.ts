import type { Sqlite } from '../../db/connection';
import type { RaceReport } from '../connectors/race';
import { logRun } from '../engine/runLog';

/**
 * A race in the run log, so the merchant reads it where they read what a sync
 * did: under the run whose push met it, or (a push started by "send again" or
 * the scheduler, outside a run) under the store's latest run. A store never
 * synced has no log yet; its outbox row still carries the sentence.
 */
export function logRace(
  sqlite: Sqlite,
  entry: { storeId: number; runId: number | undefined; at: string; outboxId: number; operation: string; race: RaceReport },
): void {
  const runId = entry.runId ?? sqlite
    .prepare<[number], { id: number | null }>('SELECT max(id) AS id FROM sync_runs WHERE store_id = ?')
    .get(entry.storeId)?.id ?? null;
  if (runId === null) return;
  logRun(sqlite, runId, entry.at, 'warning', null, entry.race.message, {
    outboxId: entry.outboxId, operation: entry.operation, kept: entry.race.kept, remoteUpdatedAt: entry.race.remoteUpdatedAt,
  });
}
