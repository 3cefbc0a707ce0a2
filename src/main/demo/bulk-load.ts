import type BetterSqlite3 from 'better-sqlite3';

/**
 * Connection settings for a bulk load, and how to put them back.
 *
 * - foreign_keys OFF: batched inserts may write a child before its parent's
 *   batch; checked afterwards instead (PRAGMA foreign_key_check: load.ts for
 *   small stores, the tests). It cannot change inside a transaction, so it is
 *   set before the load begins.
 * - ignore_check_constraints ON: the schema's CHECK (x IN (...)) lists cost about
 *   a microsecond per row, a fifth of an order's insert. Every value the generator
 *   writes comes from a closed list (see columns.ts); PRAGMA quick_check verifies
 *   CHECK constraints afterwards (load.ts for small stores, the tests).
 * - the page cache given (see LOAD_CACHE_MIB), temp_store MEMORY for the sorts
 *   behind CREATE INDEX.
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
    try {
      if (leftWal) sqlite.pragma('journal_mode = WAL');
    } catch {
      // Another connection opened meanwhile; openSqlite turns WAL back on at the next open.
    }
    sqlite.pragma(`synchronous = ${saved.synchronous}`);
    sqlite.pragma(`temp_store = ${saved.tempStore}`);
    sqlite.pragma(`cache_size = ${saved.cacheSize}`);
    sqlite.pragma(`ignore_check_constraints = ${saved.ignoreChecks}`);
    sqlite.pragma(`foreign_keys = ${saved.foreignKeys}`);
  };
}

/**
 * Indexes kept up row by row during the load: their keys grow with the load
 * order (times, parent ids) or gather at a few hot spots (a status, one of a few
 * hundred products), so each insert lands at the end of a run. The others
 * (customer ids, e-mails) land anywhere; sorting them once afterwards is
 * cheaper. Measured on the large store: this split saves about 4 s in 17.
 */
const MAINTAINED_DURING_LOAD = new Set([
  'orders_placed', 'orders_number', 'order_lines_order', 'order_lines_product', 'payments_order',
  'payments_processed', 'refunds_order', 'shipments_order', 'shipments_status', 'returns_order',
  'ticket_messages_ticket', 'points_ledger_order', 'tickets_status', 'feedback_created',
  // Led by the placing time, the order number, an expiry date (the ledger is posted in time
  // order), or a few channel and payment method pairs.
  'orders_placed_filters', 'orders_number_natural', 'points_ledger_expiry', 'orders_facets',
]);

/**
 * Drops the secondary indexes of `tables` that are cheaper to rebuild (never
 * the implicit ones behind PRIMARY KEY / UNIQUE, which have no SQL) and returns
 * their exact DDL from sqlite_master so they are rebuilt identically. Call
 * inside the load's transaction: a failed load then rolls the drop back too.
 */
export function dropSecondaryIndexes(sqlite: BetterSqlite3.Database, tables: readonly string[]): string[] {
  const rows = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(',')})
        ORDER BY name`,
    )
    .all(...tables) as { name: string; sql: string }[];
  const dropped = rows.filter((row) => !MAINTAINED_DURING_LOAD.has(row.name));
  for (const row of dropped) sqlite.exec(`DROP INDEX "${row.name.replace(/"/g, '""')}"`);
  return dropped.map((row) => row.sql);
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
