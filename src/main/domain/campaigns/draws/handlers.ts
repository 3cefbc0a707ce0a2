import type { Handler } from '../../../core/handler';
import type { OperationName } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { statement } from '../../loyalty/ledger';
import { runDraw } from './run';
import { verifyDraw } from './verify';
import { listDraws } from './view';

/** Lucky draws: seeded, kept, verifiable (algorithm.ts says how anyone can re-run one). */
export const drawHandlers = {
  'draws.list': (input, ctx) => {
    if (!statement(ctx.sqlite, 'SELECT 1 FROM campaigns WHERE id = ?').get(input.campaignId)) {
      throw new AppError('NOT_FOUND', `There is no campaign with id ${input.campaignId}.`);
    }
    return listDraws(ctx.sqlite, input.campaignId);
  },
  'draws.run': (input, ctx) => {
    const result = runDraw(ctx.sqlite, input, ctx.now());
    if (result.ranNow) ctx.emit('data.changed', { areas: ['campaigns', 'loyalty'] });
    return result;
  },
  'draws.verify': (input, ctx) => verifyDraw(ctx.sqlite, input.drawId, ctx.now()),
} satisfies { [N in Extract<OperationName, `draws.${string}`>]: Handler<N> };
