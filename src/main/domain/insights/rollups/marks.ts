import type { Sqlite } from '../../../db/connection';

/**
 * A bulk load (the demo generator) writes millions of rows at once: it drops
 * the mark triggers, loads, restores them with their exact DDL and rebuilds
 * the rollups once, which costs less than a mark per row. Call both inside
 * the load's transaction so a failed load rolls the drop back too.
 */
export function dropRollupMarks(sqlite: Sqlite): string[] {
  const triggers = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'trigger' AND substr(name, 1, 12) = 'rollup_mark_' ORDER BY name`,
    )
    .all() as { name: string; sql: string }[];
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name.replace(/"/g, '""')}"`);
  return triggers.map((trigger) => trigger.sql);
}

export function restoreRollupMarks(sqlite: Sqlite, ddl: readonly string[]): void {
  for (const statement of ddl) sqlite.exec(statement);
}
