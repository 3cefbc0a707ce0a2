import type {
  CustomerMixSeries,
  DashboardSummary,
  ParsedInputOf,
  RevenueSeries,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { daysBetween } from '../../../shared/dates';
import type { HandlerContext } from '../../core/handler';
import {
  customerMixByPeriod,
  kpis,
  openTickets,
  orderSpan,
  revenueByPeriod,
  storeCurrencies,
  storeExists,
  type Scope,
} from './queries';
import {
  periodSql,
  periodsBetween,
  pickGranularity,
  previousRange,
  resolveRange,
  todayUtc,
  toSqlBounds,
} from './range';

type Query = ParsedInputOf<'dashboard.summary'>;
type SeriesInput = ParsedInputOf<'dashboard.revenueSeries'>;

function currencyFor(ctx: HandlerContext, input: Query): { currency: string; currencies: string[] } {
  const storeId = input.storeId ?? null;
  if (storeId !== null && !storeExists(ctx.sqlite, storeId)) {
    throw new AppError('NOT_FOUND', `There is no store with id ${storeId}.`);
  }
  const currencies = storeCurrencies(ctx.sqlite, storeId);
  const currency = input.currency ?? currencies[0] ?? 'USD';
  return { currency, currencies };
}

export function dashboardSummary(input: Query, ctx: HandlerContext): DashboardSummary {
  const { currency, currencies } = currencyFor(ctx, input);
  const range = resolveRange(input.range, ctx.now());
  const previous = previousRange(range);
  const scopeOf = (r: typeof range): Scope => ({
    bounds: toSqlBounds(r),
    currency,
    storeId: input.storeId ?? null,
  });
  return {
    range,
    previousRange: previous,
    currency,
    currencies,
    current: kpis(ctx.sqlite, scopeOf(range)),
    previous: previous ? kpis(ctx.sqlite, scopeOf(previous)) : null,
    openTickets: openTickets(ctx.sqlite),
  };
}

/** The days a series covers: the asked range, with open ends closed by the data. */
function seriesSpan(ctx: HandlerContext, input: SeriesInput) {
  const range = resolveRange(input.range, ctx.now());
  const span = orderSpan(ctx.sqlite);
  const from = range.from ?? span?.first ?? todayUtc(ctx.now());
  const to = range.to ?? span?.last ?? todayUtc(ctx.now());
  const granularity = input.granularity ?? pickGranularity(daysBetween(from, to) + 1);
  return { range, from, to, granularity };
}

export function revenueSeries(input: SeriesInput, ctx: HandlerContext): RevenueSeries {
  const { currency } = currencyFor(ctx, input);
  const { range, from, to, granularity } = seriesSpan(ctx, input);
  const scope: Scope = { bounds: toSqlBounds(range), currency, storeId: input.storeId ?? null };
  const byPeriod = new Map(
    revenueByPeriod(ctx.sqlite, scope, periodSql(granularity)).map((p) => [p.period, p]),
  );
  // Periods without orders are zeros, so a chart's time axis has no gaps.
  const points = periodsBetween(from, to, granularity).map(
    (period) => byPeriod.get(period) ?? { period, netRevenueMinor: 0, orders: 0 },
  );
  return { range, currency, granularity, points };
}

export function customerMix(input: SeriesInput, ctx: HandlerContext): CustomerMixSeries {
  currencyFor(ctx, input);
  const { range, from, to, granularity } = seriesSpan(ctx, input);
  const scope: Scope = { bounds: toSqlBounds(range), currency: '', storeId: input.storeId ?? null };
  const byPeriod = new Map(
    customerMixByPeriod(ctx.sqlite, scope, periodSql(granularity)).map((p) => [p.period, p]),
  );
  const points = periodsBetween(from, to, granularity).map(
    (period) => byPeriod.get(period) ?? { period, newCustomers: 0, returningCustomers: 0 },
  );
  return { range, granularity, points };
}

export const dashboardHandlers = {
  'dashboard.summary': dashboardSummary,
  'dashboard.revenueSeries': revenueSeries,
  'dashboard.customerMix': customerMix,
};
