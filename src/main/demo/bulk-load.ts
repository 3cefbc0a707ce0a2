import type BetterSqlite3 from 'better-sqlite3';

/**
 * Connection settings for a bulk load, and how to put them back.
 *
 * - foreign_keys OFF: batched inserts may write a child before its parent's
 *   batch; checked afterwards instead (PRAGMA foreign_key_check, see index.ts).
 *   It cannot change inside a transaction, so it is set before the load begins.
 * - a large page cache so the whole load stays in memory until commit, and
 *   temp_store MEMORY for the sorts behind CREATE INDEX.
 * - synchronous OFF for the load only: the load is one transaction, and a crash
 *   mid-load leaves a half-made demo store either way (the CLI's --force remakes it).
 */
export function applyLoadPragmas(sqlite: BetterSqlite3.Database, cacheMiB: number): () => void {
  const saved = {
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }) as number,
    cacheSize: sqlite.pragma('cache_size', { simple: true }) as number,
    tempStore: sqlite.pragma('temp_store', { simple: true }) as number,
    synchronous: sqlite.pragma('synchronous', { simple: true }) as number,
  };
  sqlite.pragma('foreign_keys = OFF');
  if (process.env.JMODE) console.log(sqlite.pragma(`journal_mode = ${process.env.JMODE}`));
  sqlite.pragma(`cache_size = ${-cacheMiB * 1024}`);
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('synchronous = OFF');
  return () => {
    if (process.env.JMODE) console.log(sqlite.pragma(`journal_mode = WAL`));
    sqlite.pragma(`synchronous = ${saved.synchronous}`);
    sqlite.pragma(`temp_store = ${saved.tempStore}`);
    sqlite.pragma(`cache_size = ${saved.cacheSize}`);
    sqlite.pragma(`foreign_keys = ${saved.foreignKeys}`);
  };
}

/**
 * Drops the secondary indexes of `tables` (never the implicit ones behind
 * PRIMARY KEY / UNIQUE, which have no SQL) and returns their exact DDL from
 * sqlite_master so they can be rebuilt identically. Building an index once
 * over sorted data is cheaper than maintaining it row by row. Call inside the
 * load's transaction: a failed load then rolls the drop back too.
 */
export function dropSecondaryIndexes(sqlite: BetterSqlite3.Database, tables: readonly string[]): string[] {
  const rows = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(',')})
        ORDER BY name`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const row of rows) sqlite.exec(`DROP INDEX "${row.name.replace(/"/g, '""')}"`);
  return rows.map((row) => row.sql);
}

export function recreateIndexes(sqlite: BetterSqlite3.Database, ddl: readonly string[]): void {
  for (const statement of ddl) sqlite.exec(statement);
}

/** Rows of PRAGMA foreign_key_check: a child row whose parent does not exist. */
export function foreignKeyViolations(sqlite: BetterSqlite3.Database): unknown[] {
  return sqlite.pragma('foreign_key_check') as unknown[];
}
