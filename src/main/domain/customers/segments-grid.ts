import type { CustomerSegment } from '../../../shared/contract';

/**
 * RFM segments from the scores, as data. This is the widely used R × F
 * segment map (champions 5[4-5], loyal [3-4][4-5], potential loyalists
 * [4-5][2-3], new 51, promising 41, need attention 33, about to sleep
 * 3[1-2], at risk [1-2][3-4], can't lose [1-2]5, hibernating [1-2][1-2]),
 * read with FM = round((F + M) / 2) in place of F so that big spenders count,
 * and folded to the eight segments the merchant sees:
 *   promising → potential, need attention → at risk, about to sleep → hibernating,
 *   and the hibernating corner split by recency: R = 1 is lost.
 * Row = R score (index 0 is R = 1), column = FM score (index 0 is FM = 1).
 */
export const RFM_SEGMENT_GRID: readonly (readonly CustomerSegment[])[] = [
  /* R=1 */ ['lost', 'lost', 'atRisk', 'atRisk', 'cantLose'],
  /* R=2 */ ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLose'],
  /* R=3 */ ['hibernating', 'hibernating', 'atRisk', 'loyal', 'loyal'],
  /* R=4 */ ['potential', 'potential', 'potential', 'loyal', 'loyal'],
  /* R=5 */ ['new', 'potential', 'potential', 'champions', 'champions'],
];

export function segmentOf(r: number, f: number, m: number): CustomerSegment {
  const fm = Math.floor((f + m + 1) / 2);
  return RFM_SEGMENT_GRID[r - 1]![fm - 1]!;
}

/** The grid as one SQL CASE over columns r, f, m (same rounding as segmentOf). */
export function segmentCaseSql(r: string, f: string, m: string): string {
  const arms: string[] = [];
  RFM_SEGMENT_GRID.forEach((row, ri) =>
    row.forEach((segment, fi) => arms.push(`WHEN ${(ri + 1) * 10 + fi + 1} THEN '${segment}'`)),
  );
  return `CASE ${r} * 10 + ((${f} + ${m} + 1) / 2) ${arms.join(' ')} END`;
}
