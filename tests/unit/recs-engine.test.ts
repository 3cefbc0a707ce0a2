import { describe, expect, it } from 'vitest';
import {
  boughtTogetherFor, deserializeModel, forCustomer, modelFacts, relatedFor, serializeModel, trainModel,
} from '../../src/main/domain/recommend/engine';
import { trending } from '../../src/main/domain/recommend/engine/model';
import { neighboursOf, shrunkCosine } from '../../src/main/domain/recommend/engine/signals';
import type { Basket, CatalogItem } from '../../src/main/domain/recommend/engine/types';
import { DEFAULT_RECS_CONFIG, type RecsConfig } from '../../src/shared/contract/recs';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

const item = (id: number, over: Partial<CatalogItem> = {}): CatalogItem => ({
  id, category: null, brand: null, tags: [], priceMinor: 1000, inStock: true, ...over,
});
const basket = (items: number[], at = T0, customerId: number | null = 1): Basket => ({ customerId, at, items });
const cfOnly: RecsConfig = {
  ...DEFAULT_RECS_CONFIG,
  weights: { cf: 1, rules: 0, content: 0, popularity: 0, trending: 0 },
  cf: { shrinkage: 0, halfLifeDays: null },
};
const noDecay = { halfLifeDays: null, trendingDays: 30 };

describe('training: counts and item-to-item cosine with shrinkage', () => {
  // n1 = 4, n2 = 3, n3 = 2; co(1,2) = 2, co(1,3) = 1, co(2,3) = 1.
  const baskets = [basket([1, 2]), basket([1, 2]), basket([1, 3]), basket([2, 3]), basket([1])];
  const catalog = [item(1), item(2), item(3)];
  const model = trainModel({ catalog, baskets }, noDecay);
  const index = (id: number) => model.cache.indexOf.get(id)!;

  it('computes co / √(nᵢnⱼ) × co / (co + shrinkage) from the stored counts', () => {
    const shrinkage = 1;
    const neighbours = neighboursOf(model, index(1), { ...cfOnly, cf: { shrinkage, halfLifeDays: null } });
    const byId = new Map(neighbours.map((n) => [model.arrays.productIds[n.index], n.similarity]));
    expect(byId.get(2)).toBeCloseTo((2 / Math.sqrt(4 * 3)) * (2 / 3), 10);
    expect(byId.get(3)).toBeCloseTo((1 / Math.sqrt(4 * 2)) * (1 / 2), 10);
    expect(shrunkCosine(2, 4, 3, 0)).toBeCloseTo(2 / Math.sqrt(12), 12);
  });

  it('counts a product listed twice in one basket once', () => {
    const doubled = trainModel({ catalog, baskets: [basket([1, 1, 2]), basket([2])] }, noDecay);
    expect(doubled.arrays.itemCount[doubled.cache.indexOf.get(1)!]).toBe(1);
    expect(doubled.arrays.nbrCount[0]).toBe(1);
  });

  it('applies shrinkage at query time, so moving the slider reorders without retraining', () => {
    // Anchor 1 (10 baskets): with rare product 2 once (cosine 1/√10 ≈ 0.32), with common product 3
    // nine times (cosine 9/√(10·199) ≈ 0.20). Shrinkage favours the pair seen often.
    const many: Basket[] = [basket([1, 2])];
    for (let i = 0; i < 9; i++) many.push(basket([1, 3]));
    for (let i = 0; i < 190; i++) many.push(basket([3]));
    const m = trainModel({ catalog: [item(1), item(2), item(3)], baskets: many }, noDecay);
    const map = new Map([item(1), item(2), item(3)].map((c) => [c.id, c]));
    const at = (shrinkage: number) =>
      relatedFor(m, map, { ...cfOnly, cf: { shrinkage, halfLifeDays: null } }, 1).map((r) => r.productId);
    expect(at(0)).toEqual([2, 3]);
    expect(at(100)).toEqual([3, 2]);
  });

  it('reports facts and progress', () => {
    const calls: string[] = [];
    const big = Array.from({ length: 250_000 }, (_, i) => basket([1 + (i % 3)], T0 + i, i % 7 === 0 ? null : i % 5));
    const m = trainModel({ catalog, baskets: big }, { ...noDecay, onProgress: (phase) => calls.push(phase) });
    expect(calls.filter((p) => p === 'counting')).toHaveLength(2);
    expect(calls).toContain('neighbours');
    expect(modelFacts(m)).toEqual({ products: 3, customers: 5, baskets: 250_000, dataFrom: T0, dataTo: T0 + 249_999 });
    expect(modelFacts(trainModel({ catalog, baskets: [] }, noDecay))).toEqual({
      products: 0, customers: 0, baskets: 0, dataFrom: null, dataTo: null,
    });
  });
});

describe('training: time decay and trending', () => {
  it('halves a basket’s weight at the half-life, decayed to the newest basket', () => {
    const newest = T0 + 100 * DAY;
    const baskets = [basket([1, 2], newest - 20 * DAY), basket([3, 2], newest - 10 * DAY), basket([2], newest)];
    const m = trainModel({ catalog: [], baskets }, { halfLifeDays: 10, trendingDays: 30 });
    const w = (id: number) => m.arrays.itemWeight[m.cache.indexOf.get(id)!];
    expect(w(3)).toBeCloseTo(0.5, 12);
    expect(w(1)).toBeCloseTo(0.25, 12);
    expect(w(2)).toBeCloseTo(1.75, 12);
    // Popularity and the rules' counts stay undecayed.
    expect(m.arrays.itemCount[m.cache.indexOf.get(1)!]).toBe(1);
  });

  it('counts trending purchases in the window before the newest basket, for any window asked', () => {
    const newest = T0 + 400 * DAY;
    const baskets = [basket([1], newest - 200 * DAY), basket([1], newest - 200 * DAY), basket([2], newest - 5 * DAY), basket([1, 2], newest)];
    const m = trainModel({ catalog: [], baskets }, { halfLifeDays: null, trendingDays: 7 });
    const counts = (days: number) => [...trending(m, days).counts];
    expect(counts(7)).toEqual([1, 2]);
    expect(counts(1)).toEqual([1, 1]);
    expect(counts(365)).toEqual([3, 2]);
    expect([...trending(m, 7).order]).toEqual([1, 0]);
  });
});

describe('serialization', () => {
  const catalog = [
    item(1, { category: 'Tea', brand: 'K', tags: ['green'] }), item(2, { category: 'Tea', brand: 'K' }),
    item(3, { category: 'Mugs', priceMinor: 2500 }), item(4, { category: 'Mugs', inStock: false }),
    item(5, { category: 'Candles', brand: 'E', tags: ['green'] }), item(6, { priceMinor: 900 }),
  ];
  const baskets = [
    basket([1, 2, 3], T0, 1), basket([1, 3], T0 + DAY, 2), basket([2, 5], T0 + 2 * DAY, 1), basket([4, 6], T0 + 40 * DAY, null),
    basket([1, 6], T0 + 41 * DAY, 3), basket([5], T0 + 42 * DAY, 3),
  ];
  const model = trainModel({ catalog, baskets }, { halfLifeDays: 30, trendingDays: 14 });
  const map = new Map(catalog.map((c) => [c.id, c]));
  const config: RecsConfig = { ...DEFAULT_RECS_CONFIG, diversityLambda: 0.6 };
  const lists = (m: typeof model) => ({
    related: [1, 2, 3, 5, 6].map((a) => relatedFor(m, map, config, a)),
    together: [1, 2, 3, 5, 6].map((a) => boughtTogetherFor(m, map, config, a)),
    forYou: forCustomer(m, map, config, [{ productId: 1, at: T0 + DAY, times: 2 }], { personalized: true, now: T0 + 50 * DAY }),
  });

  it('round-trips to identical lists and facts', () => {
    const buffer = serializeModel(model);
    // A slice at an odd offset, as a SQLite blob may arrive.
    const shifted = Buffer.concat([Buffer.from([7]), buffer]).subarray(1);
    const loaded = deserializeModel(shifted);
    expect(modelFacts(loaded)).toEqual(modelFacts(model));
    expect(lists(loaded)).toEqual(lists(model));
    expect(lists(model).related[0]!.length).toBeGreaterThan(0);
  });

  it('keeps product ids beyond 32 bits', () => {
    const big = 5_000_000_001;
    const m = deserializeModel(serializeModel(trainModel({ catalog: [], baskets: [basket([big, 2]), basket([2])] }, noDecay)));
    const bigCatalog = new Map([item(big), item(2)].map((c) => [c.id, c]));
    expect(relatedFor(m, bigCatalog, cfOnly, 2).map((r) => r.productId)).toEqual([big]);
  });

  it('refuses a buffer that is not a model, or cut short', () => {
    expect(() => deserializeModel(Buffer.from('not a model at all'))).toThrow(/not a saved recommendation model/);
    const buffer = serializeModel(model);
    expect(() => deserializeModel(buffer.subarray(0, buffer.length - 4))).toThrow(/incomplete/);
  });
});
