import type { Sqlite } from '../../db/connection';
import { recomputeAllRfm } from '../../domain/customers/rfm';
import { readLoyaltySettings } from '../../domain/loyalty/settings';
import type { LoyaltySettings } from '../../../shared/contract';
import { checkpointAsBefore, checkpointLessOften } from './bulk-checkpoints';
import { forgetBulkIds } from './bulk-ids';
import { resetBulkSequences, settleBulkSequences } from './bulk-sequence';
import { catchUpRollups, isTriggerDdl, pauseRollupMarks } from './paused-marks';
import { prepared } from './statements';
import type { SyncResource } from '../model';

/**
 * Bulk mode for the first full sync of a resource into a store that has none
 * of it yet ("connect a shop with 100k orders"). Keeping every secondary index
 * up to date row by row is most of the cost of writing a page (each one a
 * B-tree insert at a random spot, then its dirty pages at COMMIT), and sorting
 * an index once at the end is several times cheaper. So the indexes the apply
 * never reads are dropped when the backfill starts and rebuilt, from their
 * exact DDL, when the listing ends. The indexes the apply does read (the
 * (store_id, external_id) keys, orders_customer for the order sequence and the
 * first-order bonus, the children's order_id indexes, the ledger's order and
 * customer indexes) stay, or the apply itself would scan.
 *
 * Crash safety: each dropped index is recorded in sync_deferred_indexes in the
 * same transaction as its DROP INDEX, and its row deleted in the same
 * transaction as its CREATE INDEX. Whatever rows remain after a crash name
 * exactly the indexes to rebuild, which openConnection does on the next open
 * (restoreDeferredIndexes), so the app never runs on without them.
 */
export const DEFERRED_DURING_BACKFILL: Record<SyncResource, readonly string[]> = {
  orders: [
    'orders_placed', 'orders_number', 'orders_placed_filters', 'orders_total', 'orders_number_natural', 'orders_facets',
    'order_lines_product', 'payments_processed', 'shipments_status', 'points_ledger_expiry',
    // The insights and logistics areas' (0019, 0020): lists and day buckets, never read by the apply.
    'refunds_refunded', 'shipments_rollup_day', 'shipments_rollup_delivered', 'shipments_shipped_sort',
    'shipments_last_event_sort', 'shipments_estimated_sort', 'shipments_tracking_number', 'shipments_open_queue',
    'shipments_disputed', 'orders_rollup_day', 'payments_rollup_day', 'payments_attention',
    // The community leaderboards' (issue 8): keyed by created_at, which a backfill gives every entry alike, so
    // its entries land all over it by customer.
    'points_ledger_credits_by_time',
  ],
  customers: [
    'customers_first_name', 'customers_last_name', 'customers_sort_name', 'customers_email_normalized',
    'customers_phone_digits',
  ],
  // The catalogue has no secondary index worth deferring.
  products: [],
};

/**
 * Two more, keyed by customer, so every page writes all over them (they were
 * most of a page's COMMIT): deferred only while nothing in the apply reads
 * them. orders_customer numbers each customer's orders as they come
 * (customer_order_seq: in bulk mode they are numbered from running counts
 * instead, bulk-sequence.ts) and finds a first order for the first-order bonus and the
 * spend a tier needs; points_ledger_customer sums the points a tier needs. So
 * with tiers or a first-order bonus in the program they stay, and a program
 * changed to have them mid-backfill rebuilds them at the next page
 * (keepIndexesTheProgramReads).
 */
export const CUSTOMER_KEYED = ['orders_customer', 'points_ledger_customer'] as const;

function programReadsCustomerIndexes(settings: LoyaltySettings): boolean {
  return settings.enabled && (settings.tiers.length > 0 || settings.bonusActions.firstOrder > 0);
}

const TABLE_OF: Record<SyncResource, string> = { orders: 'orders', customers: 'customers', products: 'products' };

/**
 * Rebuilding costs time in proportion to every row of the tables, the other
 * stores' included; it pays when the backfill brings at least about as many
 * rows as are already there. Below BULK_MIN_RECORDS the saving is too small to
 * be worth a schema change.
 */
export const BULK_MIN_RECORDS = 1000;
const EXISTING_ROWS_ALLOWANCE = 20_000;

const HAS_LEDGER = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_deferred_indexes'";

function hasDeferralTable(sqlite: Sqlite): boolean {
  return sqlite.prepare(HAS_LEDGER).get() !== undefined;
}

export interface BulkApplyOptions {
  now: Date;
  /** How many records the listing will bring, when the platform says (its total); unknown: null. */
  expectedRecords?: number | null;
}

/** True when this store has none of the resource and the backfill is worth rebuilding the indexes for. */
export function worthBulkApply(sqlite: Sqlite, storeId: number, resource: SyncResource,
  expectedRecords: number | null = null): boolean {
  if (DEFERRED_DURING_BACKFILL[resource].length === 0) return false;
  if (expectedRecords !== null && expectedRecords < BULK_MIN_RECORDS) return false;
  const table = TABLE_OF[resource];
  // (store_id, external_id) is unique: this is one index seek.
  if (sqlite.prepare(`SELECT 1 FROM ${table} WHERE store_id = ? LIMIT 1`).get(storeId) !== undefined) return false;
  // Rows of other stores (ids only grow, so the largest is a bound on the count, read in one seek).
  const existing = (sqlite.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;
  return existing <= Math.max(EXISTING_ROWS_ALLOWANCE, expectedRecords ?? 0);
}

/**
 * Starts bulk mode for a first full listing: drops the resource's deferrable
 * indexes, recording each, in one transaction. Answers whether bulk mode is on
 * (false when the store already has some of the resource: an incremental sync
 * never takes this path). Call finishBulkApply when the listing ends, however it ends.
 */
export function beginBulkApply(sqlite: Sqlite, storeId: number, resource: SyncResource,
  options: BulkApplyOptions): boolean {
  if (!hasDeferralTable(sqlite)) return false;
  if (!worthBulkApply(sqlite, storeId, resource, options.expectedRecords ?? null)) return false;
  const names = resource === 'orders' && !programReadsCustomerIndexes(readLoyaltySettings(sqlite))
    ? [...DEFERRED_DURING_BACKFILL.orders, ...CUSTOMER_KEYED] : DEFERRED_DURING_BACKFILL[resource];
  const deferredAt = options.now.toISOString();
  resetBulkSequences(sqlite, storeId);
  forgetBulkIds(sqlite, storeId);
  const began = sqlite.transaction(() => {
    const indexes = sqlite
      .prepare(`SELECT name, tbl_name AS tableName, sql FROM sqlite_master
        WHERE type = 'index' AND sql IS NOT NULL AND name IN (SELECT value FROM json_each(?)) ORDER BY name`)
      .all(JSON.stringify(names)) as { name: string; tableName: string; sql: string }[];
    const record = sqlite.prepare(`INSERT INTO sync_deferred_indexes (name, table_name, sql, store_id, resource, deferred_at)
      VALUES (?, ?, ?, ?, ?, ?)`);
    for (const index of indexes) {
      record.run(index.name, index.tableName, index.sql, storeId, resource, deferredAt);
      sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
    }
    if (indexes.length === 0) return false;
    // The rollups' change marks too (paused-marks.ts), recorded the same way.
    if (resource === 'orders') {
      pauseRollupMarks(sqlite, (trigger) => record.run(trigger.name, trigger.tableName, trigger.sql, storeId, resource,
        deferredAt));
    }
    return true;
  }).immediate();
  if (began) checkpointLessOften(sqlite);
  return began;
}

/**
 * Ends bulk mode: rebuilds every deferred index, then, after an orders
 * backfill, recomputes every customer's RFM figures and scores in one
 * set-based pass (when they had been computed before: the customers area
 * computes them on first use otherwise). Pages in bulk mode leave RFM alone
 * (inBulkApply): a backfill moves everyone's ranks, and refreshing hundreds of
 * customers a page cost most of a page's time. Returns the names rebuilt.
 */
export function finishBulkApply(sqlite: Sqlite, now: Date = new Date()): string[] {
  const ordersDeferred = sqlite.prepare(HAS_LEDGER).get() !== undefined &&
    sqlite.prepare("SELECT 1 FROM sync_deferred_indexes WHERE resource = 'orders' LIMIT 1").get() !== undefined;
  // Before the rebuild's transaction, so its commit checkpoints the backfill's WAL (bulk-checkpoints.ts).
  checkpointAsBefore(sqlite);
  const rebuilt = restoreDeferredIndexes(sqlite);
  if (ordersDeferred && sqlite.prepare('SELECT 1 FROM customer_rfm LIMIT 1').get() !== undefined) {
    recomputeAllRfm(sqlite, now);
  }
  return rebuilt;
}

/**
 * Called by each page in bulk mode with the program it earns under: when the
 * merchant gave the program tiers or a first-order bonus since the backfill
 * began, the customer-keyed indexes those read come back now, not at the end.
 */
export function keepIndexesTheProgramReads(sqlite: Sqlite, settings: LoyaltySettings): void {
  if (programReadsCustomerIndexes(settings)) restoreDeferredIndexes(sqlite, CUSTOMER_KEYED);
}

/** Whether orders are numbered from the backfill's running counts (orders_customer deferred: bulk-sequence.ts). */
export function sequenceDeferred(sqlite: Sqlite): boolean {
  return prepared(sqlite, "SELECT 1 FROM sync_deferred_indexes WHERE name = 'orders_customer'").get() !== undefined;
}

/** Whether a first backfill of this store's resource is under way (its indexes deferred). */
export function inBulkApply(sqlite: Sqlite, storeId: number, resource: SyncResource): boolean {
  // By name (the key): the table holds a few rows, but no statement of the apply scans.
  return prepared(sqlite, `SELECT 1 FROM sync_deferred_indexes
      WHERE name IN (SELECT value FROM json_each(?)) AND store_id = ? LIMIT 1`)
    .get(JSON.stringify(DEFERRED_DURING_BACKFILL[resource]), storeId) !== undefined;
}

/**
 * Rebuilds whatever indexes are recorded as deferred, each from its recorded
 * DDL, and clears the record, in one transaction: after a crash mid-backfill
 * (called on open) and at the end of every backfill. A no-op on a database
 * without the table (not migrated yet) or with nothing deferred.
 */
export function restoreDeferredIndexes(sqlite: Sqlite, only?: readonly string[]): string[] {
  if (!hasDeferralTable(sqlite)) return [];
  const deferred = (sqlite.prepare('SELECT name, sql, store_id AS storeId FROM sync_deferred_indexes ORDER BY name').all() as
    { name: string; sql: string; storeId: number | null }[]).filter((index) => only === undefined || only.includes(index.name));
  if (deferred.length === 0) return [];
  return sqlite.transaction(() => {
    // Orders written while orders_customer was away were numbered from running counts (bulk-sequence.ts):
    // checked, and renumbered where those could not tell, before the indexes come back, so the update
    // does not maintain them row by row.
    for (const index of deferred) {
      if (index.name === 'orders_customer' && index.storeId !== null) settleBulkSequences(sqlite, index.storeId);
      if (index.storeId !== null) forgetBulkIds(sqlite, index.storeId);
    }
    const exists = sqlite.prepare('SELECT 1 FROM sqlite_master WHERE name = ?');
    const forget = sqlite.prepare('DELETE FROM sync_deferred_indexes WHERE name = ?');
    for (const index of deferred) {
      if (exists.get(index.name) === undefined) sqlite.exec(index.sql);
      forget.run(index.name);
    }
    // The rollups' change marks were paused with the indexes: what they missed is rebuilt before they count again.
    if (deferred.some((object) => isTriggerDdl(object.sql))) catchUpRollups(sqlite);
    return deferred.filter((object) => !isTriggerDdl(object.sql)).map((index) => index.name);
  }).immediate();
}

/** The indexes currently deferred (for the sync page and the tests). */
export function deferredIndexes(sqlite: Sqlite): { name: string; storeId: number | null; resource: string | null }[] {
  if (!hasDeferralTable(sqlite)) return [];
  return (sqlite.prepare('SELECT name, sql, store_id AS storeId, resource FROM sync_deferred_indexes ORDER BY name').all() as
    { name: string; sql: string; storeId: number | null; resource: string | null }[])
    .filter((object) => !isTriggerDdl(object.sql)).map(({ name, storeId, resource }) => ({ name, storeId, resource }));
}
