import type { Sqlite } from '../../db/connection';
import { prepared } from './statements';

/**
 * The catalogue's and the customers' ids as a first backfill of orders has
 * found them, kept for the whole backfill: each page's lines sell mostly the
 * same few hundred products to customers earlier pages met, and looking every
 * one of them up again each page was most of a page's prefetch (prefetch.ts).
 * Only ids the prefetch read are kept: rows that existed before the page
 * began, so no rollback of a later page can take one away; neither products
 * nor customers are ever deleted, and an external id never moves to another row.
 *
 * A merge can send a customer's orders to another one (customerIdForOrder
 * follows it), so the customers' ids are kept only while nobody was merged:
 * merges only ever add customer_merges rows, and when its largest id is not
 * the one the ids were read under, they are forgotten and read afresh.
 * Everything is forgotten when the backfill begins and ends (deferred-indexes.ts).
 */
export interface BulkIds {
  products: Map<string, number>;
  customers: Map<string, number>;
}

interface Kept extends BulkIds {
  /** customer_merges' largest id when the customers' ids were read. */
  merges: number;
}

const backfills = new WeakMap<Sqlite, Map<number, Kept>>();

const LAST_MERGE = 'SELECT coalesce(max(id), 0) AS id FROM customer_merges';

export function bulkIds(sqlite: Sqlite, storeId: number): BulkIds {
  let stores = backfills.get(sqlite);
  if (!stores) backfills.set(sqlite, (stores = new Map()));
  const merges = (prepared(sqlite, LAST_MERGE).get() as { id: number }).id;
  let kept = stores.get(storeId);
  if (!kept) stores.set(storeId, (kept = { products: new Map(), customers: new Map(), merges }));
  if (kept.merges !== merges) {
    kept.customers.clear();
    kept.merges = merges;
  }
  return kept;
}

export function forgetBulkIds(sqlite: Sqlite, storeId: number): void {
  backfills.get(sqlite)?.delete(storeId);
}
