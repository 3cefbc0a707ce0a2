import { describe, expect, it } from 'vitest';
import { boughtTogetherFor, forCustomer, relatedFor, trainModel } from '../../src/main/domain/recommend/engine';
import type { Basket, CatalogItem, HistoryItem, ScoredItem } from '../../src/main/domain/recommend/engine/types';
import { DEFAULT_RECS_CONFIG, RECS_SOURCES, type RecsConfig } from '../../src/shared/contract/recs';

/**
 * The three lists on a small store: two "worlds" of products bought
 * together (1–4 tea things, 5–8 candles), a best seller (9), a product
 * trending only lately (10), and a new product never sold (11, Tea).
 */
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 6, 1);
const item = (id: number, category: string, over: Partial<CatalogItem> = {}): CatalogItem => ({
  id, category, brand: null, tags: [], priceMinor: 1000 + id, inStock: true, ...over,
});
const CATALOG: CatalogItem[] = [
  item(1, 'Tea'), item(2, 'Tea'), item(3, 'Mugs'), item(4, 'Mugs'),
  item(5, 'Candles'), item(6, 'Candles'), item(7, 'Matches'), item(8, 'Matches'),
  item(9, 'Stationery'), item(10, 'Stationery'), item(11, 'Tea', { tags: ['new'] }),
];
const catalog = new Map(CATALOG.map((c) => [c.id, c]));
const baskets: Basket[] = [];
const add = (items: number[], daysAgo: number, customerId: number | null = null) =>
  baskets.push({ customerId, at: NOW - daysAgo * DAY, items });
for (let i = 0; i < 10; i++) {
  add([1, 2, 3], 300 - i);
  add([2, 4], 250 - i);
  add([5, 6, 7], 200 - i);
  add([6, 8], 150 - i);
}
for (let i = 0; i < 40; i++) add([9], 365 - i);
for (let i = 0; i < 12; i++) add([10], 5);
add([1], 0); // the newest basket: trending windows end here
const model = trainModel({ catalog: CATALOG, baskets }, { halfLifeDays: null, trendingDays: 30 });
const ids = (list: ScoredItem[]) => list.map((r) => r.productId);

const config: RecsConfig = {
  ...DEFAULT_RECS_CONFIG,
  weights: { cf: 1, rules: 0.5, content: 0.3, popularity: 0.2, trending: 0.2 },
  filters: { ...DEFAULT_RECS_CONFIG.filters, excludePurchased: true },
};

const sum = (r: ScoredItem) => RECS_SOURCES.reduce((total, s) => total + r.sources[s], 0);

describe('sources', () => {
  it('sum to the score (no boosts), each within its weight, in every list', () => {
    const lists = [
      relatedFor(model, catalog, config, 1), boughtTogetherFor(model, catalog, config, 6),
      forCustomer(model, catalog, config, [{ productId: 5, at: NOW - 10 * DAY, times: 2 }], { personalized: true, now: NOW }),
      forCustomer(model, catalog, config, [], { personalized: false, now: NOW }),
    ];
    for (const list of lists) {
      expect(list.length).toBeGreaterThan(3);
      for (const r of list) {
        expect(sum(r)).toBeCloseTo(r.score, 12);
        for (const s of RECS_SOURCES) expect(r.sources[s]).toBeLessThanOrEqual(config.weights[s] + 1e-12);
      }
    }
  });

  it('related products: co-purchases first, then content, then fills', () => {
    const list = relatedFor(model, catalog, config, 1);
    // 1 sells with 2 and 3; 11 is Tea like 1 (content); then popularity and trending fill.
    expect(ids(list).slice(0, 3)).toEqual([3, 2, 11]);
    expect(list[2]!.sources.content).toBeGreaterThan(0);
    expect(list.slice(3).every((r) => r.adjustments[0]?.kind === 'fallback')).toBe(true);
    expect(ids(relatedFor(model, catalog, config, 7)).slice(0, 2).sort()).toEqual([5, 6]);
  });
});

describe('fallback on thin evidence', () => {
  it('fills a never-sold product’s list from content, then popularity and trending, marked as fills', () => {
    const list = relatedFor(model, catalog, config, 11);
    // Content: the other Tea products (1, 2) lead; everything else is a fill.
    expect(ids(list).slice(0, 2)).toEqual([2, 1]);
    expect(list[0]!.adjustments).toEqual([]);
    const fills = list.filter((r) => r.adjustments.some((a) => a.kind === 'fallback'));
    expect(fills.length).toBe(list.length - list.filter((r) => r.sources.content > 0).length);
    expect(fills.every((r) => r.sources.cf === 0 && r.sources.rules === 0 && r.sources.content === 0)).toBe(true);
    expect(fills.find((r) => r.productId === 10)!.adjustments).toEqual([{ kind: 'fallback', source: 'trending' }]);
    expect(fills.find((r) => r.productId === 9)!.adjustments).toEqual([{ kind: 'fallback', source: 'popularity' }]);
  });

  it('without content, a cold product gets popularity and trending only', () => {
    const noContent = { ...config, weights: { ...config.weights, content: 0 } };
    const list = relatedFor(model, catalog, noContent, 11);
    expect(list.length).toBe(10);
    expect(list.every((r) => r.adjustments[0]?.kind === 'fallback')).toBe(true);
    // Trending (12 in the last 30 days) and popularity (40 all-time) blend 0.2/0.2: 10 then 9.
    expect(ids(list).slice(0, 2)).toEqual([10, 9]);
  });

  it('does not fill when the evidence already holds k products', () => {
    const list = relatedFor(model, catalog, { ...config, k: 3, weights: { ...config.weights, content: 0 } }, 2);
    expect(ids(list).sort()).toEqual([1, 3, 4]);
    expect(list.every((r) => r.adjustments.length === 0)).toBe(true);
  });
});

describe('for you', () => {
  const history: HistoryItem[] = [{ productId: 5, at: NOW - 20 * DAY, times: 3 }];

  it('recommends the neighbours of what the customer bought, leaving out what they bought', () => {
    const list = forCustomer(model, catalog, config, history, { personalized: true, now: NOW });
    expect(ids(list).slice(0, 2).sort()).toEqual([6, 7]);
    expect(list.slice(0, 2).every((r) => r.sources.cf > 0 && r.adjustments.length === 0)).toBe(true);
    expect(ids(list)).not.toContain(5);
  });

  it('lets repeatable categories (consumables) come back, first when bought often', () => {
    const repeat = { ...config, filters: { ...config.filters, repeatableCategories: ['candles'] } };
    expect(ids(forCustomer(model, catalog, repeat, history, { personalized: true, now: NOW }))[0]).toBe(5);
    const off = { ...config, filters: { ...config.filters, excludePurchased: false } };
    expect(ids(forCustomer(model, catalog, off, history, { personalized: true, now: NOW }))[0]).toBe(5);
  });

  it('weights recent purchases over old ones', () => {
    const both: HistoryItem[] = [
      { productId: 1, at: NOW - 700 * DAY, times: 1 },
      { productId: 5, at: NOW - 5 * DAY, times: 1 },
    ];
    const list = forCustomer(model, catalog, config, both, { personalized: true, now: NOW });
    expect([6, 7]).toContain(list[0]!.productId);
    const flipped = both.map((h) => ({ ...h, at: h.productId === 1 ? NOW - 5 * DAY : NOW - 700 * DAY }));
    expect([2, 3]).toContain(forCustomer(model, catalog, config, flipped, { personalized: true, now: NOW })[0]!.productId);
  });

  it('not personalized: the same list for any history, which is never read', () => {
    const untouchable = new Proxy([] as HistoryItem[], {
      get() {
        throw new Error('the history was read');
      },
    });
    const a = forCustomer(model, catalog, config, untouchable, { personalized: false, now: NOW });
    const b = forCustomer(model, catalog, config, history, { personalized: false, now: NOW });
    expect(a).toEqual(b);
    expect(a.every((r) => r.sources.cf === 0 && r.sources.content === 0 && r.sources.rules === 0)).toBe(true);
    expect(a.every((r) => r.adjustments.length === 0)).toBe(true);
    expect(ids(a).slice(0, 2)).toEqual([10, 9]);
    // Products the customer bought stay: nothing personal shapes this list.
    expect(ids(forCustomer(model, catalog, config, [{ productId: 10, at: NOW, times: 1 }], { personalized: false, now: NOW }))).toContain(10);
  });
});

describe('before any sale', () => {
  it('a model trained on no baskets still lists by content, and lists nothing it cannot justify', () => {
    const empty = trainModel({ catalog: CATALOG, baskets: [] }, { halfLifeDays: null, trendingDays: 30 });
    expect(ids(relatedFor(empty, catalog, config, 1))).toEqual([2, 11]);
    expect(boughtTogetherFor(empty, catalog, config, 1)).toEqual([]);
    expect(forCustomer(empty, catalog, config, [], { personalized: false, now: NOW })).toEqual([]);
  });
});
