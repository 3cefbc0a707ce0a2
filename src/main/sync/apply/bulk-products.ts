import type { Sqlite } from '../../db/connection';

/**
 * The catalogue's ids as a first backfill of orders has found them, kept for
 * the whole backfill: each page's lines sell mostly the same few hundred
 * products, and looking every one of them up again each page was most of a
 * page's prefetch (prefetch.ts). Only ids the prefetch read are kept: rows that
 * existed before the page began, so no rollback of a later page can take one
 * away, and products are never deleted (a merge, which would move an id, is a
 * customers' matter: customers are looked up every page). Forgotten when the
 * backfill begins and ends (deferred-indexes.ts).
 */
const backfills = new WeakMap<Sqlite, Map<number, Map<string, number>>>();

export function bulkProductIds(sqlite: Sqlite, storeId: number): Map<string, number> {
  let stores = backfills.get(sqlite);
  if (!stores) backfills.set(sqlite, (stores = new Map()));
  let products = stores.get(storeId);
  if (!products) stores.set(storeId, (products = new Map()));
  return products;
}

export function forgetBulkProductIds(sqlite: Sqlite, storeId: number): void {
  backfills.get(sqlite)?.delete(storeId);
}
