import type { Sqlite } from '../../../db/connection';
import { addDays, isValidIsoDate } from '../../../../shared/dates';
import { DAILY_SOURCES, type DailyKind, type DailySource } from './daily-sources';
import { statement } from './statements';

const BY_KIND = new Map<string, DailySource>(DAILY_SOURCES.map((source) => [source.kind, source]));

export function isDailyKind(kind: string): kind is DailyKind {
  return BY_KIND.has(kind);
}

/**
 * Recomputes one marked bucket: its rows are deleted and grouped again from the
 * raw rows of that store and day (or of one carrier and destination on that day),
 * an indexed read. A key that names no valid day (a row whose date was missing)
 * has nothing to recompute.
 */
export function recomputeBucket(sqlite: Sqlite, kind: DailyKind, key: string): void {
  const source = BY_KIND.get(kind)!;
  const params = bucketParams(source.key, key);
  if (params === null) return;
  const where = Object.keys(params).map((name) => `${name === 'store' ? 'store_id' : name} = @${name}`).join(' AND ');
  statement(sqlite, `DELETE FROM ${source.table} WHERE ${where}`).run(params);
  const insert = source.insert(source.bucket);
  statement(sqlite, insert).run(insert.includes('@next') ? { ...params, next: addDays(params['day'] as string, 1) } : params);
}

type BucketParams = Record<string, string | number>;

function bucketParams(shape: DailySource['key'], key: string): BucketParams | null {
  let params: BucketParams;
  if (shape === 'day') {
    params = { day: key };
  } else if (shape === 'store-day') {
    const bar = key.indexOf('|');
    if (bar < 0) return null;
    params = { store: Number(key.slice(0, bar)), day: key.slice(bar + 1) };
  } else {
    let parts: unknown;
    try {
      parts = JSON.parse(key);
    } catch {
      return null;
    }
    if (!Array.isArray(parts) || parts.length !== 5) return null;
    const [store, day, carrier, country, region] = parts as unknown[];
    if (typeof carrier !== 'string' || typeof country !== 'string' || typeof region !== 'string') return null;
    params = { store: Number(store), day: String(day), carrier, country, region };
  }
  const store = params['store'];
  if (store !== undefined && !Number.isSafeInteger(store)) return null;
  return isValidIsoDate(params['day'] as string) ? params : null;
}

/** Every daily rollup from scratch, one set-based INSERT … SELECT each. */
export function rebuildDaily(sqlite: Sqlite): void {
  for (const source of DAILY_SOURCES) {
    sqlite.exec(`DELETE FROM ${source.table}`);
    sqlite.exec(source.insert('1'));
  }
}

export const DAILY_TABLES: readonly string[] = DAILY_SOURCES.map((source) => source.table);
