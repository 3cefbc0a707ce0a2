import type { EvaluationCase } from './split';

/**
 * Enough cases for figures that do not move in the second decimal: at 20,000
 * cases the standard error of a hit rate near 0.5 is about 0.0035. A big
 * store has far more returning customers than that, and each case costs two
 * engine lists, so the core may evaluate a sample and say so.
 */
export const DEFAULT_MAX_CASES = 20_000;

/**
 * At most `max` cases, chosen by a hash of the customer id: the same
 * customers whatever order the cases come in and however often it runs, and
 * spread over the whole customer base rather than its oldest or newest ids.
 * Returned in the cases' own order; all of them when there are no more than `max`.
 */
export function sampleCases(cases: readonly EvaluationCase[], max: number = DEFAULT_MAX_CASES): EvaluationCase[] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('A sample holds at least 1 case.');
  if (cases.length <= max) return [...cases];
  const chosen = new Set(
    cases
      .map((evaluationCase, index) => ({ index, key: mix32(evaluationCase.customerId), customerId: evaluationCase.customerId }))
      .sort((a, b) => a.key - b.key || a.customerId - b.customerId || a.index - b.index)
      .slice(0, max)
      .map((entry) => entry.index),
  );
  return cases.filter((_, index) => chosen.has(index));
}

/** A 32-bit integer hash (lowbias32): nearby ids land far apart. */
function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}
