import type { RecsAdjustment } from '../../../../shared/contract/recs';
import type { Ranked } from './candidates';
import { normalLabel, type CatalogFeatures } from './content';
import type { CatalogItem, RecsConfig } from './types';

/**
 * The merchant's rules, in the order lists apply them (see pipeline.ts):
 * hard filters (in stock, excluded products and categories, never the anchor)
 * then the list's own filters (price window around the anchor, already
 * purchased), boosts and buries, a cap per brand, diversity, pins last.
 */

export type ProductFilter = (productId: number, item: CatalogItem) => boolean;

/** Filters no rule can override, pins included: stock, exclusions, the anchor itself. */
export function hardFilter(config: RecsConfig, anchorId: number | null): ProductFilter {
  const excludedProducts = new Set(config.filters.excludeProductIds);
  const excludedCategories = new Set(config.filters.excludeCategories.map(normalLabel));
  return (productId, item) =>
    productId !== anchorId &&
    (!config.filters.inStockOnly || item.inStock) &&
    !excludedProducts.has(productId) &&
    !(item.category !== null && excludedCategories.has(normalLabel(item.category)));
}

/** Price window relative to the anchor's price; everything passes without a window or an anchor price. */
export function priceWindowFilter(config: RecsConfig, anchor: CatalogItem | undefined): ProductFilter {
  const window = config.filters.priceWindow;
  if (!window || !anchor || anchor.priceMinor <= 0) return () => true;
  const low = anchor.priceMinor * (1 + window.minPct / 100);
  const high = anchor.priceMinor * (1 + window.maxPct / 100);
  return (_id, item) => item.priceMinor >= low && item.priceMinor <= high;
}

/** Leaves out what the customer bought, unless its category may repeat (consumables). */
export function notPurchasedFilter(config: RecsConfig, purchased: ReadonlySet<number>): ProductFilter {
  if (!config.filters.excludePurchased) return () => true;
  const repeatable = new Set(config.filters.repeatableCategories.map(normalLabel));
  return (productId, item) =>
    !purchased.has(productId) || (item.category !== null && repeatable.has(normalLabel(item.category)));
}

export function allOf(...filters: ProductFilter[]): ProductFilter {
  return (productId, item) => filters.every((f) => f(productId, item));
}

/** Multiplies the score by every matching boost (compounding) and notes each. */
export function applyBoosts(ranked: Ranked[], config: RecsConfig, features: CatalogFeatures): void {
  if (config.boosts.length === 0) return;
  const boosts = config.boosts.map((b) => ({ ...b, label: normalLabel(b.value) }));
  for (const r of ranked) {
    const f = features.get(r.productId);
    if (!f) continue;
    for (const boost of boosts) {
      const matches =
        boost.field === 'category' ? f.category === boost.label
        : boost.field === 'brand' ? f.brand === boost.label
        : boost.label !== null && f.tags.includes(boost.label);
      if (!matches || boost.factor === 1) continue;
      r.score *= boost.factor;
      const adjustment: RecsAdjustment = {
        kind: boost.factor > 1 ? 'boosted' : 'buried', field: boost.field, value: boost.value, factor: boost.factor,
      };
      r.adjustments.push(adjustment);
    }
  }
}

/** Keeps at most `max` products per brand, walking the list in rank order (no brand: no cap). */
export function capPerBrand(ranked: readonly Ranked[], max: number | null, features: CatalogFeatures): Ranked[] {
  if (max === null) return [...ranked];
  const perBrand = new Map<string, number>();
  return ranked.filter((r) => {
    const brand = features.get(r.productId)?.brand ?? null;
    if (brand === null) return true;
    const seen = perBrand.get(brand) ?? 0;
    perBrand.set(brand, seen + 1);
    return seen < max;
  });
}
