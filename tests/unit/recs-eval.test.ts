import { describe, expect, it } from 'vitest';
import {
  describeSplit,
  MetricsAccumulator,
  popularityPercentiles,
  sampleCases,
  splitByTime,
  splitLeaveLastBasket,
  splitSentence,
} from '../../src/main/domain/recommend/evaluate';
import type { Basket, TrainingData } from '../../src/main/domain/recommend/engine/types';
import { loadGroceryMembers } from '../support/groceries';

/** Offline evaluation: held-out splits and the top-k metrics, checked by hand. */

const at = (day: number): number => Date.UTC(2025, 0, day);
const catalog = [1, 2, 3, 4, 5, 6].map((id) => ({ id, category: null, brand: null, tags: [], priceMinor: 100, inStock: true }));
const baskets: Basket[] = [
  { customerId: 1, at: at(1), items: [1, 2] },
  { customerId: 2, at: at(2), items: [2, 3] },
  { customerId: null, at: at(3), items: [1, 3] },
  { customerId: 1, at: at(4), items: [2, 4] },
  { customerId: 1, at: at(10), items: [5] },
  { customerId: 2, at: at(11), items: [6, 2] },
  { customerId: 3, at: at(12), items: [1] },
  { customerId: null, at: at(12), items: [4] },
];
const data: TrainingData = { catalog, baskets };

describe('splitByTime', () => {
  const split = splitByTime(data, at(10));

  it('trains only on baskets before the cut-off and tests every basket from it on', () => {
    expect(split.train.baskets).toEqual(baskets.slice(0, 4));
    expect(split.train.baskets.every((basket) => basket.at < at(10))).toBe(true);
    expect(split.train.catalog).toBe(catalog);
    expect(split).toMatchObject({ trainBaskets: 4, testBaskets: 4, guestTestBaskets: 1, cutoff: at(10), kind: 'time' });
    expect(split).toMatchObject({ dataFrom: at(1), dataTo: at(12) });
  });

  it('evaluates customers who bought before and after, from their training purchases', () => {
    expect(split.cases).toEqual([
      {
        customerId: 1,
        history: [
          { productId: 2, at: at(4), times: 2 },
          { productId: 4, at: at(4), times: 1 },
          { productId: 1, at: at(1), times: 1 },
        ],
        heldOut: [5],
      },
      { customerId: 2, history: [{ productId: 2, at: at(2), times: 1 }, { productId: 3, at: at(2), times: 1 }], heldOut: [2, 6] },
    ]);
    // Customer 3 only bought after the cut-off: counted, not evaluated.
    expect(split.unevaluatedCustomers).toBe(1);
    expect([...split.trainCounts].sort((a, b) => a[0] - b[0])).toEqual([[1, 2], [2, 3], [3, 2], [4, 1]]);
  });

  it('describes itself in facts and in a sentence', () => {
    const facts = describeSplit(split);
    expect(facts).toEqual({
      kind: 'time',
      cutoff: '2025-01-10',
      dataFrom: '2025-01-01T00:00:00.000Z',
      dataTo: '2025-01-12T00:00:00.000Z',
      trainBaskets: 4,
      testBaskets: 4,
      cases: 2,
      unevaluatedCustomers: 1,
      guestTestBaskets: 1,
      meanHeldOut: 1.5,
    });
    expect(splitSentence(facts)).toBe(
      'Trained on 4 orders before 2025-01-10 (data from 2025-01-01 to 2025-01-12); tested on 4 orders from that day on, ' +
        'evaluating 2 returning customers on what they bought (1.5 products each on average); ' +
        '1 customer with nothing bought before it and 1 guest order counted but not evaluated.',
    );
    expect(describeSplit(splitByTime(data, at(10) + 3_600_000)).cutoff).toBe('2025-01-10T01:00:00.000Z');
  });
});

describe('splitLeaveLastBasket', () => {
  const split = splitLeaveLastBasket(data);

  it('holds out exactly each repeat customer\'s last basket and trains on all the others', () => {
    expect(split.train.baskets).toEqual([baskets[0], baskets[1], baskets[2], baskets[3], baskets[6], baskets[7]]);
    expect(split).toMatchObject({ trainBaskets: 6, testBaskets: 2, cutoff: null, kind: 'leave_last', unevaluatedCustomers: 1 });
    expect(split.cases.map((c) => [c.customerId, c.heldOut])).toEqual([[1, [5]], [2, [2, 6]]]);
    expect(split.cases[0]!.history.map((item) => item.productId)).toEqual([2, 4, 1]);
    expect(split.cases[1]!.history).toEqual([{ productId: 2, at: at(2), times: 1 }, { productId: 3, at: at(2), times: 1 }]);
    expect(splitSentence(describeSplit(split))).toBe(
      "Each customer's last order held out: 2 customers with two or more orders evaluated on it (1.5 products each on average), " +
        'trained on the other 6 orders (data from 2025-01-01 to 2025-01-12); 1 customer with a single order counted but not evaluated.',
    );
  });

  it('holds out the later basket in the data when two share the latest time', () => {
    const tied = splitLeaveLastBasket({
      catalog,
      baskets: [
        { customerId: 7, at: at(1), items: [1] },
        { customerId: 7, at: at(5), items: [2] },
        { customerId: 7, at: at(5), items: [3] },
      ],
    });
    expect(tied.cases).toEqual([{ customerId: 7, history: [{ productId: 2, at: at(5), times: 1 }, { productId: 1, at: at(1), times: 1 }], heldOut: [3] }]);
  });
});

describe('splits of the real groceries members', () => {
  const members = loadGroceryMembers();

  it('time split: no test basket leaks into training and every held-out product was bought after the cut-off', () => {
    const cutoff = Date.UTC(2015, 6, 1);
    const split = splitByTime(members, cutoff);
    expect(split.trainBaskets + split.testBaskets).toBe(14963);
    expect(split.train.baskets.every((basket) => basket.at < cutoff)).toBe(true);
    const bought = new Map<number, Set<number>>();
    for (const basket of members.baskets) {
      if (basket.at < cutoff) continue;
      const set = bought.get(basket.customerId!) ?? new Set();
      basket.items.forEach((item) => set.add(item));
      bought.set(basket.customerId!, set);
    }
    for (const evaluationCase of split.cases) {
      expect(evaluationCase.heldOut).toEqual([...bought.get(evaluationCase.customerId)!].sort((a, b) => a - b));
      expect(evaluationCase.history.length).toBeGreaterThan(0);
    }
    expect(split.cases.length + split.unevaluatedCustomers).toBe(bought.size);
  });

  it('leave-last: one held-out basket per customer with two or more', () => {
    const split = splitLeaveLastBasket(members);
    const perCustomer = new Map<number, number>();
    for (const basket of members.baskets) perCustomer.set(basket.customerId!, (perCustomer.get(basket.customerId!) ?? 0) + 1);
    const repeat = [...perCustomer.values()].filter((n) => n >= 2).length;
    expect(split.testBaskets).toBe(repeat);
    expect(split.cases).toHaveLength(repeat);
    expect(split.trainBaskets).toBe(14963 - repeat);
    expect(split.unevaluatedCustomers).toBe(perCustomer.size - repeat);
  });
});

describe('metrics', () => {
  // Catalogue 1..10, product i bought i times in training: its popularity percentile is i / 10.
  const counts = new Map(Array.from({ length: 10 }, (_, index) => [index + 1, index + 1] as const));
  const percentile = popularityPercentiles(counts.keys(), counts);

  it('scores one list by hand at each k', () => {
    const metrics = new MetricsAccumulator([1, 3, 5], 10, percentile);
    metrics.add([1, 2, 3, 4, 5], new Set([2, 5, 9]));
    const ideal3 = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
    const [at1, at3, at5] = metrics.result();
    expect(at1).toMatchObject({ k: 1, precision: 0, recall: 0, hitRate: 0, ndcg: 0, map: 0, coverage: 0.1 });
    expect(at1!.popularityBias).toBeCloseTo(0.1, 12);
    expect(at3!.precision).toBeCloseTo(1 / 3, 12);
    expect(at3!.recall).toBeCloseTo(1 / 3, 12);
    expect(at3!.hitRate).toBe(1);
    expect(at3!.ndcg).toBeCloseTo(1 / Math.log2(3) / ideal3, 12);
    expect(at3!.map).toBeCloseTo(1 / 2 / 3, 12);
    expect(at3!.coverage).toBeCloseTo(0.3, 12);
    expect(at3!.popularityBias).toBeCloseTo(0.2, 12);
    expect(at5!.precision).toBeCloseTo(2 / 5, 12);
    expect(at5!.recall).toBeCloseTo(2 / 3, 12);
    expect(at5!.ndcg).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(6)) / ideal3, 12);
    expect(at5!.map).toBeCloseTo((1 / 2 + 2 / 5) / 3, 12);
    expect(at5!.coverage).toBeCloseTo(0.5, 12);
    expect(at5!.popularityBias).toBeCloseTo(0.3, 12);
  });

  it('averages over cases, does not reward short lists in precision, and counts coverage across cases', () => {
    const metrics = new MetricsAccumulator([1, 3], 10, percentile);
    metrics.add([1, 2, 3], new Set([2, 5, 9]));
    metrics.add([9], new Set([9]));
    metrics.add([4], new Set()); // nothing held out: not a case
    expect(metrics.evaluatedCases).toBe(2);
    const [at1, at3] = metrics.result();
    expect(at1).toMatchObject({ precision: 0.5, recall: 0.5, hitRate: 0.5, ndcg: 0.5, map: 0.5, coverage: 0.2 });
    expect(at1!.popularityBias).toBeCloseTo((0.1 + 0.9) / 2, 12);
    expect(at3!.precision).toBeCloseTo((1 / 3 + 1 / 3) / 2, 12);
    expect(at3!.recall).toBeCloseTo((1 / 3 + 1) / 2, 12);
    expect(at3!.hitRate).toBe(1);
    expect(at3!.ndcg).toBeCloseTo((1 / Math.log2(3) / (1 + 1 / Math.log2(3) + 0.5) + 1) / 2, 12);
    expect(at3!.map).toBeCloseTo((1 / 2 / 3 + 1) / 2, 12);
    expect(at3!.coverage).toBeCloseTo(0.4, 12);
    expect(at3!.popularityBias).toBeCloseTo((0.1 + 0.2 + 0.3 + 0.9) / 4, 12);
  });

  it('gives a perfect list 1 on every accuracy metric and zero without cases', () => {
    const metrics = new MetricsAccumulator([2, 4], 10, percentile);
    metrics.add([7, 3, 8, 1], new Set([1, 3, 7, 8]));
    const [at2, at4] = metrics.result();
    expect(at2).toMatchObject({ precision: 1, hitRate: 1, map: 1, recall: 0.5 });
    expect(at2!.ndcg).toBeCloseTo(1, 12);
    expect(at4).toMatchObject({ precision: 1, recall: 1, hitRate: 1, map: 1 });
    expect(at4!.ndcg).toBeCloseTo(1, 12);
    expect(new MetricsAccumulator([5], 10, percentile).result()).toEqual([
      { k: 5, precision: 0, recall: 0, ndcg: 0, hitRate: 0, map: 0, coverage: 0, popularityBias: 0 },
    ]);
  });

  it('ranks popularity percentiles with ties and unsold products', () => {
    const ties = popularityPercentiles([1, 2, 3, 4], new Map([[1, 5], [2, 5], [3, 0]]));
    expect([1, 2, 3, 4, 99].map(ties)).toEqual([1, 1, 0.5, 0.5, 0.5]);
  });
});


describe('sampleCases', () => {
  const cases = Array.from({ length: 1000 }, (_, index) => ({ customerId: index + 1, history: [], heldOut: [1] }));

  it('keeps every case when there are few enough', () => {
    expect(sampleCases(cases.slice(0, 10), 10)).toEqual(cases.slice(0, 10));
  });

  it('picks the same customers whatever the order, spread over the ids, in the given order', () => {
    const sample = sampleCases(cases, 100);
    expect(sample).toHaveLength(100);
    const ids = sample.map((c) => c.customerId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const reversed = sampleCases([...cases].reverse(), 100).map((c) => c.customerId);
    expect(new Set(reversed)).toEqual(new Set(ids));
    // Not simply the first or last ids: each half of the id range holds a fair share.
    const low = ids.filter((id) => id <= 500).length;
    expect(low).toBeGreaterThan(30);
    expect(low).toBeLessThan(70);
    expect(() => sampleCases(cases, 0)).toThrow(RangeError);
  });
});
