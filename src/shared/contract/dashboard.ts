import { z } from 'zod';
import { operation } from './operation';
import { currencyCode, dateRange, storeId } from './common';

export const dashboardQuery = z
  .object({
    range: dateRange.optional(),
    storeId: storeId.optional(),
    /** Money figures are for one currency; defaults to the one with most orders. */
    currency: currencyCode.optional(),
  })
  .strict();

export type DashboardQuery = z.input<typeof dashboardQuery>;

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A series query; without `granularity` the core picks one that suits the range's length. */
export const seriesQuery = dashboardQuery
  .extend({ granularity: z.enum(GRANULARITIES).optional() })
  .strict();

export type SeriesQuery = z.input<typeof seriesQuery>;

export interface ResolvedRange {
  /** Inclusive first day (UTC), null when the range is open ("all time"). */
  from: string | null;
  /** Inclusive last day (UTC). */
  to: string | null;
}

export interface KpiSet {
  /** Every order placed in the range, cancelled ones included. */
  orders: number;
  /** Orders placed in the range that were not cancelled. */
  paidOrders: number;
  /** Sum of order totals less refunds, cancelled orders excluded, in `currency`. */
  netRevenueMinor: number;
  /** Gross order total / paid orders, in `currency`; null without orders. */
  averageOrderValueMinor: number | null;
  /** Customers who ordered in the range. */
  activeCustomers: number;
  /** Active customers whose first order ever falls in the range. */
  newCustomers: number;
  /** Share of active customers who, by the end of the range, had ordered at least twice. */
  repeatPurchaseRate: number | null;
}

export interface DashboardSummary {
  range: ResolvedRange;
  /** The period of equal length just before `range`; null for "all time". */
  previousRange: ResolvedRange | null;
  currency: string;
  currencies: string[];
  current: KpiSet;
  previous: KpiSet | null;
  /** Tickets not solved or closed, now. */
  openTickets: number;
}

export interface RevenueSeries {
  range: ResolvedRange;
  currency: string;
  granularity: Granularity;
  points: { period: string; netRevenueMinor: number; orders: number }[];
}

export interface CustomerMixSeries {
  range: ResolvedRange;
  granularity: Granularity;
  points: { period: string; newCustomers: number; returningCustomers: number }[];
}

export const dashboardOperations = {
  'dashboard.summary': operation<DashboardSummary>()(
    dashboardQuery,
    'KPIs for a date range with the previous period',
  ),
  'dashboard.revenueSeries': operation<RevenueSeries>()(
    seriesQuery,
    'Net revenue and orders per day, week or month',
  ),
  'dashboard.customerMix': operation<CustomerMixSeries>()(
    seriesQuery,
    'New and returning customers per day, week or month',
  ),
} as const;
