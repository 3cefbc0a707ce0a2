import type { Clv, Cohorts, InsightsOverview, ParsedInputOf, Retention } from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';
import { clvByCohort, clvBySegment } from './clv';
import { cohortHeatmap } from './cohorts';
import { refreshOrderGaps } from './order-gaps';
import { insightsOverview } from './overview';
import { gapHistogram, repeatPurchaseRate, timeBetweenOrders } from './retention';
import { refreshRollups } from './rollups';
import { insightScope } from './scope';
import { segmentMovement } from './segment-movement';

/**
 * The retention insights (issue 7), merged with payments.summary in handlers.ts. Each brings the rollups up to date with
 * what changed since the last view (cheap when nothing did), then reads them.
 */
function fresh(ctx: HandlerContext): Date {
  const now = ctx.now();
  refreshRollups(ctx.sqlite, now);
  refreshOrderGaps(ctx.sqlite, now);
  return now;
}

export function overview(input: ParsedInputOf<'insights.overview'>, ctx: HandlerContext): InsightsOverview {
  const now = fresh(ctx);
  return insightsOverview(ctx.sqlite, insightScope(ctx.sqlite, input, now), now);
}

export function cohorts(input: ParsedInputOf<'insights.cohorts'>, ctx: HandlerContext): Cohorts {
  const now = fresh(ctx);
  return cohortHeatmap(ctx.sqlite, insightScope(ctx.sqlite, input, now), input);
}

export function retention(input: ParsedInputOf<'insights.retention'>, ctx: HandlerContext): Retention {
  const now = fresh(ctx);
  const scope = insightScope(ctx.sqlite, input, now);
  return {
    range: scope.range,
    repeatPurchaseRate: repeatPurchaseRate(ctx.sqlite, scope.range, scope.storeId).rate,
    ...timeBetweenOrders(gapHistogram(ctx.sqlite, scope.range, scope.storeId)),
    ...segmentMovement(ctx.sqlite, scope),
  };
}

export function clv(input: ParsedInputOf<'insights.clv'>, ctx: HandlerContext): Clv {
  const now = fresh(ctx);
  const scope = insightScope(ctx.sqlite, input, now);
  return input.by === 'segment' ? clvBySegment(ctx.sqlite, scope) : clvByCohort(ctx.sqlite, scope);
}

export const retentionHandlers = {
  'insights.overview': overview,
  'insights.cohorts': cohorts,
  'insights.retention': retention,
  'insights.clv': clv,
};
