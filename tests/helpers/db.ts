import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openConnection, wrapConnection, type Connection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';

/**
 * The migrated empty schema, made once per test file and copied for each test:
 * running every migration costs tens of milliseconds, and property tests open
 * a database per case.
 */
let template: Buffer | null = null;

async function migratedTemplate(): Promise<Buffer> {
  if (!template) {
    const connection = openConnection(':memory:');
    await migrate(connection);
    template = connection.sqlite.serialize();
    connection.close();
  }
  return template;
}

/** A fresh, migrated database in memory (the same settings openConnection gives). */
export async function memoryDb(): Promise<Connection> {
  const sqlite = new BetterSqlite3(await migratedTemplate());
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return wrapConnection(sqlite, ':memory:');
}

/** A temporary directory removed by the returned cleanup. */
export function tempDir(prefix = 'backroom-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
