import { CandidatePool } from './candidates';
import { addToProfile, catalogFeatures, emptyProfile, mostSimilar } from './content';
import { allOf, hardFilter, notPurchasedFilter } from './merchantRules';
import type { RecsModel } from './model';
import { finishList } from './pipeline';
import { CONTENT_POOL, FILL_PER_SLOT } from './productLists';
import { eachNeighbour } from './signals';
import type { CatalogItem, HistoryItem, RecsConfig, ScoredItem } from './types';

const DAY_MS = 86_400_000;
/** How fast an old purchase stops speaking for the customer when the model has no half-life of its own. */
export const HISTORY_HALF_LIFE_DAYS = 180;
/** The most recent/most repeated purchases that seed a "for you" list (bounds a preview's work). */
const HISTORY_USED = 100;

/**
 * A purchase's weight in the customer's profile: recent and repeated
 * purchases say more (half-life decay × (1 + ln times)).
 */
export function historyWeight(item: HistoryItem, now: number, halfLifeDays: number): number {
  const ageDays = Math.max(0, (now - item.at) / DAY_MS);
  return Math.pow(0.5, ageDays / halfLifeDays) * (1 + Math.log(Math.max(1, item.times)));
}

/**
 * "For you". Personalized: for each purchase in the history, its
 * co-purchase neighbours (shrunk cosine) and the product itself (similarity
 * 1: buying again is real evidence in groceries and other consumables), each
 * weighted by the purchase's recency and times; content similarity to the
 * history; popularity and trending by their weights, filling when evidence
 * runs short (a customer with no usable history gets fills only, each
 * marked). Not personalized (no consent): popularity and trending only —
 * the history is not read at all, so the list is the same for every
 * customer, and exclude-purchased cannot apply.
 */
export function forCustomer(
  model: RecsModel,
  catalog: ReadonlyMap<number, CatalogItem>,
  config: RecsConfig,
  history: readonly HistoryItem[],
  options: { personalized: boolean; now: number },
): ScoredItem[] {
  const features = catalogFeatures(catalog);
  const hard = hardFilter(config, null);
  if (!options.personalized) {
    const pool = new CandidatePool(model, catalog, hard, config.trendingDays);
    pool.addBaselines(FILL_PER_SLOT * config.k + 10);
    return finishList(pool, { model, catalog, features, config, hard, evidenceSources: null });
  }

  const purchased = new Set(history.map((h) => h.productId));
  const pool = new CandidatePool(model, catalog, allOf(hard, notPurchasedFilter(config, purchased)), config.trendingDays);
  const halfLife = config.cf.halfLifeDays ?? HISTORY_HALF_LIFE_DAYS;
  const seeds = history
    .map((item) => ({ item, weight: historyWeight(item, options.now, halfLife) }))
    .sort((a, b) => b.weight - a.weight || a.item.productId - b.item.productId)
    .slice(0, HISTORY_USED);
  const ids = model.arrays.productIds;
  const profile = emptyProfile(features);
  for (const { item, weight } of seeds) {
    const index = model.cache.indexOf.get(item.productId);
    if (config.weights.cf > 0) {
      pool.add(item.productId, 'cf', weight);
      if (index !== undefined) {
        eachNeighbour(model, index, config.cf.shrinkage, (j, similarity) => pool.add(ids[j]!, 'cf', weight * similarity));
      }
    }
    const f = features.get(item.productId);
    if (f) addToProfile(profile, f, weight);
  }
  if (config.weights.content > 0 && profile.total > 0) {
    for (const s of mostSimilar(profile, features, CONTENT_POOL)) pool.add(s.productId, 'content', s.similarity);
  }
  pool.addBaselines(FILL_PER_SLOT * config.k + 10);
  return finishList(pool, { model, catalog, features, config, hard, evidenceSources: ['cf', 'content'] });
}
