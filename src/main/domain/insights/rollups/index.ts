import type { Sqlite } from '../../../db/connection';
import { recomputeCustomers, rebuildCustomers } from './customers';
import { isDailyKind, rebuildDaily, recomputeBucket } from './daily';
import { ROLLUP_TABLES } from './tables';

export { dropRollupMarks, restoreRollupMarks } from './marks';
export { ROLLUP_TABLES } from './tables';
export { histogramPercentile } from './percentiles';

/**
 * Daily rollups kept up to date (issue 7). Triggers (migration rollup_marks)
 * mark the buckets a write touched in rollup_dirty; every dashboard calls
 * refreshRollups first, which recomputes only those buckets from the raw
 * tables, so a view reads a few thousand rollup rows instead of millions of
 * orders, and no write path has to know the rollups exist.
 */

/** A 'rebuild' mark (written by the migration for data that predates the marks) asks for everything. */
const REBUILD_KIND = 'rebuild';

/** Recomputes what rollup_dirty marks, in one transaction; a read and nothing more when nothing is marked. */
export function refreshRollups(sqlite: Sqlite, now: Date = new Date()): { marks: number; ms: number } {
  const started = performance.now();
  if (sqlite.prepare('SELECT 1 FROM rollup_dirty LIMIT 1').get() === undefined) {
    return { marks: 0, ms: performance.now() - started };
  }
  // IMMEDIATE: the write lock is taken before the marks are read, so a sync worker on another
  // connection cannot add a mark between the read and the DELETE (it waits, then marks again).
  const marks = sqlite.transaction(() => {
    const rows = sqlite.prepare('SELECT kind, key FROM rollup_dirty').all() as { kind: string; key: string }[];
    if (rows.some((row) => row.kind === REBUILD_KIND) || cheaperToRebuild(sqlite, rows.length)) {
      rebuildEverything(sqlite, now);
      return rows.length;
    }
    const customers: string[] = [];
    for (const { kind, key } of rows) {
      if (kind === 'customer') customers.push(key);
      else if (isDailyKind(kind)) recomputeBucket(sqlite, kind, key);
    }
    recomputeCustomers(sqlite, customers);
    sqlite.prepare('DELETE FROM rollup_dirty').run();
    writeState(sqlite, now, false);
    return rows.length;
  }).immediate();
  return { marks, ms: performance.now() - started };
}

/**
 * After a bulk write (a first sync, an import) the marks can cover most of the
 * store: a mark costs about twice what a full rebuild spends per order (measured
 * on the demo stores: ~27 µs a mark against ~15 µs an order), so past half as
 * many marks as orders the rebuild is the faster way to the same tables.
 */
const MARKS_ALWAYS_REFRESHED = 10_000;

function cheaperToRebuild(sqlite: Sqlite, marks: number): boolean {
  if (marks <= MARKS_ALWAYS_REFRESHED) return false;
  const orders = sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  return marks > orders / 2;
}

/** Everything from the raw tables (set-based), in one transaction; clears every mark. */
export function rebuildRollups(sqlite: Sqlite, now: Date = new Date()): void {
  sqlite.transaction(() => rebuildEverything(sqlite, now)).immediate();
}

/** When the rollups were last brought up to date (null: never). */
export function rollupsRefreshedAt(sqlite: Sqlite): string | null {
  const row = sqlite.prepare('SELECT refreshed_at FROM rollup_state WHERE id = 1').get() as
    | { refreshed_at: string | null }
    | undefined;
  return row?.refreshed_at ?? null;
}

function rebuildEverything(sqlite: Sqlite, now: Date): void {
  // Other areas index the rollup tables for their reads: sorting each index once after the
  // rebuild costs far less than a random insert per row into it (a million histogram rows).
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
               AND tbl_name IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ROLLUP_TABLES)) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  rebuildDaily(sqlite);
  rebuildCustomers(sqlite);
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.prepare('DELETE FROM rollup_dirty').run();
  writeState(sqlite, now, true);
}

function writeState(sqlite: Sqlite, now: Date, fullRebuild: boolean): void {
  const at = now.toISOString();
  sqlite
    .prepare(
      `INSERT INTO rollup_state (id, refreshed_at, full_rebuild_at) VALUES (1, @at, @rebuilt)
       ON CONFLICT (id) DO UPDATE SET refreshed_at = @at, full_rebuild_at = coalesce(@rebuilt, full_rebuild_at)`,
    )
    .run({ at, rebuilt: fullRebuild ? at : null });
}
