import { describe, expect, it } from 'vitest';
import { mineRules, minimumCount } from '../../src/main/domain/recommend/engine/mining';
import { frequentItemsets } from '../../src/main/domain/recommend/engine/mining/itemsets';
import type { MinedRule } from '../../src/main/domain/recommend/engine/types';
import { loadGroceryBaskets } from '../support/groceries';

/**
 * Association rules: the published arules figures on the real Groceries
 * baskets, hand-computed small cases, the support boundary, and a brute-force
 * cross-check on random baskets.
 */

const groceryNames = loadGroceryBaskets();
const idByName = new Map<string, number>();
const nameById = new Map<number, string>();
const groceries = groceryNames.map((basket) =>
  basket.map((name) => {
    let id = idByName.get(name);
    if (id === undefined) {
      id = idByName.size + 1;
      idByName.set(name, id);
      nameById.set(id, name);
    }
    return id;
  }),
);
const ruleKey = (rule: MinedRule): string => `${rule.antecedent.join('+')}=>${rule.consequent}`;
const named = (rule: MinedRule) => ({ lhs: rule.antecedent.map((id) => nameById.get(id)).sort(), rhs: nameById.get(rule.consequent) });

describe('mineRules on the Groceries baskets (published arules figures)', () => {
  it('finds exactly 410 rules at support 0.001 / confidence 0.8', () => {
    const { rules, frequentItemsets: itemsets } = mineRules(groceries, { minSupport: 0.001, minConfidence: 0.8 });
    expect(rules).toHaveLength(410);
    expect(itemsets).toBe(13492);
    expect(rules.every((rule) => rule.confidence >= 0.8 && rule.count >= 10)).toBe(true);
  });

  it('finds exactly 5,668 rules at support 0.001 / confidence 0.5', () => {
    expect(mineRules(groceries, { minSupport: 0.001, minConfidence: 0.5 }).rules).toHaveLength(5668);
  });

  it('gives the well-known rules their published support, confidence and lift', () => {
    const { rules } = mineRules(groceries, { minSupport: 0.001, minConfidence: 0.8 });
    const riceSugar = rules.find((rule) => {
      const { lhs, rhs } = named(rule);
      return rhs === 'whole milk' && lhs.join('|') === 'rice|sugar';
    });
    expect(riceSugar).toMatchObject({ count: 12, confidence: 1 });
    expect(riceSugar!.support).toBeCloseTo(0.001220132, 9);
    expect(riceSugar!.lift).toBeCloseTo(3.913649, 6);
    const topLift = [...rules].sort((a, b) => b.lift - a.lift)[0]!;
    expect(named(topLift)).toEqual({ lhs: ['liquor', 'red/blush wine'], rhs: 'bottled beer' });
    expect(topLift.count).toBe(19);
    expect(topLift.confidence).toBeCloseTo(0.9047619, 7);
    expect(topLift.lift).toBeCloseTo(11.235269, 6);
  });

  it('counts the most frequent items as published', () => {
    const sets = frequentItemsets(groceries, 1, 1);
    const top = Array.from(sets.itemIds, (id, dense) => [nameById.get(id), sets.itemCounts[dense]!] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    expect(top).toEqual([
      ['whole milk', 2513],
      ['other vegetables', 1903],
      ['rolls/buns', 1809],
      ['soda', 1715],
      ['yogurt', 1372],
    ]);
  });

  it('only loses rules as either threshold rises', () => {
    const loose = new Set(mineRules(groceries, { minSupport: 0.001, minConfidence: 0.5 }).rules.map(ruleKey));
    const higherConfidence = mineRules(groceries, { minSupport: 0.001, minConfidence: 0.8 }).rules.map(ruleKey);
    const higherSupport = mineRules(groceries, { minSupport: 0.002, minConfidence: 0.5 }).rules.map(ruleKey);
    expect(higherConfidence.length).toBeLessThan(loose.size);
    expect(higherSupport.length).toBeLessThan(loose.size);
    expect(higherConfidence.every((key) => loose.has(key))).toBe(true);
    expect(higherSupport.every((key) => loose.has(key))).toBe(true);
  });

  it('reports progress up to the total', () => {
    const calls: [number, number][] = [];
    mineRules(groceries, { minSupport: 0.01, minConfidence: 0.5, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
    expect(calls.every(([done], index) => index === 0 || done >= calls[index - 1]![0])).toBe(true);
  });
});

describe('mineRules on hand-checkable baskets', () => {
  // Counts: 1→4, 2→3, 3→3, {1,2}→2, {1,3}→2, {2,3}→2, {1,2,3}→1 of N = 5.
  const small = [[1, 2, 3], [1, 2], [1, 3], [2, 3], [1]];

  it('computes support, confidence and lift of each rule', () => {
    const { rules, frequentItemsets: itemsets } = mineRules(small, { minSupport: 0.4, minConfidence: 0 });
    expect(itemsets).toBe(6);
    const byKey = new Map(rules.map((rule) => [ruleKey(rule), rule]));
    expect([...byKey.keys()].sort()).toEqual(['1=>2', '1=>3', '2=>1', '2=>3', '3=>1', '3=>2']);
    expect(byKey.get('1=>2')).toMatchObject({ count: 2, support: 0.4, confidence: 0.5 });
    expect(byKey.get('1=>2')!.lift).toBeCloseTo(0.5 / 0.6, 12);
    expect(byKey.get('2=>1')!.confidence).toBeCloseTo(2 / 3, 12);
    expect(byKey.get('2=>1')!.lift).toBeCloseTo(2 / 3 / 0.8, 12);
    expect(byKey.get('2=>3')!.lift).toBeCloseTo(2 / 3 / 0.6, 12);
  });

  it('keeps a rule whose confidence equals the minimum and drops one below it', () => {
    const rules = mineRules(small, { minSupport: 0.4, minConfidence: 2 / 3 }).rules.map(ruleKey).sort();
    expect(rules).toEqual(['2=>1', '2=>3', '3=>1', '3=>2']);
  });

  it('mines rules with two items on the left, and respects maxLength', () => {
    const all = mineRules(small, { minSupport: 0.2, minConfidence: 0.5 });
    expect(all.frequentItemsets).toBe(7);
    const triple = all.rules.filter((rule) => rule.antecedent.length === 2);
    expect(triple.map(ruleKey).sort()).toEqual(['1+2=>3', '1+3=>2', '2+3=>1']);
    expect(triple.find((rule) => rule.consequent === 1)!.lift).toBeCloseTo(0.5 / 0.8, 12);
    const pairsOnly = mineRules(small, { minSupport: 0.2, minConfidence: 0.5, maxLength: 2 });
    expect(pairsOnly.frequentItemsets).toBe(6);
    expect(pairsOnly.rules.every((rule) => rule.antecedent.length === 1)).toBe(true);
  });

  it('counts repeats in a basket once and empty baskets towards N', () => {
    const { rules } = mineRules([[1, 1, 2], [1, 2, 2], [], []], { minSupport: 0.5, minConfidence: 0 });
    expect(rules.map((rule) => [ruleKey(rule), rule.count, rule.support, rule.lift])).toEqual([
      ['1=>2', 2, 0.5, 2],
      ['2=>1', 2, 0.5, 2],
    ]);
    expect(mineRules([], { minSupport: 0.1, minConfidence: 0.1 })).toEqual({ rules: [], frequentItemsets: 0 });
  });

  it('refuses thresholds out of range', () => {
    expect(() => mineRules(small, { minSupport: 0, minConfidence: 0.5 })).toThrow(RangeError);
    expect(() => mineRules(small, { minSupport: 0.1, minConfidence: 1.5 })).toThrow(RangeError);
  });
});

describe('minimumCount (an itemset counts when count / N ≥ minSupport)', () => {
  it('includes counts exactly at the threshold, whatever the multiplication rounds to', () => {
    expect(minimumCount(0.001, 9835)).toBe(10);
    expect(minimumCount(0.3, 10)).toBe(3); // 0.3 × 10 = 3.0000000000000004
    expect(minimumCount(0.7, 10)).toBe(7); // 0.7 × 10 = 7.000000000000001
    expect(minimumCount(0.001, 1000)).toBe(1);
    expect(minimumCount(0.0000001, 10)).toBe(1);
    expect(minimumCount(1, 7)).toBe(7);
  });
});

describe('mineRules against brute force on random baskets', () => {
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  function bruteForce(baskets: number[][], minCount: number, minConfidence: number): Map<string, MinedRule> {
    const counts = new Map<string, number>();
    for (const basket of baskets) {
      const items = [...new Set(basket)].sort((a, b) => a - b);
      for (let mask = 1; mask < 1 << items.length; mask += 1) {
        const key = items.filter((_, index) => mask & (1 << index)).join(',');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const rules = new Map<string, MinedRule>();
    for (const [key, count] of counts) {
      const items = key.split(',').map(Number);
      if (count < minCount || items.length < 2) continue;
      for (const consequent of items) {
        const antecedent = items.filter((item) => item !== consequent);
        const confidence = count / counts.get(antecedent.join(','))!;
        if (confidence < minConfidence) continue;
        const lift = confidence / (counts.get(String(consequent))! / baskets.length);
        rules.set(`${antecedent.join('+')}=>${consequent}`, { antecedent, consequent, support: count / baskets.length, confidence, lift, count });
      }
    }
    return rules;
  }

  it.each([1, 2, 3])('agrees exactly with enumerating every subset (seed %i)', (seed) => {
    const next = random(seed);
    const baskets = Array.from({ length: 400 }, () =>
      Array.from({ length: 1 + Math.floor(next() * 7) }, () => 1 + Math.floor(next() * next() * 25)),
    );
    const expected = bruteForce(baskets, 4, 0.3);
    const { rules } = mineRules(baskets, { minSupport: 0.01, minConfidence: 0.3 });
    expect(expected.size).toBeGreaterThan(20);
    expect(new Map(rules.map((rule) => [ruleKey(rule), rule]))).toEqual(expected);
    // The path for catalogues too large for pair counters finds the same itemsets.
    expect(frequentItemsets(baskets, 4, 10, undefined, 0).total).toBe(frequentItemsets(baskets, 4, 10).total);
  });
});
