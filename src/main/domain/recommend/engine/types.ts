import type { RecsAdjustment, RecsConfig, RecsSource } from '../../../../shared/contract/recs';

/**
 * The engine's data and results, shared by training, mining, previews and
 * evaluation. The engine is plain TypeScript over these arrays (no SQLite):
 * the core loads them from the database (domain/recommend/data.ts), the tests
 * and the bench from the groceries data sets. Ids are local product and
 * customer ids.
 */

/** A product as the engine sees it. */
export interface CatalogItem {
  id: number;
  category: string | null;
  brand: string | null;
  tags: readonly string[];
  priceMinor: number;
  inStock: boolean;
}

/** One basket: an order, or (groceries_members.csv) a member's purchases on one day. */
export interface Basket {
  /** null: a guest order (it teaches co-purchases, but belongs to no one's history). */
  customerId: number | null;
  /** Epoch milliseconds. */
  at: number;
  /** Distinct product ids. */
  items: readonly number[];
}

export interface TrainingData {
  catalog: readonly CatalogItem[];
  /** Oldest first. */
  baskets: readonly Basket[];
}

/** Settings that shape the trained model itself (the rest of RecsConfig applies at query time). */
export interface TrainOptions {
  /** Half-life of a purchase's weight in days; null = no decay. */
  halfLifeDays: number | null;
  /** The trending window in days, ending at the newest basket. */
  trendingDays: number;
  /** Reports progress (phase name, done, total) every so often. */
  onProgress?: (phase: string, done: number, total: number | null) => void;
}

/** One recommended product: its blended score and each source's weighted share of it. */
export interface ScoredItem {
  productId: number;
  score: number;
  sources: Record<RecsSource, number>;
  adjustments: RecsAdjustment[];
}

/** A purchase in a customer's history, for "for you" lists and exclude-purchased. */
export interface HistoryItem {
  productId: number;
  /** Epoch milliseconds of the latest purchase. */
  at: number;
  times: number;
}

/** A frequent-itemset rule X ⇒ Y (one item on the right). */
export interface MinedRule {
  antecedent: readonly number[];
  consequent: number;
  /** Share of baskets holding X ∪ Y. */
  support: number;
  confidence: number;
  lift: number;
  /** Baskets holding X ∪ Y. */
  count: number;
}

export type { RecsConfig };
