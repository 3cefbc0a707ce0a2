import { describe, expect, it } from 'vitest';
import { trainModel } from '../../src/main/domain/recommend/engine';
import type { TrainingData } from '../../src/main/domain/recommend/engine/types';
import { evaluateModel, splitByTime } from '../../src/main/domain/recommend/evaluate';
import {
  GROCERIES_CUTOFF, GROCERIES_TUNED_CONFIG, GROCERIES_VALIDATION_CUTOFF,
} from '../../src/main/domain/recommend/engine/presets';
import type { RecsConfig, RecsMetricsAtK } from '../../src/shared/contract/recs';
import { loadGroceryMembers } from '../support/groceries';

/**
 * The quality check on real baskets (groceries_members.csv: 3,898
 * members, 14,963 member-day baskets, 2014-01-01 … 2015-12-30).
 *
 * Split: train on the baskets before 2015-10-01, test each returning member
 * on what they bought from then on — the last quarter held out (a merchant's
 * natural review period), 21 months to learn from, and the trending window
 * ends where the training data ends, as it would in the shop.
 *
 * Tuning was done without the held-out quarter: on two validation windows
 * inside the training period (train before 2015-04-01 and before 2015-07-01,
 * test up to 2015-10-01), over cf 0…0.5, trending 0…2 and its window 14…365
 * days, shrinkage 0…100, history half-life none/90/365 and exclude-purchased.
 * What the data said there, and the config (engine/presets.ts) follows:
 *  - a member's own history carries no signal in this data set: a product
 *    bought before is as likely to be bought in the test window as one never
 *    bought (e.g. 24.8% vs 23.9% for the top seller), so repurchase and
 *    co-purchase neighbours stay a light touch (cf 0.1) and exclude-purchased
 *    is off (it lowered both lists: groceries are rebought);
 *  - what moves is the catalogue's recent demand: trending (60 days, weight 2
 *    next to popularity 1) was the largest and steadiest gain on both windows.
 */
const TUNED: RecsConfig = GROCERIES_TUNED_CONFIG;
const CUTOFF = GROCERIES_CUTOFF;
const VALIDATION_CUTOFF = GROCERIES_VALIDATION_CUTOFF;

const groceries = loadGroceryMembers();
const catalog = new Map(groceries.catalog.map((c) => [c.id, c]));
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);

function evaluateAt(data: TrainingData, cutoff: string) {
  const split = splitByTime(data, utc(cutoff));
  const model = trainModel(split.train, { halfLifeDays: TUNED.cf.halfLifeDays, trendingDays: TUNED.trendingDays });
  const options = { now: split.cutoff!, trainCounts: split.trainCounts };
  const results = evaluateModel(model, catalog, TUNED, split.cases, [10], options);
  // The same evaluation case by case: the paired differences tell a real gap from noise.
  const perCase = split.cases.map((evaluationCase) => {
    const one = evaluateModel(model, catalog, TUNED, [evaluationCase], [10], options);
    return { ndcg: one.candidate[0]!.ndcg - one.popularity[0]!.ndcg, recall: one.candidate[0]!.recall - one.popularity[0]!.recall };
  });
  return {
    split, hybrid: results.candidate[0]!, popularity: results.popularity[0]!,
    ndcgGap: pairedGap(perCase.map((d) => d.ndcg)), recallGap: pairedGap(perCase.map((d) => d.recall)),
  };
}

/** Mean of paired differences and its standard error. */
function pairedGap(differences: number[]): { mean: number; standardError: number } {
  const n = differences.length;
  const mean = differences.reduce((a, b) => a + b, 0) / n;
  const variance = differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}

const figures = (m: RecsMetricsAtK) =>
  `precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  NDCG ${m.ndcg.toFixed(4)}  ` +
  `hit rate ${m.hitRate.toFixed(4)}  MAP ${m.map.toFixed(4)}  coverage ${m.coverage.toFixed(3)}  popularity bias ${m.popularityBias.toFixed(3)}`;

const gap = (g: { mean: number; standardError: number }) =>
  `${g.mean >= 0 ? '+' : ''}${g.mean.toFixed(4)} ± ${g.standardError.toFixed(4)} (z = ${(g.mean / g.standardError).toFixed(2)})`;

function report(title: string, run: ReturnType<typeof evaluateAt>): void {
  const { split } = run;
  console.log(
    [
      `${title}: train before ${new Date(split.cutoff!).toISOString().slice(0, 10)}, ` +
        `${split.trainBaskets} training baskets, ${split.testBaskets} test baskets, ${split.cases.length} members evaluated ` +
        `(${split.unevaluatedCustomers} with no training history not evaluated), k = 10`,
      `  hybrid     @10: ${figures(run.hybrid)}`,
      `  popularity @10: ${figures(run.popularity)}`,
      `  hybrid − popularity (paired over members): NDCG@10 ${gap(run.ndcgGap)}, recall@10 ${gap(run.recallGap)}`,
    ].join('\n'),
  );
}

describe('groceries_members.csv: tuned hybrid against popularity', () => {
  it('beats popularity on NDCG@10 and recall@10 on the validation window it was tuned on', () => {
    const beforeTest = { catalog: groceries.catalog, baskets: groceries.baskets.filter((b) => b.at < utc(CUTOFF)) };
    const run = evaluateAt(beforeTest, VALIDATION_CUTOFF);
    report('validation (tuning window, before the held-out quarter)', run);
    expect(run.hybrid.ndcg).toBeGreaterThan(run.popularity.ndcg);
    expect(run.hybrid.recall).toBeGreaterThan(run.popularity.recall);
  });

  /**
   * NOT the "beats": on the held-out quarter the tuned hybrid and
   * popularity are level (see the printed figures: the gap is a fraction of
   * its standard error). This data set's member histories do not predict
   * their later baskets, and the recent-demand shift seen in the tuning
   * windows did not carry into the last quarter. What is asserted is what
   * holds and would catch a broken engine: the hybrid is not significantly
   * worse than its own baseline (a gap above −2 standard errors).
   */
  it('on the held-out quarter: prints every figure; the hybrid is level with popularity, not worse', () => {
    const run = evaluateAt({ catalog: groceries.catalog, baskets: groceries.baskets }, CUTOFF);
    report('held-out quarter', run);
    expect(run.split.cases.length).toBeGreaterThan(1000);
    expect(run.ndcgGap.mean).toBeGreaterThan(-2 * run.ndcgGap.standardError);
    expect(run.recallGap.mean).toBeGreaterThan(-2 * run.recallGap.standardError);
  });
});
