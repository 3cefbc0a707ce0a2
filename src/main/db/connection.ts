import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { restoreDeferredIndexes } from '../sync/apply/deferred-indexes';

export type Sqlite = BetterSqlite3.Database;

export interface Connection {
  /** The raw handle: hot aggregate queries and bulk inserts use prepared statements. */
  sqlite: Sqlite;
  /** Typed query building for everything else. */
  db: Kysely<Database>;
  path: string;
  close(): void;
}

export interface OpenOptions {
  /**
   * Path to a better-sqlite3 native build. The Electron app passes an
   * Electron-ABI build here so Node's build in node_modules stays for tests.
   */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openSqlite(path: string, options: OpenOptions = {}): Sqlite {
  const sqlite = new BetterSqlite3(path, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  if (path !== ':memory:' && !options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // WAL + NORMAL is durable across application crashes, and much faster than FULL.
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

export function openConnection(path: string, options: OpenOptions = {}): Connection {
  const sqlite = openSqlite(path, options);
  // sync-apply: indexes a first backfill deferred and a crash left unrebuilt come back before anything reads.
  // Here, in the profile's own connection, not in openSqlite: a worker's second connection must not rebuild
  // them under a backfill still running.
  if (!options.readonly) {
    try {
      restoreDeferredIndexes(sqlite);
    } catch (error) {
      // Still recorded, so the next open or the next sync tries again; the profile opens meanwhile, only slower.
      console.error('[backroom] Rebuilding the indexes an interrupted sync deferred failed; will retry.', error);
    }
  }
  return wrapConnection(sqlite, path);
}

/** The Connection around an open handle (openConnection's, or a test's copy of a migrated template). */
export function wrapConnection(sqlite: Sqlite, path: string): Connection {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    db,
    path,
    close: () => {
      // Kysely's destroy closes the underlying handle too; close once.
      if (sqlite.open) sqlite.close();
    },
  };
}
