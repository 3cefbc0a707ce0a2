import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConnection, type Connection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';

/** A fresh, migrated database in memory. */
export async function memoryDb(): Promise<Connection> {
  const connection = openConnection(':memory:');
  await migrate(connection);
  return connection;
}

/** A temporary directory removed by the returned cleanup. */
export function tempDir(prefix = 'backroom-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
