import type { Sqlite } from '../../db/connection';
import type { SyncCounts, SyncLogEntry, SyncRunSummary } from '../../../shared/contract';
import type { SyncResource } from '../model';

/** sync_runs and sync_log: what each run did, skipped and why, in words the merchant can read. */
export function createRun(
  sqlite: Sqlite,
  storeId: number,
  trigger: SyncRunSummary['trigger'],
  resources: readonly SyncResource[],
  at: string,
): SyncRunSummary {
  const result = sqlite
    .prepare(`INSERT INTO sync_runs (store_id, trigger, status, resources, started_at) VALUES (?, ?, 'running', ?, ?)`)
    .run(storeId, trigger, JSON.stringify(resources), at);
  return {
    id: Number(result.lastInsertRowid), storeId, trigger, status: 'running', startedAt: at, finishedAt: null,
    counts: emptyCounts(), error: null,
  };
}

export const emptyCounts = (): SyncCounts => ({ fetched: 0, created: 0, updated: 0, unchanged: 0, quarantined: 0 });

export function addCounts(into: SyncCounts, add: Partial<SyncCounts>): void {
  into.fetched += add.fetched ?? 0;
  into.created += add.created ?? 0;
  into.updated += add.updated ?? 0;
  into.unchanged += add.unchanged ?? 0;
  into.quarantined += add.quarantined ?? 0;
}

/** Saved with each page's transaction, so the run's counts never disagree with what was written. */
export function saveRunCounts(sqlite: Sqlite, runId: number, counts: SyncCounts): void {
  sqlite
    .prepare('UPDATE sync_runs SET fetched = ?, created = ?, updated = ?, unchanged = ?, quarantined = ? WHERE id = ?')
    .run(counts.fetched, counts.created, counts.updated, counts.unchanged, counts.quarantined, runId);
}

export function finishRun(sqlite: Sqlite, run: SyncRunSummary): void {
  sqlite
    .prepare('UPDATE sync_runs SET status = ?, error = ?, finished_at = ? WHERE id = ?')
    .run(run.status, run.error, run.finishedAt, run.id);
  saveRunCounts(sqlite, run.id, run.counts);
}

/** Runs a crash left 'running' are closed as failed when the core opens again. */
export function closeAbandonedRuns(sqlite: Sqlite, at: string): void {
  sqlite
    .prepare(`UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running'`)
    .run(at, 'Backroom stopped during this sync; the next sync resumes where it left off.');
}

export function logRun(
  sqlite: Sqlite,
  runId: number,
  at: string,
  level: SyncLogEntry['level'],
  resource: SyncResource | null,
  message: string,
  detail: Record<string, unknown> = {},
): void {
  sqlite
    .prepare('INSERT INTO sync_log (run_id, at, level, resource, message, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .run(runId, at, level, resource, message, JSON.stringify(detail));
}

interface RunRow {
  id: number; store_id: number; trigger: SyncRunSummary['trigger']; status: SyncRunSummary['status'];
  fetched: number; created: number; updated: number; unchanged: number; quarantined: number;
  error: string | null; started_at: string; finished_at: string | null;
}

export function runFromRow(row: RunRow): SyncRunSummary {
  return {
    id: row.id, storeId: row.store_id, trigger: row.trigger, status: row.status, startedAt: row.started_at,
    finishedAt: row.finished_at, error: row.error,
    counts: { fetched: row.fetched, created: row.created, updated: row.updated, unchanged: row.unchanged, quarantined: row.quarantined },
  };
}

export function lastFinishedRun(sqlite: Sqlite, storeId: number): SyncRunSummary | null {
  const row = sqlite
    .prepare<[number], RunRow>(`SELECT * FROM sync_runs WHERE store_id = ? AND status <> 'running' ORDER BY id DESC LIMIT 1`)
    .get(storeId);
  return row ? runFromRow(row) : null;
}

export function readLog(
  sqlite: Sqlite,
  filter: { runId?: number; storeId?: number; limit: number },
): SyncLogEntry[] {
  const where: string[] = [];
  const params: (number | string)[] = [];
  if (filter.runId !== undefined) {
    where.push('l.run_id = ?');
    params.push(filter.runId);
  }
  if (filter.storeId !== undefined) {
    where.push('r.store_id = ?');
    params.push(filter.storeId);
  }
  const rows = sqlite
    .prepare<(number | string)[], { id: number; run_id: number; at: string; level: SyncLogEntry['level']; resource: string | null; message: string; detail: string }>(
      `SELECT l.* FROM sync_log l JOIN sync_runs r ON r.id = l.run_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.id DESC LIMIT ?`,
    )
    .all(...params, filter.limit);
  return rows.map((row) => ({
    id: row.id, runId: row.run_id, at: row.at, level: row.level,
    resource: row.resource as SyncLogEntry['resource'], message: row.message,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));
}
