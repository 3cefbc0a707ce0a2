/**
 * The recommendation engine: training from baskets, and the three lists
 * (related, frequently bought together, "for you") with the merchant's
 * weights and rules applied at query time. Plain TypeScript over arrays (no
 * SQLite, no Node APIs beyond Buffer): training runs in a worker, previews in
 * the core. Deterministic: no randomness, ties broken by product id.
 *
 * Training (train.ts) keeps counts only; everything on the tuning page —
 * weights, shrinkage, rule thresholds, the trending window, every rule —
 * applies at query time, so a preview follows a slider without retraining.
 * Only the co-purchase half-life is baked into a model.
 *
 * A list is made in this fixed order (pipeline.ts, merchantRules.ts):
 *  1. hard filters: in the catalogue, in stock (when asked), not an excluded
 *     product or category, never the anchor itself;
 *  2. the list's own filters: the price window around the anchor (product
 *     lists), already purchased except repeatable categories ("for you",
 *     personal only);
 *  3. each source normalised by its maximum over the list, weighted, summed
 *     (`sources` = each weighted share; they sum to the score);
 *  4. boosts and buries multiply the score (compounding);
 *  5. evidence-backed products first; popularity/trending alone only fill up
 *     to k (marked 'fallback');
 *  6. at most N per brand; 7. diversity (MMR, λ = 1 is off; 'diversified');
 *  8. the first k; 9. pins, last: they override 2, 4–7 but never 1.
 */
import type { RecsModel } from './model';

export type { RecsModel } from './model';
export type { CatalogItem, Basket, TrainingData, TrainOptions, ScoredItem, HistoryItem, RecsConfig } from './types';
export { trainModel } from './train';
export { serializeModel, deserializeModel } from './serialize';
export { relatedFor, boughtTogetherFor } from './productLists';
export { forCustomer } from './customerList';

export function modelFacts(model: RecsModel): {
  products: number;
  customers: number;
  baskets: number;
  dataFrom: number | null;
  dataTo: number | null;
} {
  const { products, customers, baskets, dataFrom, dataTo } = model.facts;
  return { products, customers, baskets, dataFrom, dataTo };
}
