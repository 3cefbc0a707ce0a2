import { z } from 'zod';
import { operation } from './operation';
import { currencyCode, dateRange, storeId } from './common';
import type { CustomerSegment } from './customers';

/**
 * Payments and retention insights, read from daily rollups kept up to date as
 * orders, payments, refunds, shipments and tickets change (never recomputed
 * on each view). Every figure has a definition the UI shows one click away:
 * the `definitions` keys name them (the UI holds the sentences in both languages).
 */
const scope = {
  range: dateRange.optional(),
  storeId: storeId.optional(),
  /** Money figures are for one currency; defaults to the one with most orders. */
  currency: currencyCode.optional(),
};

export const paymentsSummaryInput = z.object({ ...scope, compare: z.boolean().default(true) }).strict();

export interface PaymentsFigures {
  /** Successful sales and captures less refunds, in `currency`. */
  netRevenueMinor: number;
  grossSalesMinor: number;
  refundedMinor: number;
  /** refunded / gross sales. */
  refundRate: number | null;
  refunds: number;
  failedPayments: number;
  failedMinor: number;
  pendingPayments: number;
  pendingMinor: number;
}

export interface PaymentsSummary {
  range: { from: string | null; to: string | null };
  previousRange: { from: string | null; to: string | null } | null;
  currency: string;
  currencies: string[];
  current: PaymentsFigures;
  previous: PaymentsFigures | null;
  /** Revenue by payment method and by gateway (successful payments less their refunds). */
  byMethod: { method: string; payments: number; amountMinor: number; share: number }[];
  byGateway: { gateway: string; payments: number; amountMinor: number; share: number; failed: number }[];
  refundsByReason: { reason: string; refunds: number; amountMinor: number }[];
  /** By day (or week/month for long ranges). */
  series: { period: string; salesMinor: number; refundedMinor: number; failed: number }[];
  granularity: 'day' | 'week' | 'month';
  /** The latest failed or pending payments, for follow-up. */
  attention: {
    paymentId: number; orderId: number; orderNumber: string; customerName: string | null; status: string;
    method: string | null; gateway: string | null; amountMinor: number; errorCode: string | null; processedAt: string;
  }[];
}

export const cohortsInput = z
  .object({
    ...scope,
    /** Customers by the month of their first order; the heatmap shows months since. */
    months: z.number().int().min(1).max(36).default(12),
    measure: z.enum(['customers', 'revenue']).default('customers'),
  })
  .strict();

export interface CohortRow {
  /** YYYY-MM of the first order. */
  cohort: string;
  size: number;
  /** Index i = i months after the first: share of the cohort active (or revenue per customer), null beyond today. */
  values: (number | null)[];
  /** The underlying counts (customers active, or revenue in minor units). */
  counts: (number | null)[];
}

export interface Cohorts {
  measure: 'customers' | 'revenue';
  currency: string;
  rows: CohortRow[];
}

export const retentionInput = z.object({ ...scope }).strict();

export interface Retention {
  range: { from: string | null; to: string | null };
  /** Customers with a first order in the range who ordered again (at any time up to today). */
  repeatPurchaseRate: number | null;
  /** Days from one order to the customer's next: p50, p90 and a histogram. */
  timeBetweenOrdersP50: number | null;
  timeBetweenOrdersP90: number | null;
  timeBetweenOrders: { bucket: string; fromDays: number; toDays: number | null; count: number }[];
  /** Share of orders in the range from returning customers. */
  returningOrderShare: number | null;
  /** Customers who moved between RFM segments from the start of the range to its end (or the last two computations). */
  segmentMovement: { from: CustomerSegment | 'none'; to: CustomerSegment | 'none'; customers: number }[];
  segmentMovementWindow: { from: string | null; to: string | null };
}

export const clvInput = z.object({ ...scope, by: z.enum(['cohort', 'segment']).default('cohort') }).strict();

export interface Clv {
  by: 'cohort' | 'segment';
  currency: string;
  /** Net revenue per customer to date; for cohorts also at 3, 6 and 12 months. */
  rows: {
    key: string;
    customers: number;
    revenueMinor: number;
    clvMinor: number;
    clv3Minor: number | null;
    clv6Minor: number | null;
    clv12Minor: number | null;
    ordersPerCustomer: number;
  }[];
}

export const insightsOverviewInput = z.object({ ...scope }).strict();

/** The retention dashboard's tiles: each with the figure, the previous period's, and what it means. */
export interface InsightsOverview {
  range: { from: string | null; to: string | null };
  previousRange: { from: string | null; to: string | null } | null;
  currency: string;
  repeatPurchaseRate: { current: number | null; previous: number | null };
  pointsLiabilityMinor: number;
  redemptionRate: number | null;
  slaCompliance: { current: number | null; previous: number | null };
  csatAverage: { current: number | null; previous: number | null; responses: number };
  returnRate: { current: number | null; previous: number | null };
  onTimeDeliveryRate: { current: number | null; previous: number | null };
  /** When the rollups were last brought up to date. */
  rollupsAt: string | null;
}

export const INSIGHT_DEFINITIONS = ['repeatPurchaseRate', 'timeBetweenOrders', 'cohortRetention', 'clv', 'segmentMovement',
  'pointsLiability', 'redemptionRate', 'slaCompliance', 'csat', 'returnRate', 'onTimeRate', 'deliveryRate', 'transitDays',
  'orderToDelivery', 'refundRate', 'netRevenue'] as const;

export const insightsOperations = {
  'payments.summary': operation<PaymentsSummary>()(paymentsSummaryInput, 'Revenue by method and gateway, refunds, failed payments'),
  'insights.overview': operation<InsightsOverview>()(insightsOverviewInput, 'The retention tiles with their previous period'),
  'insights.cohorts': operation<Cohorts>()(cohortsInput, 'Monthly cohort retention (customers or revenue)'),
  'insights.retention': operation<Retention>()(retentionInput, 'Repeat purchase, time between orders, segment movement'),
  'insights.clv': operation<Clv>()(clvInput, 'Customer lifetime value by cohort or segment'),
} as const;
