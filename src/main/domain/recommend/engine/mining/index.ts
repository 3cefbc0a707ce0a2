import type { MinedRule } from '../types';
import { frequentItemsets } from './itemsets';
import { rulesFromItemsets } from './rules';

export type { MinedRule };

export interface MineOptions {
  /** Share of baskets an itemset must appear in, 0 < minSupport ≤ 1. */
  minSupport: number;
  /** Share of the antecedent's baskets that also hold the consequent, 0 ≤ minConfidence ≤ 1. */
  minConfidence: number;
  /** Largest itemset (antecedent plus consequent); 10 by default, as in arules' apriori. */
  maxLength?: number;
  /** Called after each frequent item's branch of the search: (done, total) items. */
  onProgress?: (done: number, total: number) => void;
}

/** arules' apriori default: itemsets of at most 10 items. */
export const DEFAULT_MAX_LENGTH = 10;

/**
 * Association rules from baskets (each a list of product ids; repeats within
 * a basket count once, empty baskets count towards N as arules counts them).
 *
 * An itemset is frequent when count / N ≥ minSupport, compared exactly as
 * that division (see minimumCount), so 0.001 of 9,835 baskets means 10.
 * This reproduces the published groceries figures: 410 rules at
 * 0.001 / 0.8 and 5,668 at 0.001 / 0.5.
 */
export function mineRules(
  baskets: readonly (readonly number[])[],
  options: MineOptions,
): { rules: MinedRule[]; frequentItemsets: number } {
  const { minSupport, minConfidence } = options;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!(minSupport > 0 && minSupport <= 1)) throw new RangeError('The minimum support must be above 0 and at most 1.');
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new RangeError('The minimum confidence must be between 0 and 1.');
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError('The longest itemset must hold at least 1 item.');
  if (baskets.length === 0) {
    options.onProgress?.(0, 0);
    return { rules: [], frequentItemsets: 0 };
  }
  const sets = frequentItemsets(baskets, minimumCount(minSupport, baskets.length), maxLength, options.onProgress);
  return { rules: rulesFromItemsets(sets, baskets.length, minConfidence), frequentItemsets: sets.total };
}

/**
 * The smallest basket count c with c / N ≥ minSupport as doubles (never
 * below 1). ceil(minSupport × N) is the first guess; the multiplication can
 * round either way, so step until the division agrees.
 */
export function minimumCount(minSupport: number, basketCount: number): number {
  let count = Math.max(1, Math.ceil(minSupport * basketCount));
  while (count > 1 && (count - 1) / basketCount >= minSupport) count -= 1;
  while (count / basketCount < minSupport) count += 1;
  return count;
}
