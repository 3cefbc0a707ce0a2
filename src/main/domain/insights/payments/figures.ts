import type { PaymentsFigures, PaymentsSummary, ResolvedRange } from '../../../../shared/contract';
import type { Sqlite } from '../../../db/connection';

/**
 * payments.summary's figures, read from rollup_payments_daily and
 * rollup_refunds_daily (never from the raw tables). Everything is in the
 * summary's one currency. Definitions:
 * - gross sales: successful payments of kind sale or capture (an authorization
 *   is not money received until captured);
 * - refunded: the refunds made in the range (by the day they were made);
 * - net revenue: gross sales less refunded; refund rate: refunded / gross sales;
 * - failed: payments whose status is failure or error; pending: status pending;
 * - by method and gateway: successful sales and captures less successful
 *   refund payments through that method or gateway (refund rows carry no method).
 */

export interface PaymentsScope {
  range: ResolvedRange;
  storeId: number | null;
  currency: string;
}

const SALE = "kind IN ('sale', 'capture') AND status = 'success'";
const REFUND_PAYMENT = "kind = 'refund' AND status = 'success'";
const FAILED = "status IN ('failure', 'error')";
const PENDING = "status = 'pending'";

/** The WHERE of a rollup read: the range's days (both inclusive), the currency, the store when one is asked. */
export function rollupWhere(scope: PaymentsScope): { where: string; params: Record<string, string | number> } {
  const parts = ['currency = @currency'];
  const params: Record<string, string | number> = { currency: scope.currency };
  if (scope.range.from) {
    parts.push('day >= @from');
    params['from'] = scope.range.from;
  }
  if (scope.range.to) {
    parts.push('day <= @to');
    params['to'] = scope.range.to;
  }
  if (scope.storeId !== null) {
    parts.push('store_id = @store');
    params['store'] = scope.storeId;
  }
  return { where: parts.join(' AND '), params };
}

const sumIf = (condition: string, column: string) => `coalesce(sum(CASE WHEN ${condition} THEN ${column} ELSE 0 END), 0)`;

export function paymentsFigures(sqlite: Sqlite, scope: PaymentsScope): PaymentsFigures {
  const { where, params } = rollupWhere(scope);
  const payments = sqlite
    .prepare(`SELECT ${sumIf(SALE, 'amount_minor')} AS gross, ${sumIf(FAILED, 'payments')} AS failed,
                     ${sumIf(FAILED, 'amount_minor')} AS failed_minor, ${sumIf(PENDING, 'payments')} AS pending,
                     ${sumIf(PENDING, 'amount_minor')} AS pending_minor
                FROM rollup_payments_daily WHERE ${where}`)
    .get(params) as { gross: number; failed: number; failed_minor: number; pending: number; pending_minor: number };
  const refunds = sqlite
    .prepare(`SELECT coalesce(sum(refunds), 0) AS refunds, coalesce(sum(amount_minor), 0) AS refunded
                FROM rollup_refunds_daily WHERE ${where}`)
    .get(params) as { refunds: number; refunded: number };
  return {
    netRevenueMinor: payments.gross - refunds.refunded,
    grossSalesMinor: payments.gross,
    refundedMinor: refunds.refunded,
    refundRate: payments.gross > 0 ? refunds.refunded / payments.gross : null,
    refunds: refunds.refunds,
    failedPayments: payments.failed,
    failedMinor: payments.failed_minor,
    pendingPayments: payments.pending,
    pendingMinor: payments.pending_minor,
  };
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function revenueByMethod(sqlite: Sqlite, scope: PaymentsScope): PaymentsSummary['byMethod'] {
  const { where, params } = rollupWhere(scope);
  const rows = sqlite
    .prepare(`SELECT method, ${sumIf(SALE, 'payments')} AS payments,
                     ${sumIf(SALE, 'amount_minor')} - ${sumIf(REFUND_PAYMENT, 'amount_minor')} AS amount
                FROM rollup_payments_daily WHERE ${where} GROUP BY method`)
    .all(params) as { method: string; payments: number; amount: number }[];
  const total = rows.reduce((sum, row) => sum + Math.max(row.amount, 0), 0);
  return rows
    .filter((row) => row.payments > 0 || row.amount !== 0)
    .map((row) => ({ method: row.method, payments: row.payments, amountMinor: row.amount, share: share(Math.max(row.amount, 0), total) }))
    .sort((a, b) => b.amountMinor - a.amountMinor || a.method.localeCompare(b.method));
}

export function revenueByGateway(sqlite: Sqlite, scope: PaymentsScope): PaymentsSummary['byGateway'] {
  const { where, params } = rollupWhere(scope);
  const rows = sqlite
    .prepare(`SELECT gateway, ${sumIf(SALE, 'payments')} AS payments,
                     ${sumIf(SALE, 'amount_minor')} - ${sumIf(REFUND_PAYMENT, 'amount_minor')} AS amount,
                     ${sumIf(FAILED, 'payments')} AS failed
                FROM rollup_payments_daily WHERE ${where} GROUP BY gateway`)
    .all(params) as { gateway: string; payments: number; amount: number; failed: number }[];
  const total = rows.reduce((sum, row) => sum + Math.max(row.amount, 0), 0);
  return rows
    .filter((row) => row.payments > 0 || row.amount !== 0 || row.failed > 0)
    .map((row) => ({
      gateway: row.gateway, payments: row.payments, amountMinor: row.amount,
      share: share(Math.max(row.amount, 0), total), failed: row.failed,
    }))
    .sort((a, b) => b.amountMinor - a.amountMinor || a.gateway.localeCompare(b.gateway));
}

/** Refunds by the reason given ('' when none was). */
export function refundsByReason(sqlite: Sqlite, scope: PaymentsScope): PaymentsSummary['refundsByReason'] {
  const { where, params } = rollupWhere(scope);
  return (sqlite
    .prepare(`SELECT reason, sum(refunds) AS refunds, sum(amount_minor) AS amount
                FROM rollup_refunds_daily WHERE ${where} GROUP BY reason ORDER BY amount DESC, reason`)
    .all(params) as { reason: string; refunds: number; amount: number }[])
    .map((row) => ({ reason: row.reason, refunds: row.refunds, amountMinor: row.amount }));
}

/** Per day, for the series: sales, refunds and failed payments. */
export function dailyPayments(sqlite: Sqlite, scope: PaymentsScope): Map<string, { sales: number; refunded: number; failed: number }> {
  const { where, params } = rollupWhere(scope);
  const days = new Map<string, { sales: number; refunded: number; failed: number }>();
  const payments = sqlite
    .prepare(`SELECT day, ${sumIf(SALE, 'amount_minor')} AS sales, ${sumIf(FAILED, 'payments')} AS failed
                FROM rollup_payments_daily WHERE ${where} GROUP BY day`)
    .all(params) as { day: string; sales: number; failed: number }[];
  for (const row of payments) days.set(row.day, { sales: row.sales, refunded: 0, failed: row.failed });
  const refunds = sqlite
    .prepare(`SELECT day, sum(amount_minor) AS refunded FROM rollup_refunds_daily WHERE ${where} GROUP BY day`)
    .all(params) as { day: string; refunded: number }[];
  for (const row of refunds) {
    const day = days.get(row.day) ?? { sales: 0, refunded: 0, failed: 0 };
    day.refunded = row.refunded;
    days.set(row.day, day);
  }
  return days;
}

/** The first and last day with payments or refunds in the currency: closes an open range for the series. */
export function paymentsSpan(sqlite: Sqlite, scope: PaymentsScope): { first: string; last: string } | null {
  const { where, params } = rollupWhere({ ...scope, range: { from: null, to: null } });
  const row = sqlite
    .prepare(`SELECT min(first) AS first, max(last) AS last FROM (
                SELECT min(day) AS first, max(day) AS last FROM rollup_payments_daily WHERE ${where}
                UNION ALL SELECT min(day), max(day) FROM rollup_refunds_daily WHERE ${where})`)
    .get(params) as { first: string | null; last: string | null };
  return row.first && row.last ? { first: row.first, last: row.last } : null;
}

/** Currencies payments were taken in, most payments first (the store currencies come first when equal). */
export function paymentCurrencies(sqlite: Sqlite, storeId: number | null): string[] {
  return sqlite
    .prepare(`SELECT currency FROM rollup_payments_daily ${storeId === null ? '' : 'WHERE store_id = @store'}
               GROUP BY currency ORDER BY sum(payments) DESC, currency`)
    .pluck()
    .all(storeId === null ? {} : { store: storeId }) as string[];
}
