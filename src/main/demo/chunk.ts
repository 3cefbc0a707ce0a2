import type { Catalogue } from './catalogue';
import { ORDER_TABLES, type DemoContext, type OrderTableName, type OrderTables, type StoreSettings } from './context';
import { OrderIds } from './ids';
import { newLoyaltyFacts, type LoyaltyFacts } from './loyalty';
import { OrderGenerator } from './orders';
import type { StorePlan } from './plan';
import { Random } from './random';

export interface ChunkResult {
  facts: LoyaltyFacts;
  /** Rows written per table. */
  counts: Record<OrderTableName, number>;
}

/**
 * Writes orders [lo, hi) of the plan, with all their rows, into `tables`
 * (the profile database itself, or a worker's scratch database). Orders are
 * independent of each other given the plan, so chunks can be written in any
 * thread; `onOrders` reports progress every `every` orders.
 */
export function writeChunk(
  store: StoreSettings, plan: StorePlan, catalogue: Catalogue, tables: OrderTables, lo: number, hi: number,
  onOrders?: (done: number) => void, every = 1_000,
): ChunkResult {
  const facts = newLoyaltyFacts(lo, hi);
  const ctx: DemoContext = { ...store, tables, rng: new Random(store.seed), ids: new OrderIds(store.bases, lo) };
  const before = Object.fromEntries(ORDER_TABLES.map((t) => [t, tables[t].count]));
  const orders = new OrderGenerator(ctx, plan, catalogue.popular, facts);
  for (let i = lo; i < hi; i++) {
    orders.generate(i);
    if (onOrders && (i + 1 - lo) % every === 0) onOrders(i + 1 - lo);
  }
  for (const name of ORDER_TABLES) tables[name].flush();
  const counts = {} as Record<OrderTableName, number>;
  for (const name of ORDER_TABLES) counts[name] = tables[name].count - (before[name] as number);
  return { facts, counts };
}
