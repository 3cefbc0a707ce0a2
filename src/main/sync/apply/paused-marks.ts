import type { Sqlite } from '../../db/connection';
import { rebuildRollups } from '../../domain/insights/rollups';

/**
 * The rollups' change marks (migration rollup_marks: triggers named
 * rollup_mark_* that write the day, slice and customer-month a row touches into
 * rollup_dirty) are paused for a first backfill of orders, like the indexes it
 * defers: every order, payment, refund and shipment of a backfill would mark,
 * and with most of the store marked the dashboards' next refresh recomputes
 * about everything anyway. So the triggers on the tables the apply writes are
 * dropped with the deferred indexes and recorded beside them in
 * sync_deferred_indexes (their exact DDL, read from sqlite_master: never a
 * second copy here), in the same transaction; restoreDeferredIndexes recreates
 * them from that record and then rebuilds the rollups from the raw tables in
 * its transaction, at the end of the backfill or, after a crash, when the
 * database is next opened. Writes by anything else to those tables meanwhile
 * (a local refund, a tracking update) are in the rebuild too; only a dashboard
 * read during the backfill can lag behind them.
 */
const TABLES_THE_APPLY_WRITES = ['orders', 'payments', 'refunds', 'shipments'];

const MARKS = `SELECT name, tbl_name AS tableName, sql FROM sqlite_master
  WHERE type = 'trigger' AND substr(name, 1, 12) = 'rollup_mark_' AND tbl_name IN (SELECT value FROM json_each(?))
  ORDER BY name`;

/** A record of sync_deferred_indexes that names a trigger rather than an index. */
export const isTriggerDdl = (sql: string): boolean => /^\s*CREATE\s+TRIGGER\b/i.test(sql);

/** Inside beginBulkApply's transaction: drops the marks, recording each with `record` first. */
export function pauseRollupMarks(sqlite: Sqlite,
  record: (object: { name: string; tableName: string; sql: string }) => void): number {
  const triggers = sqlite.prepare(MARKS).all(JSON.stringify(TABLES_THE_APPLY_WRITES)) as
    { name: string; tableName: string; sql: string }[];
  for (const trigger of triggers) {
    record(trigger);
    sqlite.exec(`DROP TRIGGER "${trigger.name.replace(/"/g, '""')}"`);
  }
  return triggers.length;
}

/**
 * The 'rebuild' mark (migration rollup_marks: the rollups were never built, or
 * a full rebuild is already asked for): the next refresh rebuilds everything
 * from the raw tables anyway, as it would have with the paused marks, so the
 * backfill does not do it twice (a first sync on a new profile, the common
 * case). A refresh during the backfill clears that mark, and then the rollups
 * are rebuilt here.
 */
const FULL_REBUILD_PENDING = "SELECT 1 FROM rollup_dirty WHERE kind = 'rebuild' LIMIT 1";

/** Inside restoreDeferredIndexes' transaction, once the marks are back: what they missed, rebuilt. */
export function catchUpRollups(sqlite: Sqlite): void {
  if (sqlite.prepare(FULL_REBUILD_PENDING).get() !== undefined) return;
  rebuildRollups(sqlite);
}
