import { describe, expect, it } from 'vitest';
import { boughtTogetherFor, relatedFor, trainModel } from '../../src/main/domain/recommend/engine';
import type { Basket, CatalogItem, ScoredItem } from '../../src/main/domain/recommend/engine/types';
import { DEFAULT_RECS_CONFIG, type RecsConfig } from '../../src/shared/contract/recs';

/**
 * The merchant's rules on a hand-made store. Anchor 1 is bought with
 * products 2…8, each only with the anchor, product j `co` times, so the
 * collaborative score falls with the product id (cosine √(co/n₁)) and every
 * expected order is known. Product 9 sells alone (popular, no evidence).
 */
const T0 = Date.UTC(2025, 0, 1);
const item = (id: number, category: string, brand: string, priceMinor: number, over: Partial<CatalogItem> = {}): CatalogItem => ({
  id, category, brand, tags: [], priceMinor, inStock: true, ...over,
});
const CATALOG: CatalogItem[] = [
  item(1, 'Tea', 'Kettle', 1000),
  item(2, 'Tea', 'Kettle', 1000), // co 9
  item(3, 'Mugs', 'Kiln', 2000), // co 8
  item(4, 'Mugs', 'Kiln', 3000), // co 7
  item(5, 'Tea', 'Northroast', 500), // co 6
  item(6, 'Candles', 'Kiln', 900, { tags: ['gift'] }), // co 5
  item(7, 'Candles', 'Ember', 5000), // co 4
  item(8, 'Skincare', 'Fern', 1100, { inStock: false }), // co 3
  item(9, 'Stationery', 'Fox', 800), // sold alone
];
const CO: Record<number, number> = { 2: 9, 3: 8, 4: 7, 5: 6, 6: 5, 7: 4, 8: 3 };
const baskets: Basket[] = [];
for (const [id, co] of Object.entries(CO)) for (let i = 0; i < co; i++) baskets.push({ customerId: null, at: T0, items: [1, Number(id)] });
for (let i = 0; i < 50; i++) baskets.push({ customerId: null, at: T0, items: [9] });
const model = trainModel({ catalog: CATALOG, baskets }, { halfLifeDays: null, trendingDays: 30 });
const catalog = new Map(CATALOG.map((c) => [c.id, c]));

const base: RecsConfig = {
  ...DEFAULT_RECS_CONFIG,
  weights: { cf: 1, rules: 0, content: 0, popularity: 0, trending: 0 },
  cf: { shrinkage: 0, halfLifeDays: null },
  filters: { ...DEFAULT_RECS_CONFIG.filters, inStockOnly: false },
};
const withFilters = (filters: Partial<RecsConfig['filters']>, over: Partial<RecsConfig> = {}): RecsConfig => ({
  ...base, ...over, filters: { ...base.filters, ...filters },
});
const ids = (list: ScoredItem[]) => list.map((r) => r.productId);
const related = (config: RecsConfig) => relatedFor(model, catalog, config, 1);

describe('merchant rules on related products', () => {
  it('ranks by co-purchase, never lists the anchor, and fills from popularity marked as such', () => {
    const list = related(base);
    expect(ids(list)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(list.at(-1)!.adjustments).toEqual([{ kind: 'fallback', source: 'popularity' }]);
    expect(list.slice(0, -1).every((r) => r.adjustments.length === 0)).toBe(true);
  });

  it('keeps out-of-stock products out when in-stock only is on', () => {
    expect(ids(related(withFilters({ inStockOnly: true })))).toEqual([2, 3, 4, 5, 6, 7, 9]);
  });

  it('excludes products and categories (case and spaces do not matter)', () => {
    expect(ids(related(withFilters({ excludeProductIds: [3, 9], excludeCategories: [' candles '] })))).toEqual([2, 4, 5, 8]);
  });

  it('keeps prices within the window relative to the anchor', () => {
    // Anchor 10.00: −20%…+50% keeps 8.00…15.00.
    expect(ids(related(withFilters({ priceWindow: { minPct: -20, maxPct: 50 } })))).toEqual([2, 6, 8, 9]);
  });

  it('boosts and buries by category, brand and tag, compounding, and says so', () => {
    const config = withFilters({}, {
      boosts: [
        { field: 'category', value: 'Candles', factor: 3 },
        { field: 'tag', value: 'GIFT', factor: 2 },
        { field: 'brand', value: 'Kettle', factor: 0.1 },
      ],
    });
    const list = related(config);
    expect(ids(list)).toEqual([6, 7, 3, 4, 5, 8, 2, 9]);
    const six = list[0]!;
    expect(six.adjustments).toEqual([
      { kind: 'boosted', field: 'category', value: 'Candles', factor: 3 },
      { kind: 'boosted', field: 'tag', value: 'GIFT', factor: 2 },
    ]);
    const plain = related(base).find((r) => r.productId === 6)!;
    expect(six.score).toBeCloseTo(plain.score * 6, 12);
    // Sources stay the unboosted contributions.
    expect(six.sources).toEqual(plain.sources);
    expect(list.find((r) => r.productId === 2)!.adjustments).toEqual([
      { kind: 'buried', field: 'brand', value: 'Kettle', factor: 0.1 },
    ]);
  });

  it('keeps at most N per brand, the best of each', () => {
    expect(ids(related(withFilters({ maxPerBrand: 1 })))).toEqual([2, 3, 5, 7, 8, 9]);
  });

  it('holds at most k products', () => {
    expect(ids(related(withFilters({}, { k: 3 })))).toEqual([2, 3, 4]);
  });

  it('places a pin at its position, over soft rules but never over hard filters', () => {
    const pinned = related(withFilters({ priceWindow: { minPct: -20, maxPct: 50 } }, {
      pins: [{ anchorProductId: 1, productId: 7, position: 1 }, { anchorProductId: 2, productId: 4, position: 1 }],
    }));
    // 7 costs 50.00, outside the window: the pin still wins over it; the pin for anchor 2 does nothing here.
    expect(ids(pinned)).toEqual([7, 2, 6, 8, 9]);
    expect(pinned[0]!.adjustments).toEqual([{ kind: 'pinned', position: 1 }]);
    expect(pinned[0]!.score).toBe(0);

    const moved = related(withFilters({}, { pins: [{ anchorProductId: 1, productId: 2, position: 3 }] }));
    expect(ids(moved)).toEqual([3, 4, 2, 5, 6, 7, 8, 9]);
    expect(moved[2]!.sources.cf).toBeGreaterThan(0);

    const hidden = related(withFilters({ inStockOnly: true, excludeProductIds: [5] }, {
      pins: [{ anchorProductId: 1, productId: 8, position: 1 }, { anchorProductId: 1, productId: 5, position: 2 }],
    }));
    expect(ids(hidden)).toEqual([2, 3, 4, 6, 7, 9]);

    const beyondK = related(withFilters({}, { k: 3, pins: [{ anchorProductId: 1, productId: 9, position: 3 }] }));
    expect(ids(beyondK)).toEqual([2, 3, 9]);
  });

  it('is deterministic: equal scores fall back to product id', () => {
    const twins: Basket[] = [{ customerId: null, at: T0, items: [1, 5] }, { customerId: null, at: T0, items: [1, 3] }];
    const m = trainModel({ catalog: CATALOG, baskets: twins }, { halfLifeDays: null, trendingDays: 30 });
    expect(ids(relatedFor(m, catalog, withFilters({}, { k: 2 }), 1))).toEqual([3, 5]);
  });
});

describe('diversity (MMR)', () => {
  // 2 and 3 are near-duplicates (same category, brand, tags and price); 4 is unlike them.
  const twins = [
    item(1, 'Tea', 'Kettle', 1000),
    item(2, 'Mugs', 'Kiln', 2000, { tags: ['stoneware'] }),
    item(3, 'Mugs', 'Kiln', 2000, { tags: ['stoneware'] }),
    item(4, 'Candles', 'Ember', 9000),
  ];
  const b: Basket[] = [];
  for (const [id, co] of [[2, 9], [3, 8], [4, 7]] as const) for (let i = 0; i < co; i++) b.push({ customerId: null, at: T0, items: [1, id] });
  const m = trainModel({ catalog: twins, baskets: b }, { halfLifeDays: null, trendingDays: 30 });
  const map = new Map(twins.map((c) => [c.id, c]));

  it('λ = 1 is relevance only', () => {
    expect(ids(relatedFor(m, map, { ...base, diversityLambda: 1 }, 1))).toEqual([2, 3, 4]);
  });

  it('moves a near-duplicate down and marks it diversified', () => {
    const list = relatedFor(m, map, { ...base, diversityLambda: 0.5 }, 1);
    expect(ids(list)).toEqual([2, 4, 3]);
    expect(list[2]!.adjustments).toEqual([{ kind: 'diversified' }]);
    expect(list[0]!.adjustments).toEqual([]);
  });
});

describe('frequently bought together', () => {
  it('prefers a complement from another category to a same-category product with the same evidence', () => {
    const cat = [item(1, 'Tea', 'K', 1000), item(2, 'Tea', 'K', 1000), item(3, 'Mugs', 'M', 1000)];
    const b: Basket[] = [];
    for (let i = 0; i < 5; i++) b.push({ customerId: null, at: T0, items: [1, 2] }, { customerId: null, at: T0, items: [1, 3] });
    const m = trainModel({ catalog: cat, baskets: b }, { halfLifeDays: null, trendingDays: 30 });
    const map = new Map(cat.map((c) => [c.id, c]));
    const config: RecsConfig = { ...base, weights: { cf: 0.5, rules: 1, content: 1, popularity: 0, trending: 0 } };
    expect(ids(boughtTogetherFor(m, map, config, 1))).toEqual([3, 2]);
    // Related products, which like look-alikes (content), put the same-category product first.
    expect(ids(relatedFor(m, map, config, 1))).toEqual([2, 3]);
  });

  it('leads with the rules that meet the support and confidence thresholds', () => {
    const config: RecsConfig = { ...base, weights: { cf: 0, rules: 1, content: 0, popularity: 0, trending: 0 } };
    // Confidence of 1 ⇒ j is co/42; at 0.18 only 2 (9/42 ≈ 0.21) and 3 (8/42 ≈ 0.19) pass. Lift is
    // the same for all (each j sells only with the anchor), and 2 shares the anchor's category (half).
    const strict = boughtTogetherFor(model, catalog, { ...config, rules: { minSupport: 0.001, minConfidence: 0.18 } }, 1);
    expect(ids(strict).slice(0, 2)).toEqual([3, 2]);
    expect(strict[0]!.score / strict[1]!.score).toBeCloseTo(8 / (9 * 0.5), 10);
    expect(strict.slice(0, 2).every((r) => r.sources.rules > 0)).toBe(true);
    expect(strict.slice(2).every((r) => r.sources.rules === 0 && r.adjustments[0]?.kind === 'fallback')).toBe(true);
  });
});
