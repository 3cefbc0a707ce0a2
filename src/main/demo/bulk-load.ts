import type BetterSqlite3 from 'better-sqlite3';

/**
 * Connection settings for a bulk load, and how to put them back.
 *
 * - foreign_keys OFF: batched inserts may write a child before its parent's
 *   batch; checked afterwards instead (PRAGMA foreign_key_check, see index.ts).
 *   It cannot change inside a transaction, so it is set before the load begins.
 * - ignore_check_constraints ON: the schema's CHECK (x IN (...)) lists cost about
 *   a microsecond per row, a fifth of an order's insert. Every value the generator
 *   writes comes from a closed list (see columns.ts); PRAGMA quick_check verifies
 *   CHECK constraints afterwards (index.ts for small stores, the tests).
 * - a large page cache so the whole load stays in memory until commit, and
 *   temp_store MEMORY for the sorts behind CREATE INDEX.
 * - synchronous OFF for the load only: the load is one transaction, and a crash
 *   mid-load leaves a half-made demo store either way (the CLI's --force remakes it).
 * - a rollback journal instead of WAL for the load (see leaveWal).
 */
export function applyLoadPragmas(sqlite: BetterSqlite3.Database, cacheMiB: number): () => void {
  const saved = {
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }) as number,
    cacheSize: sqlite.pragma('cache_size', { simple: true }) as number,
    tempStore: sqlite.pragma('temp_store', { simple: true }) as number,
    synchronous: sqlite.pragma('synchronous', { simple: true }) as number,
    ignoreChecks: sqlite.pragma('ignore_check_constraints', { simple: true }) as number,
  };
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('ignore_check_constraints = ON');
  const leftWal = leaveWal(sqlite);
  sqlite.pragma(`cache_size = ${-cacheMiB * 1024}`);
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('synchronous = OFF');
  return () => {
    if (leftWal) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${saved.synchronous}`);
    sqlite.pragma(`temp_store = ${saved.tempStore}`);
    sqlite.pragma(`cache_size = ${saved.cacheSize}`);
    sqlite.pragma(`ignore_check_constraints = ${saved.ignoreChecks}`);
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

/**
 * What the load could have broken with its checks off: foreign keys
 * (foreign_key_check) and CHECK / NOT NULL constraints (quick_check). Empty when sound.
 */
export function constraintViolations(sqlite: BetterSqlite3.Database): string[] {
  const problems = (sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
    (v) => `${v.table} row ${v.rowid} has no ${v.parent}`,
  );
  for (const row of sqlite.pragma('quick_check') as { quick_check: string }[]) {
    if (row.quick_check !== 'ok') problems.push(row.quick_check);
  }
  return problems;
}

/**
 * In WAL mode every page of the load is written twice: to the WAL, then into the
 * database at checkpoint. With a rollback journal, pages new to the file are not
 * journaled at all, so a load into a fresh database writes each page once.
 * Leaving WAL needs the only connection; when another is open, the load simply
 * stays in WAL.
 */
function leaveWal(sqlite: BetterSqlite3.Database): boolean {
  if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return false;
  try {
    return sqlite.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch {
    return false;
  }
}
