import type BetterSqlite3 from 'better-sqlite3';
import { applyLoadPragmas, constraintViolations, dropSecondaryIndexes, recreateIndexes } from './bulk-load';
import { generateCatalogue } from './catalogue';
import { createTables, DEMO_TABLES, type DemoContext, type DemoTableName } from './context';
import { CustomerBook } from './customers';
import { LoyaltyLedger } from './loyalty';
import { OrderGenerator } from './orders';
import { Random } from './random';
import { ensureStaff } from './staff';
import { DAY, isoAt, monthsBefore, orderTimeline } from './time';

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
  /** Called every ~1% of orders, synchronously, from inside the load. */
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

export function ordersForSize(size: DemoSize): number {
  const orders = typeof size === 'string' ? DEMO_SIZES[size] : size.orders;
  if (!Number.isInteger(orders) || orders < 1) {
    throw new Error(`A demo store needs a whole number of orders of at least 1, not ${String(orders)}.`);
  }
  return orders;
}

/** Above this many orders the per-table secondary indexes are rebuilt after the load rather than kept up. */
const REBUILD_INDEXES_FROM = 50_000;
/** Up to this many orders the load checks the constraints it skipped before committing (cheap there). */
const VERIFY_CONSTRAINTS_UP_TO = 20_000;

/**
 * Creates one demo store ("Maple & Moss") with 18 months of history ending at
 * `now`, in one transaction. The database must already be migrated.
 */
export function generateDemoStore(sqlite: BetterSqlite3.Database, options: DemoStoreOptions): DemoStoreSummary {
  const started = performance.now();
  const orderCount = ordersForSize(options.size);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const nowMs = Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000;
  const startMs = monthsBefore(nowMs, DEMO_HISTORY_MONTHS);
  const rng = new Random(seed);
  const timeline = orderTimeline(rng.fork(1), orderCount, startMs, nowMs);
  const progressEvery = Math.max(1_000, Math.floor(orderCount / 100));

  // Roughly 1 KiB of pages per order; capped so a huge store spills rather than exhausting memory.
  const restorePragmas = applyLoadPragmas(sqlite, Math.min(2_048, 64 + Math.ceil(orderCount / 1_000)));
  try {
    return sqlite.transaction(() => {
      const rebuild = orderCount >= REBUILD_INDEXES_FROM ? dropSecondaryIndexes(sqlite, DEMO_TABLES) : [];
      const staffBefore = sqlite.prepare('SELECT count(*) FROM staff').pluck().get() as number;
      const agentIds = ensureStaff(sqlite, startMs - 400 * DAY);
      const storeId = Number(
        sqlite
          .prepare(`INSERT INTO stores (platform, name, domain, currency, timezone, created_at, updated_at)
                    VALUES ('demo', ?, 'mapleandmoss.example', 'USD', 'America/Toronto', ?, ?)`)
          .run(DEMO_STORE_NAME, isoAt(startMs - 400 * DAY), isoAt(nowMs)).lastInsertRowid,
      );
      const tables = createTables(sqlite, storeId, 'USD');
      const ctx: DemoContext = { rng, storeId, currency: 'USD', startMs, nowMs, tables, agentIds };
      const catalogue = generateCatalogue(ctx, orderCount <= 5_000 ? 160 : orderCount <= 200_000 ? 400 : 600);
      const loyalty = new LoyaltyLedger(ctx, tables.customers.nextId());
      const customers = new CustomerBook(ctx, loyalty, orderCount);
      const orders = new OrderGenerator(ctx, customers, loyalty, catalogue.popular);

      for (let i = 0; i < orderCount; i++) {
        orders.generate(timeline[i] as number);
        if (options.onProgress && (i + 1) % progressEvery === 0) options.onProgress(i + 1, orderCount);
      }
      for (const name of DEMO_TABLES) tables[name].flush();
      recreateIndexes(sqlite, rebuild);
      if (orderCount <= VERIFY_CONSTRAINTS_UP_TO) {
        const problems = constraintViolations(sqlite);
        if (problems.length > 0) {
          throw new Error(`The demo store broke ${problems.length} constraints, e.g. ${problems.slice(0, 3).join('; ')}`);
        }
      }
      if (options.onProgress && orderCount % progressEvery !== 0) options.onProgress(orderCount, orderCount);

      const counts = { stores: 1, staff: (sqlite.prepare('SELECT count(*) FROM staff').pluck().get() as number) - staffBefore } as DemoStoreSummary['counts'];
      for (const name of DEMO_TABLES) counts[name] = tables[name].count;
      return {
        storeId,
        seed,
        counts,
        firstOrderAt: orderCount > 0 ? isoAt(timeline[0] as number) : null,
        lastOrderAt: orderCount > 0 ? isoAt(timeline[orderCount - 1] as number) : null,
        now: isoAt(nowMs),
        elapsedMs: Math.round(performance.now() - started),
      };
    })();
  } finally {
    restorePragmas();
  }
}
