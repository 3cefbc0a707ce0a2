import type { PushMessage } from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';
import type { Sqlite } from '../../db/connection';
import { loadCatalog } from './data';
import { deserializeModel, type RecsModel } from './engine';
import type { CatalogItem } from './engine/types';
import type { RunningJob } from './jobHost';

/**
 * What one open core keeps for recommendations between operations: the latest
 * ready model (deserialized once, swapped when a new one is trained), the
 * catalogue as the engine wants it (refreshed when products may have changed),
 * and the jobs under way (stopped when the core closes). Kept in a WeakMap by
 * the core's connection, like sync's runtime.
 */
export interface ProductInfo {
  id: number;
  storeId: number;
  externalId: string;
  title: string;
  sku: string | null;
  category: string | null;
  brand: string | null;
  priceMinor: number;
  currency: string;
  inStock: boolean;
  active: boolean;
}

export interface CatalogCache {
  /** Active products: what may be recommended. */
  items: Map<number, CatalogItem>;
  /** Every product (titles and prices for lists, histories and anchors). */
  info: Map<number, ProductInfo>;
}

export interface LoadedModel {
  id: number;
  model: RecsModel;
  orders: number;
  dataFrom: string | null;
  dataTo: string | null;
}

export interface RunningRecsJob {
  id: number;
  job: RunningJob;
  /** Settles once the job's row is written (whatever the outcome). */
  done: Promise<void>;
}

export interface RecsRuntime {
  sqlite: Sqlite;
  dbPath: string;
  nativeBinding: string | undefined;
  /** undefined: not read yet; null: no ready model. */
  model: LoadedModel | null | undefined;
  catalog: CatalogCache | null;
  /** Order lines per product, for lists before anything is trained. */
  popularity: Map<number, number> | null;
  training: RunningRecsJob | null;
  evaluation: RunningRecsJob | null;
  /** Jobs an answer waits for (rule mining): cancelled on close too. */
  waiting: Set<RunningJob>;
  closed: boolean;
  unsubscribe: () => void;
}

export interface RecsRuntimeOptions {
  nativeBinding?: string | undefined;
  /** The core's push events: a change to products or orders refreshes the caches. */
  subscribe?: (listener: (message: PushMessage) => void) => () => void;
}

const runtimes = new WeakMap<Sqlite, RecsRuntime>();

/** Sets up recommendations for a core (openCore): rows a crash left running become failed. */
export function installRecs(ctx: Pick<HandlerContext, 'sqlite' | 'dbPath' | 'now'>, options: RecsRuntimeOptions = {}): RecsRuntime {
  const runtime: RecsRuntime = {
    sqlite: ctx.sqlite,
    dbPath: ctx.dbPath,
    nativeBinding: options.nativeBinding,
    model: undefined,
    catalog: null,
    popularity: null,
    training: null,
    evaluation: null,
    waiting: new Set(),
    closed: false,
    unsubscribe: () => {},
  };
  if (options.subscribe) {
    runtime.unsubscribe = options.subscribe((message) => {
      if (message.event !== 'data.changed') return;
      const areas = (message.payload as { areas: string[] }).areas;
      // Sync and imports change products without naming them: any of these may have.
      if (areas.some((area) => area === 'products' || area === 'sync' || area === 'orders')) {
        runtime.catalog = null;
        runtime.popularity = null;
      }
    });
  }
  failAbandonedJobs(ctx.sqlite, ctx.now().toISOString());
  runtimes.set(ctx.sqlite, runtime);
  return runtime;
}

export function recsRuntimeFor(ctx: Pick<HandlerContext, 'sqlite' | 'dbPath' | 'now'>): RecsRuntime {
  return runtimes.get(ctx.sqlite) ?? installRecs(ctx);
}

/** Stops every job and waits until each has written its row (core close, before the connection closes). */
export async function stopRecs(runtime: RecsRuntime): Promise<void> {
  runtime.closed = true;
  runtime.unsubscribe();
  const running = [runtime.training, runtime.evaluation].filter((job): job is RunningRecsJob => job !== null);
  await Promise.allSettled([...running.map((job) => job.job.cancel()), ...[...runtime.waiting].map((job) => job.cancel())]);
  await Promise.allSettled(running.map((job) => job.done));
}

function failAbandonedJobs(sqlite: Sqlite, at: string): void {
  const why = 'Backroom stopped before this finished; start it again.';
  sqlite.transaction(() => {
    sqlite.prepare(`UPDATE recs_models SET status = 'failed', finished_at = ?, error = ? WHERE status = 'training'`).run(at, why);
    sqlite.prepare(`UPDATE recs_experiments SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running'`).run(at, why);
  })();
}

interface ProductRow {
  id: number;
  store_id: number;
  external_id: string;
  title: string;
  sku: string | null;
  category: string | null;
  brand: string | null;
  price_minor: number;
  currency: string;
  inventory_quantity: number | null;
  status: string;
}

export function catalogFor(runtime: RecsRuntime): CatalogCache {
  if (runtime.catalog) return runtime.catalog;
  const items = new Map(loadCatalog(runtime.sqlite).map((item) => [item.id, item]));
  const info = new Map<number, ProductInfo>();
  for (const row of runtime.sqlite
    .prepare<[], ProductRow>(
      `SELECT id, store_id, external_id, title, sku, category, brand, price_minor, currency, inventory_quantity, status FROM products`,
    )
    .iterate()) {
    info.set(row.id, {
      id: row.id, storeId: row.store_id, externalId: row.external_id, title: row.title, sku: row.sku,
      category: row.category, brand: row.brand, priceMinor: row.price_minor, currency: row.currency,
      inStock: row.inventory_quantity === null || row.inventory_quantity > 0, active: row.status === 'active',
    });
  }
  runtime.catalog = { items, info };
  return runtime.catalog;
}

interface ModelRow {
  id: number;
  model: Buffer;
  orders_used: number;
  data_from: string | null;
  data_to: string | null;
}

/** The latest ready model, deserialized once per core. */
export function loadedModel(runtime: RecsRuntime): LoadedModel | null {
  if (runtime.model !== undefined) return runtime.model;
  const row = runtime.sqlite
    .prepare<[], ModelRow>(
      `SELECT id, model, orders_used, data_from, data_to FROM recs_models
       WHERE status = 'ready' AND model IS NOT NULL ORDER BY id DESC LIMIT 1`,
    )
    .get();
  runtime.model = row
    ? { id: row.id, model: deserializeModel(row.model), orders: row.orders_used, dataFrom: row.data_from, dataTo: row.data_to }
    : null;
  return runtime.model;
}

/** Order lines per product from the order_lines_product index alone (cancelled orders' lines too: a fallback, not the model). */
export function popularityFor(runtime: RecsRuntime): Map<number, number> {
  if (runtime.popularity) return runtime.popularity;
  const counts = new Map<number, number>();
  for (const [productId, lines] of runtime.sqlite
    .prepare('SELECT product_id, count(*) FROM order_lines WHERE product_id IS NOT NULL GROUP BY product_id')
    .raw()
    .iterate() as IterableIterator<[number, number]>) {
    counts.set(productId, lines);
  }
  runtime.popularity = counts;
  return counts;
}
