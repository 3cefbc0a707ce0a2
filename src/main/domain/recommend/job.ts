import type { RecsConfig, RecsMetricsAtK } from '../../../shared/contract/recs';
import type { Sqlite } from '../../db/connection';
import { loadTrainingData } from './data';
import { modelFacts, serializeModel, trainModel } from './engine';
import { describeSplit, evaluateModel, splitByTime, splitLeaveLastBasket, splitSentence } from './evaluate';
import { mineRules } from './engine/mining';
import type { MinedRule } from './engine/types';

/**
 * The heavy half of training and evaluation: read the orders, train, and (for
 * an evaluation) split and score. Pure over a read connection, so the same
 * function runs in the recs worker thread (file databases) and in the core's
 * thread (':memory:' databases in unit tests). The core writes the results.
 */
export type JobRequest =
  | { kind: 'train'; halfLifeDays: number | null; trendingDays: number }
  | {
      kind: 'evaluate';
      config: RecsConfig;
      split: { kind: 'time'; cutoff: string } | { kind: 'leave_last' };
      ks: number[];
      /** Epoch ms: "now" for trending and recency in the evaluation. */
      now: number;
    }
  | { kind: 'mine'; minSupport: number; minConfidence: number; minLift: number; sort: 'lift' | 'confidence' | 'support'; limit: number };

export interface TrainResult {
  kind: 'train';
  model: Uint8Array;
  orders: number;
  products: number;
  customers: number;
  dataFrom: string | null;
  dataTo: string | null;
}

export interface EvaluateResult {
  kind: 'evaluate';
  candidate: RecsMetricsAtK[];
  popularity: RecsMetricsAtK[];
  trainOrders: number;
  testCases: number;
  testBaskets: number;
  dataFrom: string | null;
  dataTo: string | null;
  cutoff: string | null;
  /** The split in an English sentence (RecsExperiment.splitDescription). */
  splitDescription: string;
}

export interface MineResult {
  kind: 'mine';
  baskets: number;
  /** Rules meeting every threshold; `rules` holds the first `limit` of them in the asked order. */
  total: number;
  rules: MinedRule[];
}

export type JobResult = TrainResult | EvaluateResult | MineResult;

export type JobProgress = (phase: string, done: number, total: number | null) => void;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function runJob(sqlite: Sqlite, request: JobRequest, progress: JobProgress): JobResult {
  progress('loading', 0, null);
  const data = loadTrainingData(sqlite);
  progress('loading', data.baskets.length, data.baskets.length);
  if (request.kind === 'mine') return mine(data.baskets.map((basket) => basket.items), request, progress);
  if (request.kind === 'train') {
    const model = trainModel(data, {
      halfLifeDays: request.halfLifeDays,
      trendingDays: request.trendingDays,
      onProgress: progress,
    });
    const facts = modelFacts(model);
    return {
      kind: 'train',
      model: serializeModel(model),
      orders: facts.baskets,
      products: facts.products,
      customers: facts.customers,
      dataFrom: iso(facts.dataFrom),
      dataTo: iso(facts.dataTo),
    };
  }
  const split = request.split.kind === 'time'
    ? splitByTime(data, Date.parse(`${request.split.cutoff}T00:00:00.000Z`))
    : splitLeaveLastBasket(data);
  progress('training', 0, null);
  const model = trainModel(split.train, {
    halfLifeDays: request.config.cf.halfLifeDays,
    trendingDays: request.config.trendingDays,
    onProgress: progress,
  });
  const catalog = new Map(data.catalog.map((item) => [item.id, item]));
  // Trending and recency are measured as of the end of the training window, never after it.
  const asOf = split.cutoff ?? split.dataTo ?? request.now;
  const results = evaluateModel(model, catalog, request.config, split.cases, request.ks, {
    now: asOf,
    onProgress: (done, total) => progress('evaluating', done, total),
    trainCounts: split.trainCounts,
  });
  return {
    kind: 'evaluate',
    candidate: results.candidate,
    popularity: results.popularity,
    trainOrders: split.trainBaskets,
    testCases: split.cases.length,
    testBaskets: split.testBaskets,
    dataFrom: iso(split.dataFrom),
    dataTo: iso(split.dataTo),
    cutoff: iso(split.cutoff),
    splitDescription: splitSentence(describeSplit(split)),
  };
}

const RULE_ORDER = {
  lift: (a: MinedRule, b: MinedRule) => b.lift - a.lift || b.confidence - a.confidence || b.count - a.count,
  confidence: (a: MinedRule, b: MinedRule) => b.confidence - a.confidence || b.lift - a.lift || b.count - a.count,
  support: (a: MinedRule, b: MinedRule) => b.support - a.support || b.confidence - a.confidence || b.lift - a.lift,
};

function mine(baskets: readonly (readonly number[])[], request: Extract<JobRequest, { kind: 'mine' }>, progress: JobProgress): MineResult {
  const { rules } = mineRules(baskets, {
    minSupport: request.minSupport,
    minConfidence: request.minConfidence,
    onProgress: (done, total) => progress('mining', done, total),
  });
  const kept = rules.filter((rule) => rule.lift >= request.minLift).sort(RULE_ORDER[request.sort]);
  return { kind: 'mine', baskets: baskets.length, total: kept.length, rules: kept.slice(0, request.limit) };
}
