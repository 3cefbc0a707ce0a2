/**
 * Percentiles of whole days from a histogram (rollup_delivery_days rows summed
 * over the range), by the nearest-rank method: the p-th percentile is the
 * smallest number of days whose cumulative count reaches p% of all shipments.
 * Null when the histogram is empty.
 */
export function histogramPercentile(histogram: readonly { days: number; count: number }[], percent: number): number | null {
  const sorted = [...histogram].filter((bucket) => bucket.count > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * total));
  let cumulative = 0;
  for (const bucket of sorted) {
    cumulative += bucket.count;
    if (cumulative >= rank) return bucket.days;
  }
  return sorted[sorted.length - 1]!.days;
}
