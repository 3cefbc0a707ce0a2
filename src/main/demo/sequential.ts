import type BetterSqlite3 from 'better-sqlite3';
import { applyLoadPragmas } from './bulk-load';
import { writeChunk } from './chunk';
import { createInserters, ORDER_TABLES } from './context';
import { StoreLoad, assertNoTransaction, ordersForSize, type DemoStoreOptions, type DemoStoreSummary } from './load';

/** Orders written between two loyalty postings; bounds the memory of the facts kept in between. */
const CHUNK_ORDERS = 50_000;

/**
 * Page cache for the load. Small on purpose: with a cache holding the whole
 * load, the commit writes gigabytes of dirty pages at once and took longer than
 * letting SQLite spill pages to the file as it goes (measured: 6 s vs 0.5 s at
 * the commit of the large store, for no slower inserts).
 */
export const LOAD_CACHE_MIB = 128;

/**
 * Creates one demo store ("Maple & Moss") with 18 months of history ending at
 * `now`, in one transaction, in this thread. The database must already be
 * migrated. generateDemoStoreInParallel makes the same store faster on
 * several cores.
 */
export function generateDemoStore(sqlite: BetterSqlite3.Database, options: DemoStoreOptions): DemoStoreSummary {
  const started = performance.now();
  const orderCount = ordersForSize(options.size);
  assertNoTransaction(sqlite);
  const restorePragmas = applyLoadPragmas(sqlite, LOAD_CACHE_MIB);
  let summary: Omit<DemoStoreSummary, 'elapsedMs'>;
  try {
    summary = sqlite.transaction(() => {
      const load = new StoreLoad(sqlite, options);
      const tables = createInserters(sqlite, ORDER_TABLES, load.store.storeId, load.store.currency);
      const every = Math.max(1_000, Math.floor(orderCount / 100));
      for (let lo = 0; lo < orderCount; lo += CHUNK_ORDERS) {
        const hi = Math.min(orderCount, lo + CHUNK_ORDERS);
        let reported = 0;
        const result = writeChunk(load.store, load.plan, load.catalogue, tables, lo, hi, (done) => {
          load.reportProgress(done - reported);
          reported = done;
        }, every);
        load.ledger.postChunk(result.facts);
        load.addCounts(result.counts);
        if (hi - lo > reported) load.reportProgress(hi - lo - reported);
      }
      return load.finish();
    })();
  } finally {
    restorePragmas();
  }
  // Elapsed time includes the commit.
  return { ...summary, elapsedMs: Math.round(performance.now() - started) };
}
