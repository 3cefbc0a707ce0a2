import type { ParsedInputOf, PaymentsSummary } from '../../../../shared/contract';
import { daysBetween } from '../../../../shared/dates';
import type { HandlerContext } from '../../../core/handler';
import { periodStart, periodsBetween, pickGranularity, todayUtc } from '../../dashboard/range';
import { refreshRollups } from '../rollups';
import { insightScope } from '../scope';
import { paymentsNeedingAttention } from './attention';
import {
  dailyPayments, paymentCurrencies, paymentsFigures, paymentsSpan, refundsByReason, revenueByGateway, revenueByMethod,
  type PaymentsScope,
} from './figures';

type Input = ParsedInputOf<'payments.summary'>;

/** The currency with most orders (the contract's default), from the orders rollup; the store's when there are none. */
function defaultCurrency(ctx: HandlerContext, storeId: number | null, fallback: string): string {
  const row = ctx.sqlite
    .prepare(`SELECT currency FROM rollup_orders_daily ${storeId === null ? '' : 'WHERE store_id = @store'}
               GROUP BY currency ORDER BY sum(orders) DESC, currency LIMIT 1`)
    .pluck()
    .get(storeId === null ? {} : { store: storeId }) as string | undefined;
  return row ?? fallback;
}

function series(ctx: HandlerContext, scope: PaymentsScope): Pick<PaymentsSummary, 'series' | 'granularity'> {
  const span = paymentsSpan(ctx.sqlite, scope);
  const today = todayUtc(ctx.now());
  const from = scope.range.from ?? span?.first ?? today;
  const to = scope.range.to ?? span?.last ?? today;
  const granularity = pickGranularity(daysBetween(from, to) + 1);
  const byPeriod = new Map<string, PaymentsSummary['series'][number]>(
    periodsBetween(from, to, granularity).map((period) => [period, { period, salesMinor: 0, refundedMinor: 0, failed: 0 }]),
  );
  for (const [day, figures] of dailyPayments(ctx.sqlite, scope)) {
    const point = byPeriod.get(periodStart(day, granularity));
    if (!point) continue;
    point.salesMinor += figures.sales;
    point.refundedMinor += figures.refunded;
    point.failed += figures.failed;
  }
  return { series: [...byPeriod.values()], granularity };
}

/** payments.summary: brings the rollups up to date, then reads them (and the follow-up list from the raw payments). */
export function paymentsSummary(input: Input, ctx: HandlerContext): PaymentsSummary {
  const now = ctx.now();
  refreshRollups(ctx.sqlite, now);
  const base = insightScope(ctx.sqlite, input, now);
  const currency = input.currency ?? defaultCurrency(ctx, base.storeId, base.currency);
  const currencies = [...new Set([...base.currencies, ...paymentCurrencies(ctx.sqlite, base.storeId)])].sort((a, b) =>
    a === currency ? -1 : b === currency ? 1 : a.localeCompare(b));
  const scope: PaymentsScope = { range: base.range, storeId: base.storeId, currency };
  const previous = input.compare && base.previousRange ? { ...scope, range: base.previousRange } : null;
  return {
    range: base.range,
    previousRange: previous ? previous.range : null,
    currency,
    currencies: currencies.includes(currency) ? currencies : [currency, ...currencies],
    current: paymentsFigures(ctx.sqlite, scope),
    previous: previous ? paymentsFigures(ctx.sqlite, previous) : null,
    byMethod: revenueByMethod(ctx.sqlite, scope),
    byGateway: revenueByGateway(ctx.sqlite, scope),
    refundsByReason: refundsByReason(ctx.sqlite, scope),
    ...series(ctx, scope),
    attention: paymentsNeedingAttention(ctx.sqlite, scope),
  };
}

export const paymentsHandlers = {
  'payments.summary': paymentsSummary,
};
