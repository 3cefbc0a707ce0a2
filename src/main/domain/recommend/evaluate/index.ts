import type { RecsConfig, RecsMetricsAtK } from '../../../../shared/contract/recs';
import { forCustomer, type RecsModel } from '../engine';
import type { CatalogItem } from '../engine/types';
import { MetricsAccumulator, popularityPercentiles } from './metrics';

export type { EvaluationCase, SplitResult } from './split';
export { countItems, splitByTime, splitLeaveLastBasket } from './split';
export { describeSplit, splitSentence, type SplitFacts } from './describe';
export { MetricsAccumulator, popularityPercentiles } from './metrics';
export { DEFAULT_MAX_CASES, sampleCases } from './sample';

import type { EvaluationCase } from './split';

export interface EvaluateOptions {
  /** Epoch ms the lists are made "as of" (trending, recency): the cut-off for a time split. */
  now?: number;
  /** Called every ~1% of the cases: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Product id → training baskets holding it (SplitResult.trainCounts), for
   * the popularity-bias metric. Without it, the evaluated customers' own
   * training purchases stand in (a sample of the same training data).
   */
  trainCounts?: ReadonlyMap<number, number>;
}

/**
 * Scores a trained model on held-out cases: each case's "for you" list (as
 * the engine makes it, of max(ks) products, from the customer's training
 * history) against the products they went on to buy.
 *
 * The popularity baseline is always computed on the same cases: the same
 * configuration with popularity as the only source (no boosts, pins or
 * diversity), keeping the candidate's filters, exclude-purchased included, so
 * both are judged under the same rules of what may be shown; otherwise
 * the baseline would be marked down (or up) for a rule rather than for its
 * ranking.
 */
export function evaluateModel(
  model: RecsModel,
  catalog: ReadonlyMap<number, CatalogItem>,
  config: RecsConfig,
  cases: readonly EvaluationCase[],
  ks: readonly number[],
  options: EvaluateOptions = {},
): { candidate: RecsMetricsAtK[]; popularity: RecsMetricsAtK[] } {
  if (ks.length === 0 || ks.some((k) => !Number.isInteger(k) || k < 1)) {
    throw new RangeError('Each k must be a whole number of at least 1.');
  }
  const maxK = Math.max(...ks);
  const now = options.now ?? Date.now();
  const percentile = popularityPercentiles(catalog.keys(), options.trainCounts ?? countsFromHistories(cases));
  const candidateConfig: RecsConfig = { ...config, k: maxK };
  const baselineConfig = popularityOnly(config, maxK);
  const candidate = new MetricsAccumulator(ks, catalog.size, percentile);
  const popularity = new MetricsAccumulator(ks, catalog.size, percentile);

  const total = cases.length;
  const step = Math.max(1, Math.floor(total / 100));
  options.onProgress?.(0, total);
  cases.forEach((evaluationCase, index) => {
    const relevant = new Set(evaluationCase.heldOut);
    const listOptions = { personalized: true, now };
    candidate.add(ids(forCustomer(model, catalog, candidateConfig, evaluationCase.history, listOptions)), relevant);
    popularity.add(ids(forCustomer(model, catalog, baselineConfig, evaluationCase.history, listOptions)), relevant);
    if ((index + 1) % step === 0 || index + 1 === total) options.onProgress?.(index + 1, total);
  });
  return { candidate: candidate.result(), popularity: popularity.result() };
}

/** The baseline's configuration: all-time popularity only, the candidate's filters, nothing else. */
export function popularityOnly(config: RecsConfig, k: number): RecsConfig {
  return {
    ...config,
    weights: { cf: 0, rules: 0, content: 0, popularity: 1, trending: 0 },
    filters: { ...config.filters },
    boosts: [],
    pins: [],
    diversityLambda: 1,
    k,
  };
}

function ids(items: readonly { productId: number }[]): number[] {
  return items.map((item) => item.productId);
}

function countsFromHistories(cases: readonly EvaluationCase[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const evaluationCase of cases) {
    for (const item of evaluationCase.history) counts.set(item.productId, (counts.get(item.productId) ?? 0) + item.times);
  }
  return counts;
}
