import { describe, expect, it } from 'vitest';
import { DEFAULT_RECS_CONFIG, type RecsConfig } from '../../src/shared/contract/recs';
import { trainModel } from '../../src/main/domain/recommend/engine';
import type { Basket, CatalogItem, TrainingData } from '../../src/main/domain/recommend/engine/types';
import { evaluateModel, popularityOnly, splitByTime, splitLeaveLastBasket } from '../../src/main/domain/recommend/evaluate';
import { loadGroceryMembers } from '../support/groceries';

/** evaluateModel with the real engine: a list that can only be right scores 1, and popularity is always the baseline. */

const at = (day: number): number => Date.UTC(2025, 0, day);
const item = (id: number): CatalogItem => ({ id, category: null, brand: null, tags: [], priceMinor: 100, inStock: true });
const train = (data: TrainingData) => trainModel(data, { halfLifeDays: null, trendingDays: 30 });
const catalogMap = (catalog: readonly CatalogItem[]) => new Map(catalog.map((product) => [product.id, product]));

describe('evaluateModel', () => {
  it('scores 1 when the only products left to recommend are exactly the held-out ones', () => {
    const catalog = [1, 2, 3, 4, 5].map(item);
    const baskets: Basket[] = [
      { customerId: 1, at: at(1), items: [1, 2, 3] },
      { customerId: 2, at: at(2), items: [1, 4, 5] },
      { customerId: 3, at: at(3), items: [2, 4] },
      { customerId: 4, at: at(4), items: [3, 5] },
      { customerId: 1, at: at(10), items: [4, 5] },
    ];
    const split = splitByTime({ catalog, baskets }, at(10));
    expect(split.cases).toHaveLength(1);
    const config: RecsConfig = { ...DEFAULT_RECS_CONFIG, filters: { ...DEFAULT_RECS_CONFIG.filters, excludePurchased: true } };
    const { candidate, popularity } = evaluateModel(train(split.train), catalogMap(catalog), config, split.cases, [2], {
      now: at(10),
      trainCounts: split.trainCounts,
    });
    for (const result of [candidate[0]!, popularity[0]!]) {
      expect(result).toMatchObject({ k: 2, precision: 1, recall: 1, hitRate: 1, map: 1, coverage: 0.4 });
      expect(result.ndcg).toBeCloseTo(1, 12);
    }
  });

  it('judges the popularity baseline on the same cases, where co-purchases beat it', () => {
    const catalog = [1, 2, 3, 4, 5, 6].map(item);
    const baskets: Basket[] = [];
    // Product 6 sells most, but buyers of 1 go on to buy 4.
    for (let n = 0; n < 30; n += 1) baskets.push({ customerId: 100 + n, at: at(1), items: [6] });
    for (let n = 0; n < 5; n += 1) baskets.push({ customerId: 200 + n, at: at(2), items: [1, 4] });
    for (let n = 0; n < 8; n += 1) baskets.push({ customerId: 300 + n, at: at(3), items: [2, 3, 5] });
    for (let n = 0; n < 4; n += 1) {
      baskets.push({ customerId: 1 + n, at: at(4), items: [1] });
      baskets.push({ customerId: 1 + n, at: at(12), items: [4] });
    }
    const split = splitByTime({ catalog, baskets }, at(10));
    expect(split.cases).toHaveLength(4);
    const cfOnly: RecsConfig = { ...DEFAULT_RECS_CONFIG, weights: { cf: 1, rules: 0, content: 0, popularity: 0, trending: 0 } };
    const progress: [number, number][] = [];
    const { candidate, popularity } = evaluateModel(train(split.train), catalogMap(catalog), cfOnly, split.cases, [1, 3], {
      now: at(10),
      trainCounts: split.trainCounts,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(candidate[0]).toMatchObject({ k: 1, precision: 1, recall: 1, hitRate: 1 });
    expect(popularity[0]).toMatchObject({ k: 1, precision: 0, recall: 0, hitRate: 0 });
    // Product 6 is the best seller: the baseline's first pick is at the top percentile.
    expect(popularity[0]!.popularityBias).toBe(1);
    expect(candidate[0]!.popularityBias).toBeLessThan(1);
    expect(progress[0]).toEqual([0, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
  });

  it('builds the baseline from popularity alone, keeping the candidate\'s filters', () => {
    const config: RecsConfig = {
      ...DEFAULT_RECS_CONFIG,
      boosts: [{ field: 'brand', value: 'Acme', factor: 2 }],
      pins: [{ anchorProductId: 1, productId: 2, position: 1 }],
      diversityLambda: 0.5,
      filters: { ...DEFAULT_RECS_CONFIG.filters, excludeProductIds: [9], excludePurchased: false },
    };
    const baseline = popularityOnly(config, 20);
    expect(baseline).toMatchObject({ weights: { cf: 0, rules: 0, content: 0, popularity: 1, trending: 0 }, boosts: [], pins: [], diversityLambda: 1, k: 20 });
    expect(baseline.filters).toEqual(config.filters);
  });

  it('refuses a k below 1', () => {
    const catalog = [item(1)];
    const model = train({ catalog, baskets: [{ customerId: 1, at: at(1), items: [1] }] });
    expect(() => evaluateModel(model, catalogMap(catalog), DEFAULT_RECS_CONFIG, [], [0])).toThrow(RangeError);
  });

  it('evaluates the real groceries members quickly, every figure a share that grows with k where it must', () => {
    const members = loadGroceryMembers();
    const split = splitLeaveLastBasket(members);
    const started = performance.now();
    const { candidate, popularity } = evaluateModel(train(split.train), catalogMap(members.catalog), { ...DEFAULT_RECS_CONFIG, filters: { ...DEFAULT_RECS_CONFIG.filters, excludePurchased: false } }, split.cases, [5, 10], {
      now: split.dataTo!,
      trainCounts: split.trainCounts,
    });
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(20);
    for (const results of [candidate, popularity]) {
      for (const r of results) {
        for (const value of [r.precision, r.recall, r.ndcg, r.hitRate, r.map, r.coverage, r.popularityBias]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }
      expect(results[1]!.hitRate).toBeGreaterThanOrEqual(results[0]!.hitRate);
      expect(results[1]!.recall).toBeGreaterThanOrEqual(results[0]!.recall);
    }
  });
});
