import type { Handler } from '../../../core/handler';
import type { OperationName } from '../../../../shared/contract';
import { notYet } from '../notYet';

/** Lucky draws: seeded, kept, verifiable. */
export const drawHandlers = {
  'draws.list': () => notYet('draws.list'),
  'draws.run': () => notYet('draws.run'),
  'draws.verify': () => notYet('draws.verify'),
} satisfies { [N in Extract<OperationName, `draws.${string}`>]: Handler<N> };
