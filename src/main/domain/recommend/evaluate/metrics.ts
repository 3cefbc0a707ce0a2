import type { RecsMetricsAtK } from '../../../../shared/contract/recs';

/**
 * Top-k accuracy of recommendation lists against held-out purchases, with
 * binary relevance (a product is relevant when the customer bought it in the
 * held-out baskets). For one case with list L and relevant set R:
 *   precision@k = hits in L[0..k) / k   (a list shorter than k is not rewarded)
 *   recall@k    = hits / |R|
 *   hit rate@k  = 1 when there is at least one hit
 *   NDCG@k      = Σ over hits at rank r (from 1) of 1 / log2(r + 1), divided by
 *                 the same sum for a perfect list: ranks 1..min(k, |R|)
 *   AP@k        = Σ over hits at rank r of precision@r, / min(k, |R|)  (MAP = mean AP)
 * averaged over the cases. Across all cases:
 *   coverage@k        = distinct products in any top-k / catalogue size
 *   popularity bias@k = mean popularity percentile of the recommended slots,
 *                       where a product's percentile is the share of the
 *                       catalogue bought at most as often in training (the
 *                       best seller scores 1).
 */
export class MetricsAccumulator {
  private readonly ks: readonly number[];
  private readonly sums: { precision: number; recall: number; ndcg: number; hitRate: number; map: number; bias: number; slots: number }[];
  /** Product → the best (smallest) rank at which any case was offered it. */
  private readonly bestRank = new Map<number, number>();
  private cases = 0;

  constructor(
    ks: readonly number[],
    private readonly catalogSize: number,
    private readonly percentile: (productId: number) => number,
  ) {
    this.ks = [...ks];
    this.sums = this.ks.map(() => ({ precision: 0, recall: 0, ndcg: 0, hitRate: 0, map: 0, bias: 0, slots: 0 }));
  }

  /** Scores one case: `list` best first (only the first max(ks) are read), `relevant` non-empty. */
  add(list: readonly number[], relevant: ReadonlySet<number>): void {
    if (relevant.size === 0) return;
    this.cases += 1;
    const maxK = Math.max(...this.ks);
    const length = Math.min(list.length, maxK);
    // Running totals by rank, read off at each k.
    const hitsUpTo = new Int32Array(length + 1);
    const dcgUpTo = new Float64Array(length + 1);
    const apUpTo = new Float64Array(length + 1);
    const biasUpTo = new Float64Array(length + 1);
    for (let rank = 0; rank < length; rank += 1) {
      const productId = list[rank]!;
      const hit = relevant.has(productId);
      hitsUpTo[rank + 1] = hitsUpTo[rank]! + (hit ? 1 : 0);
      dcgUpTo[rank + 1] = dcgUpTo[rank]! + (hit ? 1 / Math.log2(rank + 2) : 0);
      apUpTo[rank + 1] = apUpTo[rank]! + (hit ? hitsUpTo[rank + 1]! / (rank + 1) : 0);
      biasUpTo[rank + 1] = biasUpTo[rank]! + this.percentile(productId);
      const best = this.bestRank.get(productId);
      if (best === undefined || rank < best) this.bestRank.set(productId, rank);
    }
    this.ks.forEach((k, index) => {
      const upTo = Math.min(k, length);
      const hits = hitsUpTo[upTo]!;
      const ideal = Math.min(k, relevant.size);
      const sum = this.sums[index]!;
      sum.precision += hits / k;
      sum.recall += hits / relevant.size;
      sum.hitRate += hits > 0 ? 1 : 0;
      sum.ndcg += dcgUpTo[upTo]! / idealDcg(ideal);
      sum.map += apUpTo[upTo]! / ideal;
      sum.bias += biasUpTo[upTo]!;
      sum.slots += upTo;
    });
  }

  /** The averages at each k, in the order the ks were given; all zero without cases. */
  result(): RecsMetricsAtK[] {
    return this.ks.map((k, index) => {
      const sum = this.sums[index]!;
      const cases = this.cases || 1;
      let covered = 0;
      for (const rank of this.bestRank.values()) if (rank < k) covered += 1;
      return {
        k,
        precision: sum.precision / cases,
        recall: sum.recall / cases,
        ndcg: sum.ndcg / cases,
        hitRate: sum.hitRate / cases,
        map: sum.map / cases,
        coverage: this.catalogSize > 0 ? covered / this.catalogSize : 0,
        popularityBias: sum.slots > 0 ? sum.bias / sum.slots : 0,
      };
    });
  }

  get evaluatedCases(): number {
    return this.cases;
  }
}

const idealCache: number[] = [0];
/** DCG of a perfect list with `relevant` hits at the top. */
function idealDcg(relevant: number): number {
  for (let n = idealCache.length; n <= relevant; n += 1) idealCache[n] = idealCache[n - 1]! + 1 / Math.log2(n + 1);
  return idealCache[relevant]!;
}

/**
 * Product id → popularity percentile in (0, 1]: the share of catalogue
 * products whose training count is at most this product's. Products outside
 * the catalogue are placed by their count among the catalogue's.
 */
export function popularityPercentiles(
  catalogIds: Iterable<number>,
  trainCounts: ReadonlyMap<number, number>,
): (productId: number) => number {
  const counts = Float64Array.from(catalogIds, (id) => trainCounts.get(id) ?? 0).sort();
  const cache = new Map<number, number>();
  return (productId) => {
    let value = cache.get(productId);
    if (value === undefined) {
      value = counts.length > 0 ? upperBound(counts, trainCounts.get(productId) ?? 0) / counts.length : 0;
      cache.set(productId, value);
    }
    return value;
  };
}

/** How many of the ascending `values` are ≤ `x`. */
function upperBound(values: Float64Array, x: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= x) low = middle + 1;
    else high = middle;
  }
  return low;
}
