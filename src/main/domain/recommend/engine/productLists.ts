import { CandidatePool } from './candidates';
import { addToProfile, catalogFeatures, emptyProfile, mostSimilar } from './content';
import { allOf, hardFilter, priceWindowFilter } from './merchantRules';
import type { RecsModel } from './model';
import { finishList } from './pipeline';
import { neighboursOf } from './signals';
import type { CatalogItem, RecsConfig, ScoredItem } from './types';

/** Content neighbours considered per list (the catalogue's most similar products). */
export const CONTENT_POOL = 200;
/** Popularity and trending products kept ready to fill a list, per k. */
export const FILL_PER_SLOT = 3;

/** The anchor's candidates: its filters, and its co-purchase neighbours as cf and rules evidence. */
function productPool(model: RecsModel, catalog: ReadonlyMap<number, CatalogItem>, config: RecsConfig, anchorId: number) {
  const hard = hardFilter(config, anchorId);
  const pool = new CandidatePool(model, catalog, allOf(hard, priceWindowFilter(config, catalog.get(anchorId))), config.trendingDays);
  const anchorIndex = model.cache.indexOf.get(anchorId);
  if (anchorIndex !== undefined) {
    const ids = model.arrays.productIds;
    for (const n of neighboursOf(model, anchorIndex, config)) {
      pool.add(ids[n.index]!, 'cf', n.similarity);
      if (n.ruleStrength > 0) pool.add(ids[n.index]!, 'rules', n.ruleStrength);
    }
  }
  return { hard, pool };
}

/**
 * Related products: products like the anchor, from every source blended with
 * the merchant's weights (co-purchases, the anchor's rules, content,
 * popularity, trending). Popularity and trending alone only fill the list
 * when the anchor's own evidence runs short (a new or rarely sold product).
 */
export function relatedFor(
  model: RecsModel,
  catalog: ReadonlyMap<number, CatalogItem>,
  config: RecsConfig,
  anchorId: number,
): ScoredItem[] {
  const { hard, pool } = productPool(model, catalog, config, anchorId);
  const features = catalogFeatures(catalog);
  const anchorFeatures = features.get(anchorId);
  if (anchorFeatures && config.weights.content > 0) {
    const profile = emptyProfile(features);
    addToProfile(profile, anchorFeatures, 1);
    for (const s of mostSimilar(profile, features, CONTENT_POOL + 1)) {
      if (s.productId !== anchorId) pool.add(s.productId, 'content', s.similarity);
    }
  }
  pool.addBaselines(FILL_PER_SLOT * config.k + 10);
  return finishList(pool, {
    model, catalog, features, config, anchorId, hard, evidenceSources: ['cf', 'rules', 'content'],
  });
}

/**
 * Frequently bought together: complements rather than look-alikes. Led by
 * the anchor's association rules (confidence × lift, meeting the merchant's
 * support and confidence), with co-purchase similarity as support; content
 * similarity is left out (it finds substitutes), and a product of the
 * anchor's own category counts half. Popularity and trending fill.
 */
export function boughtTogetherFor(
  model: RecsModel,
  catalog: ReadonlyMap<number, CatalogItem>,
  config: RecsConfig,
  anchorId: number,
): ScoredItem[] {
  const { hard, pool } = productPool(model, catalog, config, anchorId);
  pool.addBaselines(FILL_PER_SLOT * config.k + 10);
  const features = catalogFeatures(catalog);
  const anchorCategory = features.get(anchorId)?.category ?? null;
  return finishList(pool, {
    model, catalog, features, config, anchorId, hard, evidenceSources: ['rules', 'cf'],
    evidenceScale: (c) => (anchorCategory !== null && features.get(c.productId)?.category === anchorCategory ? 0.5 : 1),
  });
}
