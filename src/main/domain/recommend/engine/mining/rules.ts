import type { MinedRule } from '../types';
import { findItemset, type FrequentItemsets, type ItemsetNode } from './itemsets';

/**
 * Rules X ⇒ y with one item on the right from every frequent itemset S of
 * size ≥ 2 (X = S \ {y}, never empty: arules lists {} ⇒ y only with minlen=1
 * and the published groceries figures leave them out):
 *   support = count(S) / N, confidence = count(S) / count(X),
 *   lift = confidence / (count(y) / N).
 * Every subset of a frequent itemset is frequent, so count(X) is always in
 * the trie. Confidence is compared as the division itself: with integer
 * counts, a ratio that equals the threshold rounds to the same double as the
 * threshold, and one below it is farther below than a rounding step.
 */
export function rulesFromItemsets(sets: FrequentItemsets, basketCount: number, minConfidence: number): MinedRule[] {
  const rules: MinedRule[] = [];
  const path: number[] = [];
  const antecedent = new Int32Array(16);

  const visit = (node: ItemsetNode): void => {
    if (path.length >= 2) {
      for (let drop = 0; drop < path.length; drop += 1) {
        let n = 0;
        for (let index = 0; index < path.length; index += 1) if (index !== drop) antecedent[n++] = path[index]!;
        const lhs = findItemset(sets.root, antecedent.subarray(0, n));
        if (!lhs) throw new Error('mining: a subset of a frequent itemset is missing');
        const confidence = node.count / lhs.count;
        if (confidence < minConfidence) continue;
        const consequent = path[drop]!;
        rules.push({
          antecedent: Array.from(antecedent.subarray(0, n), (dense) => sets.itemIds[dense]!).sort((a, b) => a - b),
          consequent: sets.itemIds[consequent]!,
          support: node.count / basketCount,
          confidence,
          lift: confidence / (sets.itemCounts[consequent]! / basketCount),
          count: node.count,
        });
      }
    }
    if (!node.children) return;
    for (const [item, child] of node.children) {
      path.push(item);
      visit(child);
      path.pop();
    }
  };
  visit(sets.root);
  return rules.sort(compareRules);
}

/** Strongest first: confidence, then lift, then support; ties by the items, so the order is stable. */
function compareRules(a: MinedRule, b: MinedRule): number {
  return (
    b.confidence - a.confidence ||
    b.lift - a.lift ||
    b.count - a.count ||
    a.antecedent.length - b.antecedent.length ||
    compareIds(a.antecedent, b.antecedent) ||
    a.consequent - b.consequent
  );
}

function compareIds(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const difference = a[index]! - b[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}
