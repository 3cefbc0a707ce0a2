import type { Handler } from '../../core/handler';
import { AppError } from '../../../shared/errors';
import type { OperationName } from '../../../shared/contract';

// Scaffolding (lead): replaced operation by operation by the recs-core engineer.
const notYet = (name: OperationName): Handler<never> => () => {
  throw new AppError('INTERNAL', `${name} is being built.`);
};

export const recsHandlers = {
  'recs.config.get': notYet('recs.config.get'),
  'recs.config.update': notYet('recs.config.update'),
  'recs.status': notYet('recs.status'),
  'recs.train': notYet('recs.train'),
  'recs.preview.product': notYet('recs.preview.product'),
  'recs.preview.customer': notYet('recs.preview.customer'),
  'recs.evaluate': notYet('recs.evaluate'),
  'recs.experiments.list': notYet('recs.experiments.list'),
  'recs.rules.mine': notYet('recs.rules.mine'),
  'recs.publish.plan': notYet('recs.publish.plan'),
  'recs.publish': notYet('recs.publish'),
  'recs.export': notYet('recs.export'),
} satisfies { [N in Extract<OperationName, `recs.${string}`>]: Handler<never> };
