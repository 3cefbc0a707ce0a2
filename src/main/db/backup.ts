import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Sqlite } from './connection';

/**
 * Copies a live database with SQLite's online backup API (never a file copy,
 * which can catch a WAL database half-written). Keeps the newest `keep` backups.
 */
export async function backupDatabase(
  sqlite: Sqlite,
  dbPath: string,
  label: string,
  keep = 10,
): Promise<string> {
  const dir = join(dirname(dbPath), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `${basename(dbPath, '.sqlite')}-${stamp}-${label}.sqlite`);
  await sqlite.backup(target);
  pruneBackups(dir, keep);
  return target;
}

function pruneBackups(dir: string, keep: number): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort();
  for (const old of files.slice(0, Math.max(0, files.length - keep))) {
    rmSync(join(dir, old), { force: true });
  }
}
