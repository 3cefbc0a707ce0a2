import type { RecsSource } from '../../../../shared/contract/recs';
import type { ProductFilter } from './merchantRules';
import type { CatalogItem, RecsConfig, ScoredItem } from './types';

/**
 * Pins come last: the merchant's product at its position in this anchor's
 * list. A pin wins over the soft rules (score, price window, cap per brand,
 * diversity) because the merchant chose that product for that anchor by
 * hand; it does not win over the hard filters (out of stock, excluded
 * products or categories, the anchor itself): a pin must never show what the
 * merchant asked never to show. A pin beyond the list's length k is left
 * out; a pin beyond the end of a shorter list lands at its end. The item
 * keeps the score and sources it earned, if any (else zero).
 */
export function applyPins(
  list: readonly ScoredItem[],
  /** The score and sources a product earned in this list's pool, if it was a candidate. */
  earnedBy: (productId: number) => ScoredItem | undefined,
  config: RecsConfig,
  anchorId: number,
  catalog: ReadonlyMap<number, CatalogItem>,
  hard: ProductFilter,
): ScoredItem[] {
  const pins = config.pins
    .filter((p) => p.anchorProductId === anchorId && p.position <= config.k)
    .sort((a, b) => a.position - b.position || a.productId - b.productId);
  if (pins.length === 0) return list.slice(0, config.k);
  const pinnedIds = new Set<number>();
  const placed: { item: ScoredItem; position: number }[] = [];
  for (const pin of pins) {
    const item = catalog.get(pin.productId);
    if (pinnedIds.has(pin.productId) || !item || !hard(pin.productId, item)) continue;
    pinnedIds.add(pin.productId);
    const base: ScoredItem = earnedBy(pin.productId) ?? { productId: pin.productId, score: 0, sources: zero(), adjustments: [] };
    placed.push({ item: base, position: pin.position });
  }
  const out = list.filter((item) => !pinnedIds.has(item.productId));
  for (const { item, position } of placed) {
    const at = Math.min(position - 1, out.length);
    out.splice(at, 0, item);
  }
  // Unpinned items overflow past k; pinned ones keep their place (all have position ≤ k).
  while (out.length > config.k) {
    let last = out.length - 1;
    while (last >= 0 && pinnedIds.has(out[last]!.productId)) last--;
    out.splice(last, 1);
  }
  out.forEach((item, index) => {
    if (pinnedIds.has(item.productId)) item.adjustments.push({ kind: 'pinned', position: index + 1 });
  });
  return out;
}

const zero = (): Record<RecsSource, number> => ({ cf: 0, rules: 0, content: 0, popularity: 0, trending: 0 });
