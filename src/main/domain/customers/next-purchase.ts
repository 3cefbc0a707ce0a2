import type { NextPurchaseWindow } from '../../../shared/contract';

/**
 * When a customer is likely to buy next, from their own rhythm: the gaps
 * between consecutive orders, their median and quartiles (linear
 * interpolation). Expected: the last order plus the median gap; the window
 * runs from the last order plus the first quartile to plus the third (the
 * middle half of their gaps, i.e. the median give or take about half the
 * interquartile range). Null with fewer than two orders: one order has no rhythm.
 */
const DAY_MS = 86_400_000;

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lower = Math.floor(pos);
  const upper = Math.ceil(pos);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (pos - lower);
}

/** `placedAt` ascending. */
export function nextPurchaseWindow(placedAt: readonly string[]): NextPurchaseWindow | null {
  if (placedAt.length < 2) return null;
  const times = placedAt.map((t) => Date.parse(t));
  const gaps = times.slice(1).map((t, i) => t - times[i]!).sort((a, b) => a - b);
  const last = times[times.length - 1]!;
  const median = quantile(gaps, 0.5);
  const at = (ms: number) => new Date(Math.round(last + ms)).toISOString();
  return {
    expectedAt: at(median),
    earliestAt: at(quantile(gaps, 0.25)),
    latestAt: at(quantile(gaps, 0.75)),
    medianGapDays: Math.round((median / DAY_MS) * 10) / 10,
    basedOnGaps: gaps.length,
  };
}
