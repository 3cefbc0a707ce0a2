import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/connection';

/**
 * Statements compiled once per connection: a sync applies tens of thousands of
 * records a second, and preparing a statement costs more than running it.
 */
const caches = new WeakMap<Sqlite, Map<string, Statement>>();

export function prepared(sqlite: Sqlite, sql: string): Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}

/** A synced row's id and the remote time it was last written from (null: a placeholder, or written here). */
export interface StoredRow {
  id: number;
  remoteUpdatedAt: string | null;
}

/** What happened to one record. */
export type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * The newer-than rule: a record is written only when its remote time is after
 * the stored one. Both are normalised ISO strings (validate.ts utcInstant), so
 * text order is time order.
 */
export function outcomeFor(stored: StoredRow | undefined, updatedAt: string): Outcome {
  if (!stored || stored.remoteUpdatedAt === null) return 'created';
  return updatedAt > stored.remoteUpdatedAt ? 'updated' : 'unchanged';
}

/** Remote tag lists as stored: strings only, each once, in the platform's order. */
export function tagsJson(tags: readonly unknown[]): string {
  if (tags.length === 0) return '[]';
  return JSON.stringify([...new Set(tags.filter((t): t is string => typeof t === 'string' && t !== ''))]);
}
