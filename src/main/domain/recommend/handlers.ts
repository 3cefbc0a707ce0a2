import type { Handler } from '../../core/handler';
import type { OperationName } from '../../../shared/contract';
import { readRecsConfig, updateRecsConfig } from './config';
import { listExperiments, startEvaluation } from './experiments';
import { exportLists } from './export';
import { previewCustomer, previewProduct } from './preview';
import { publish, publishPlan } from './publish';
import { mineStoreRules } from './rules';
import { recsStatus, startTraining } from './training';

/** Recommendation tuning (issue 6): the contract's recs.* operations, each a thin call into this folder. */
export const recsHandlers = {
  'recs.config.get': (_input, ctx) => readRecsConfig(ctx.sqlite),
  'recs.config.update': (input, ctx) => {
    const saved = updateRecsConfig(ctx.sqlite, input, ctx.now());
    ctx.emit('data.changed', { areas: ['recs'] });
    return saved;
  },
  'recs.status': (_input, ctx) => recsStatus(ctx),
  'recs.train': (input, ctx) => startTraining(ctx, input),
  'recs.preview.product': (input, ctx) => previewProduct(ctx, input),
  'recs.preview.customer': (input, ctx) => previewCustomer(ctx, input),
  'recs.evaluate': (input, ctx) => startEvaluation(ctx, input),
  'recs.experiments.list': (input, ctx) => listExperiments(ctx, input.limit),
  'recs.rules.mine': (input, ctx) => mineStoreRules(ctx, input),
  'recs.publish.plan': (input, ctx) => publishPlan(ctx, input.storeId),
  'recs.publish': (input, ctx) => publish(ctx, input),
  'recs.export': (input, ctx) => exportLists(ctx, input.kind),
} satisfies { [N in Extract<OperationName, `recs.${string}`>]: Handler<N> };
