/**
 * The trained model: compact typed arrays over a dense item index (products
 * in ascending id order), so a preview is a few hundred array reads and the
 * whole model serializes as a handful of buffers.
 *
 * Everything the merchant can move on the tuning page (weights, shrinkage,
 * rule thresholds, the trending window, every rule) is applied at query time
 * from these counts; only the time decay (a half-life) is baked in at training.
 */
export const MODEL_FORMAT = 1;

/** Days of per-item daily counts kept for trending (the config's longest window). */
export const TREND_HORIZON_DAYS = 365;

export interface ModelFacts {
  /** Distinct products seen in the baskets. */
  products: number;
  /** Distinct customers with at least one basket (guests not counted). */
  customers: number;
  baskets: number;
  /** Epoch ms of the oldest and newest basket; null without baskets. */
  dataFrom: number | null;
  dataTo: number | null;
  /** The decay the model was trained with. */
  halfLifeDays: number | null;
  /** The trending window chosen at training (queries may ask for another). */
  trendingDays: number;
  /** Neighbours kept per item (by cosine and by co-count, merged). */
  neighboursKept: number;
}

export interface ModelArrays {
  /** Dense index → product id, ascending (ties by index are ties by id); float64 holds any integer id. */
  productIds: Float64Array;
  /** Baskets holding the item, each weighted by its decay (1 without decay). */
  itemWeight: Float64Array;
  /** Baskets holding the item, undecayed: popularity and the rules' statistics. */
  itemCount: Uint32Array;
  /**
   * Cumulative recent counts: trendCum[i * TREND_HORIZON_DAYS + d] = baskets
   * holding item i in the last d + 1 days before the newest basket.
   */
  trendCum: Uint32Array;
  /** CSR neighbour lists: item i's neighbours are [nbrOffsets[i], nbrOffsets[i + 1]). */
  nbrOffsets: Uint32Array;
  nbrIndex: Int32Array;
  /** Decayed co-purchase weight of the pair. */
  nbrWeight: Float32Array;
  /** Undecayed co-purchase count of the pair (association-rule statistics). */
  nbrCount: Uint32Array;
}

/** Lookups rebuilt on load, never serialized. */
export interface ModelCache {
  indexOf: Map<number, number>;
  /** Dense indices by all-time count, most bought first (ties by product id). */
  popularityOrder: Int32Array | null;
  /** Trending count arrays and orders per window length. */
  trending: Map<number, { counts: Uint32Array; order: Int32Array }>;
}

export interface RecsModel {
  format: typeof MODEL_FORMAT;
  facts: ModelFacts;
  arrays: ModelArrays;
  cache: ModelCache;
}

export function newCache(productIds: Float64Array): ModelCache {
  const indexOf = new Map<number, number>();
  for (let i = 0; i < productIds.length; i++) indexOf.set(productIds[i]!, i);
  return { indexOf, popularityOrder: null, trending: new Map() };
}

/** Dense indices sorted by a count, largest first, ties by product id (= index). */
export function orderByCount(counts: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: counts.length }, (_, i) => i);
  return order.sort((a, b) => counts[b]! - counts[a]! || a - b);
}

export function popularityOrder(model: RecsModel): Int32Array {
  model.cache.popularityOrder ??= orderByCount(model.arrays.itemCount);
  return model.cache.popularityOrder;
}

/** Per-item baskets in the last `days` days before the newest basket, and the items by it. */
export function trending(model: RecsModel, days: number): { counts: Uint32Array; order: Int32Array } {
  const window = Math.max(1, Math.min(TREND_HORIZON_DAYS, Math.round(days)));
  let cached = model.cache.trending.get(window);
  if (!cached) {
    const n = model.arrays.productIds.length;
    const counts = new Uint32Array(n);
    for (let i = 0; i < n; i++) counts[i] = model.arrays.trendCum[i * TREND_HORIZON_DAYS + window - 1]!;
    cached = { counts, order: orderByCount(counts) };
    model.cache.trending.set(window, cached);
  }
  return cached;
}
