import type { ArmComparison } from '../../../../shared/contract';

/**
 * The intervals of the campaign report, large-sample (normal) ones:
 * - a rate (share of members who bought): difference of two proportions, Wald
 *   interval with the unpooled standard error sqrt(p1(1−p1)/n1 + p0(1−p0)/n0);
 * - a per-customer mean (revenue, orders; non-buyers count as 0): difference
 *   of means with Welch's standard error sqrt(s1²/n1 + s0²/n0), s² the sample
 *   variance (n − 1), and the normal quantile rather than Student's t, since
 *   the arms a merchant compares are hundreds of customers or more (smaller
 *   ones get a caveat).
 */
export const NORMAL_QUANTILES: Record<0.9 | 0.95 | 0.99, number> = {
  // Two-sided: z such that P(|Z| <= z) is the confidence.
  0.9: 1.6448536269514722,
  0.95: 1.959963984540054,
  0.99: 2.5758293035489004,
};

export function normalQuantile(confidence: number): number {
  const z = NORMAL_QUANTILES[confidence as keyof typeof NORMAL_QUANTILES];
  if (z === undefined) throw new RangeError(`No quantile for confidence ${confidence}.`);
  return z;
}

/** One arm's per-customer values, summarised: n, the sum, and the sum of squared deviations from the mean. */
export interface ArmMoments {
  n: number;
  mean: number;
  /** Sample variance (n − 1 in the denominator); 0 for fewer than two customers. */
  variance: number;
}

/**
 * Moments of n values of which only `nonZero` are listed (the rest are 0):
 * two passes over the listed ones, the zeros added in closed form.
 */
export function momentsWithZeros(n: number, nonZero: readonly number[]): ArmMoments {
  if (n === 0) return { n: 0, mean: 0, variance: 0 };
  let sum = 0;
  for (const value of nonZero) sum += value;
  const mean = sum / n;
  let squares = (n - nonZero.length) * mean * mean;
  for (const value of nonZero) squares += (value - mean) * (value - mean);
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

function comparison(metric: ArmComparison['metric'], treatment: number, holdout: number, se: number, z: number): ArmComparison {
  const difference = treatment - holdout;
  const low = difference - z * se;
  const high = difference + z * se;
  return { metric, treatment, holdout, difference, low, high, significant: low > 0 || high < 0 };
}

export function compareProportions(
  treatment: { successes: number; n: number },
  holdout: { successes: number; n: number },
  z: number,
): ArmComparison {
  const p1 = treatment.successes / treatment.n;
  const p0 = holdout.successes / holdout.n;
  const se = Math.sqrt((p1 * (1 - p1)) / treatment.n + (p0 * (1 - p0)) / holdout.n);
  return comparison('repeatRate', p1, p0, se, z);
}

export function compareMeans(
  metric: 'revenuePerCustomer' | 'ordersPerCustomer',
  treatment: ArmMoments,
  holdout: ArmMoments,
  z: number,
): ArmComparison {
  const se = Math.sqrt(treatment.variance / treatment.n + holdout.variance / holdout.n);
  return comparison(metric, treatment.mean, holdout.mean, se, z);
}
