import { RECS_SOURCES, type RecsConfig, type RecsSource } from '../../../shared/contract/recs';
import type { CatalogItem, HistoryItem, ScoredItem } from './engine/types';

/**
 * Lists before anything is trained: popularity straight from the order lines,
 * with the merchant's rules that need no model (in stock, exclusions, price
 * window, already purchased, boosts, maximum per brand, pins). Useful on a
 * first run, and honest about it: each item says it is a popularity fallback.
 */
export interface FallbackRequest {
  anchor?: CatalogItem | undefined;
  /** Read only for exclude-purchased, and only when the list is personal. */
  history?: readonly HistoryItem[];
}

const zeroSources = (): Record<RecsSource, number> =>
  Object.fromEntries(RECS_SOURCES.map((source) => [source, 0])) as Record<RecsSource, number>;

export function popularityList(
  popularity: ReadonlyMap<number, number>,
  catalog: ReadonlyMap<number, CatalogItem>,
  config: RecsConfig,
  request: FallbackRequest,
): ScoredItem[] {
  const { filters } = config;
  const anchor = request.anchor;
  const excludedIds = new Set(filters.excludeProductIds);
  const excludedCategories = new Set(filters.excludeCategories);
  const repeatable = new Set(filters.repeatableCategories);
  const purchased = new Set(filters.excludePurchased ? (request.history ?? []).map((item) => item.productId) : []);
  const top = Math.max(1, ...popularity.values());
  // With no weight on popularity the fallback still ranks by it: it is all there is.
  const weight = config.weights.popularity > 0 ? config.weights.popularity : 1;

  const candidates: ScoredItem[] = [];
  for (const [productId, lines] of popularity) {
    const item = catalog.get(productId);
    if (!item || productId === anchor?.id) continue;
    if (filters.inStockOnly && !item.inStock) continue;
    if (excludedIds.has(productId) || (item.category !== null && excludedCategories.has(item.category))) continue;
    if (purchased.has(productId) && !(item.category !== null && repeatable.has(item.category))) continue;
    if (anchor && filters.priceWindow && !inPriceWindow(anchor.priceMinor, item.priceMinor, filters.priceWindow)) continue;
    const sources = zeroSources();
    sources.popularity = (weight * lines) / top;
    const scored: ScoredItem = { productId, score: sources.popularity, sources, adjustments: [{ kind: 'fallback', source: 'popularity' }] };
    applyBoosts(scored, item, config);
    candidates.push(scored);
  }
  candidates.sort((a, b) => b.score - a.score || a.productId - b.productId);
  return applyPins(limitPerBrand(candidates, catalog, filters.maxPerBrand, config.k), catalog, config, anchor?.id);
}

function inPriceWindow(anchorPrice: number, price: number, window: { minPct: number; maxPct: number }): boolean {
  return price >= anchorPrice * (1 + window.minPct / 100) && price <= anchorPrice * (1 + window.maxPct / 100);
}

function applyBoosts(scored: ScoredItem, item: CatalogItem, config: RecsConfig): void {
  for (const boost of config.boosts) {
    const matches =
      boost.field === 'category' ? item.category === boost.value
        : boost.field === 'brand' ? item.brand === boost.value
          : item.tags.includes(boost.value);
    if (!matches || boost.factor === 1) continue;
    scored.score *= boost.factor;
    scored.adjustments.push({ kind: boost.factor > 1 ? 'boosted' : 'buried', field: boost.field, value: boost.value, factor: boost.factor });
  }
}

function limitPerBrand(items: ScoredItem[], catalog: ReadonlyMap<number, CatalogItem>, maxPerBrand: number | null, k: number): ScoredItem[] {
  const perBrand = new Map<string, number>();
  const kept: ScoredItem[] = [];
  for (const item of items) {
    if (kept.length === k) break;
    const brand = catalog.get(item.productId)?.brand ?? null;
    if (maxPerBrand !== null && brand !== null) {
      const seen = perBrand.get(brand) ?? 0;
      if (seen >= maxPerBrand) continue;
      perBrand.set(brand, seen + 1);
    }
    kept.push(item);
  }
  return kept;
}

/** A pinned product takes its position in the anchor's list, whatever its score (pins are the merchant's word). */
function applyPins(items: ScoredItem[], catalog: ReadonlyMap<number, CatalogItem>, config: RecsConfig, anchorId: number | undefined): ScoredItem[] {
  if (anchorId === undefined) return items;
  const pins = config.pins.filter((pin) => pin.anchorProductId === anchorId && catalog.has(pin.productId)).sort((a, b) => a.position - b.position);
  if (pins.length === 0) return items;
  const pinnedIds = new Set(pins.map((pin) => pin.productId));
  const list = items.filter((item) => !pinnedIds.has(item.productId));
  for (const pin of pins) {
    const existing = items.find((item) => item.productId === pin.productId);
    const pinned: ScoredItem = existing
      ? { ...existing, adjustments: [...existing.adjustments, { kind: 'pinned', position: pin.position }] }
      : { productId: pin.productId, score: 0, sources: zeroSources(), adjustments: [{ kind: 'pinned', position: pin.position }] };
    list.splice(Math.min(pin.position - 1, list.length), 0, pinned);
  }
  return list.slice(0, config.k);
}
