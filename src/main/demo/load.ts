import type BetterSqlite3 from 'better-sqlite3';
import { constraintViolations, dropSecondaryIndexes, recreateIndexes } from './bulk-load';
import { buildCatalogue, type Catalogue } from './catalogue';
import { createInserters, DEMO_TABLES, type DemoTableName, type StoreSettings } from './context';
import { readIdBases } from './ids';
import { LoyaltyLedger } from './loyalty';
import { planStore, type StorePlan } from './plan';
import { ensureStaff } from './staff';
import { finishServiceDesk } from './finish-service';
import { launchDemoCampaign } from './campaign'; // campaigns (issue 8)
import { DAY, isoAt, monthsBefore } from './time';
import { dropRollupMarks, rebuildRollups, restoreRollupMarks } from '../domain/insights/rollups'; // rollups (issue 7)

export const DEMO_SIZES = { small: 2_000, medium: 100_000, large: 1_000_000 } as const;
export type DemoSizeName = keyof typeof DEMO_SIZES;
export type DemoSize = DemoSizeName | { orders: number };

export const DEMO_STORE_NAME = 'Maple & Moss (demo)';
export const DEMO_HISTORY_MONTHS = 18;
export const DEFAULT_DEMO_SEED = 1;

export interface DemoStoreOptions {
  size: DemoSize;
  /** Same seed and same `now` give the same database content. */
  seed?: number;
  /** The end of the store's history; defaults to the current time. */
  now?: Date;
  /** Called as orders are written (about every 1%), synchronously, from inside the load. */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoStoreSummary {
  storeId: number;
  seed: number;
  /** Rows this call inserted, per table. */
  counts: Record<DemoTableName | 'stores' | 'staff', number>;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  now: string;
  elapsedMs: number;
}

/** The load toggles pragmas that cannot change inside a transaction, and owns its own. */
export function assertNoTransaction(sqlite: { inTransaction: boolean }): void {
  if (sqlite.inTransaction) throw new Error('A demo store is generated in its own transaction; commit the open one first.');
}

export function ordersForSize(size: DemoSize): number {
  const orders = typeof size === 'string' ? DEMO_SIZES[size] : size.orders;
  if (!Number.isSafeInteger(orders) || orders < 1) {
    throw new Error(`A demo store needs a whole number of orders of at least 1, not ${String(orders)}.`);
  }
  return orders;
}

/** Up to this many orders the load checks the constraints it skipped before committing (cheap there). */
const VERIFY_CONSTRAINTS_UP_TO = 20_000;

/**
 * One demo store being loaded: everything decided before the orders are
 * written (store row, staff, plan, catalogue) and what remains after (ledger,
 * indexes, checks). Runs inside the caller's transaction.
 */
export class StoreLoad {
  readonly orderCount: number;
  readonly seed: number;
  readonly store: StoreSettings;
  readonly plan: StorePlan;
  readonly catalogue: Catalogue;
  /** Posts the points ledger, chunk after chunk in order (balances depend on every earlier order). */
  readonly ledger: LoyaltyLedger;
  private readonly rebuild: string[];
  /** The rollup mark triggers, dropped for the load: one rebuild at the end costs less than a mark per row. */
  private readonly rollupMarks: string[];
  private readonly staffAdded: number;
  private readonly counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTableName, number>;
  ordersDone = 0;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly options: DemoStoreOptions,
  ) {
    this.orderCount = ordersForSize(options.size);
    this.seed = options.seed ?? DEFAULT_DEMO_SEED;
    const nowMs = Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000;
    const startMs = monthsBefore(nowMs, DEMO_HISTORY_MONTHS);
    this.rebuild = dropSecondaryIndexes(sqlite, DEMO_TABLES);
    this.rollupMarks = dropRollupMarks(sqlite);
    const staffBefore = sqlite.prepare('SELECT count(*) FROM staff').pluck().get() as number;
    const agentIds = ensureStaff(sqlite, startMs - 400 * DAY);
    this.staffAdded = (sqlite.prepare('SELECT count(*) FROM staff').pluck().get() as number) - staffBefore;
    const storeId = Number(
      sqlite
        .prepare(`INSERT INTO stores (platform, name, domain, currency, timezone, created_at, updated_at)
                  VALUES ('demo', ?, 'mapleandmoss.example', 'USD', 'America/Toronto', ?, ?)`)
        .run(DEMO_STORE_NAME, isoAt(startMs - 400 * DAY), isoAt(nowMs)).lastInsertRowid,
    );
    const maxId = (table: string) => sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number;
    this.store = {
      seed: this.seed, storeId, currency: 'USD', startMs, nowMs, agentIds, bases: readIdBases(sqlite),
      productBase: maxId('products'),
      productCount: this.orderCount <= 5_000 ? 160 : this.orderCount <= 200_000 ? 400 : 600,
    };
    this.plan = planStore(this.seed, this.orderCount, startMs, nowMs, maxId('customers'));
    this.catalogue = buildCatalogue(this.store);
    const { products, points_ledger } = createInserters(sqlite, ['products', 'points_ledger'], storeId, 'USD');
    for (const row of this.catalogue.rows) products.add(...row);
    products.flush();
    this.counts.products = products.count;
    this.ledger = new LoyaltyLedger(points_ledger, this.plan, this.store.bases, maxId('points_ledger'));
  }

  addCounts(counts: Partial<Record<DemoTableName, number>>): void {
    for (const [name, count] of Object.entries(counts)) this.counts[name as DemoTableName] += count;
  }

  reportProgress(orders: number): void {
    this.ordersDone += orders;
    this.options.onProgress?.(this.ordersDone, this.orderCount);
  }

  /** The summary, but for the elapsed time: the caller adds it once committed. */
  finish(): Omit<DemoStoreSummary, 'elapsedMs'> {
    this.ledger.flush();
    recreateIndexes(this.sqlite, this.rebuild);
    finishServiceDesk(this.sqlite, { storeId: this.store.storeId, nowMs: this.store.nowMs });
    restoreRollupMarks(this.sqlite, this.rollupMarks);
    // so a fresh demo store's dashboards open on up-to-date rollups, not on a million marks
    rebuildRollups(this.sqlite, new Date(this.store.nowMs));
    const campaignPostings = launchDemoCampaign(this.sqlite, { seed: this.seed, nowMs: this.store.nowMs, storeId: this.store.storeId }); // issue 8
    if (this.orderCount <= VERIFY_CONSTRAINTS_UP_TO) {
      const problems = constraintViolations(this.sqlite);
      if (problems.length > 0) {
        throw new Error(`The demo store broke ${problems.length} constraints, e.g. ${problems.slice(0, 3).join('; ')}`);
      }
    }
    const { plan, store } = this;
    return {
      storeId: store.storeId,
      seed: this.seed,
      counts: { stores: 1, staff: this.staffAdded, ...this.counts, points_ledger: this.ledger.count + campaignPostings },
      firstOrderAt: isoAt(plan.times[0] as number),
      lastOrderAt: isoAt(plan.times[plan.orderCount - 1] as number),
      now: isoAt(store.nowMs),
    };
  }
}
