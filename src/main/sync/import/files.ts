import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';

/**
 * The stores an import writes to and the files already imported (migration
 * 0013's import_files): the same file, recognised by the sha-256 of its text,
 * is never applied twice.
 */
export interface ImportStore {
  id: number;
  currency: string;
  timezone: string;
}

export function contentHash(csv: string): string {
  return createHash('sha256').update(csv, 'utf8').digest('hex');
}

export function loadStore(sqlite: Sqlite, storeId: number): ImportStore {
  const store = sqlite.prepare<[number], ImportStore>('SELECT id, currency, timezone FROM stores WHERE id = ?').get(storeId);
  if (!store) throw new AppError('NOT_FOUND', `There is no store with id ${storeId}; choose another or import into a new CSV store.`);
  return store;
}

/**
 * The store that already holds this file: the chosen store, or (importing
 * without one) any store, so importing the same file again does not make a
 * second CSV store either.
 */
export function storeHoldingFile(sqlite: Sqlite, hash: string, storeId: number | undefined): number | null {
  const found = storeId === undefined
    ? sqlite.prepare<[string], number>('SELECT store_id FROM import_files WHERE content_hash = ? ORDER BY id LIMIT 1').pluck().get(hash)
    : sqlite.prepare<[number, string], number>('SELECT store_id FROM import_files WHERE store_id = ? AND content_hash = ?').pluck().get(storeId, hash);
  return found ?? null;
}

/** "orders_export_1.csv" → "orders_export_1"; no name → "CSV import 2026-03-31". */
export function storeNameFor(fileName: string | undefined, now: Date): string {
  const base = (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.(csv|txt)$/i, '').trim();
  return (base || `CSV import ${now.toISOString().slice(0, 10)}`).slice(0, 100);
}

export function createCsvStore(sqlite: Sqlite, name: string, currency: string, now: Date): number {
  const at = now.toISOString();
  const result = sqlite
    .prepare(`INSERT INTO stores (platform, name, currency, timezone, created_at, updated_at, sync_resources, sync_interval_minutes)
              VALUES ('csv', ?, ?, 'UTC', ?, ?, '[]', 0)`)
    .run(name, currency, at, at);
  return Number(result.lastInsertRowid);
}

export function recordImportedFile(
  sqlite: Sqlite,
  file: { storeId: number; format: string; fileName: string | null; hash: string; rows: number; staffId: number; at: Date },
): void {
  sqlite
    .prepare(`INSERT INTO import_files (store_id, format, file_name, content_hash, rows, staff_id, imported_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(file.storeId, file.format, file.fileName, file.hash, file.rows, file.staffId, file.at.toISOString());
}
