import type { ParsedInputOf } from '../../../shared/contract';
import type { RecsRulesResult } from '../../../shared/contract/recs';
import type { HandlerContext } from '../../core/handler';
import type { MineResult } from './job';
import { AppError } from '../../../shared/errors';
import { JobCancelled, startJob } from './jobHost';
import { catalogFor, recsRuntimeFor } from './runtime';

/**
 * recs.rules.mine: association rules over every order. Reading ~1M baskets
 * and mining them takes seconds on a large store, so it runs in a worker like
 * training (this thread keeps answering) and the answer waits for it.
 */
export async function mineStoreRules(ctx: HandlerContext, input: ParsedInputOf<'recs.rules.mine'>): Promise<RecsRulesResult> {
  const runtime = recsRuntimeFor(ctx);
  const started = performance.now();
  if (runtime.closed) throw new AppError('CONFLICT', 'Backroom is closing; mine the rules after it starts again.');
  const job = startJob(runtime, { kind: 'mine', ...input }, () => {});
  runtime.waiting.add(job);
  let result: MineResult;
  try {
    result = (await job.result) as MineResult;
  } catch (error) {
    if (error instanceof JobCancelled) throw new AppError('CONFLICT', 'Backroom closed before the rules were mined; try again.');
    throw error;
  } finally {
    runtime.waiting.delete(job);
  }
  const { info } = catalogFor(runtime);
  const product = (productId: number) => ({ productId, title: info.get(productId)?.title ?? `Product ${productId}` });
  return {
    baskets: result.baskets,
    total: result.total,
    rules: result.rules.map((rule) => ({
      antecedent: rule.antecedent.map(product),
      consequent: product(rule.consequent),
      support: rule.support,
      confidence: rule.confidence,
      lift: rule.lift,
      count: rule.count,
    })),
    seconds: (performance.now() - started) / 1000,
  };
}
