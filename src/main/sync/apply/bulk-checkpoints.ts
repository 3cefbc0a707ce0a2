import type { Sqlite } from '../../db/connection';

/**
 * WAL checkpoints during a first backfill. By default SQLite copies the WAL
 * back into the database at the first commit after it passes 1,000 pages
 * (about every seventh page of orders), syncing both files each time and
 * copying again the pages every commit rewrites (each table's and index's last
 * leaf, their parents). A backfill checkpoints at most every BULK_WAL_PAGES
 * instead (64 MB of WAL: bounded, so a shop of a million orders does not grow
 * a WAL of gigabytes), and the connection's own setting comes back when the
 * backfill ends, before its last transaction, whose commit then checkpoints
 * what is left (finishBulkApply times it with the backfill). The setting
 * belongs to the connection: a crash forgets it with the connection.
 */
const BULK_WAL_PAGES = 16_384;
const usual = new WeakMap<Sqlite, number>();

export function checkpointLessOften(sqlite: Sqlite): void {
  if (usual.has(sqlite)) return;
  const current = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  // 0 or less: the connection checkpoints on its own terms; already as rare: leave it.
  if (current <= 0 || current >= BULK_WAL_PAGES) return;
  usual.set(sqlite, current);
  sqlite.pragma(`wal_autocheckpoint = ${BULK_WAL_PAGES}`);
}

export function checkpointAsBefore(sqlite: Sqlite): void {
  const current = usual.get(sqlite);
  if (current === undefined) return;
  usual.delete(sqlite);
  sqlite.pragma(`wal_autocheckpoint = ${current}`);
}
