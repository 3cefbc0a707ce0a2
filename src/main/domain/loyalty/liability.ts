import type { LiabilityMonth, LiabilityReport, LoyaltySettings } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { addMonthsUtc, startOfMonthUtc } from './dates';
import { heldLotsCte } from './held-lots';
import { statement } from './ledger';
import { readLoyaltySettings } from './settings';

/**
 * The points liability: what the program owes its customers in points and
 * money, from one set-based pass over the ledger (see held-lots.ts for the
 * method). Expected redemption rate: redeemed / (redeemed + expired) over the
 * 12 months before the report date; with neither in that window, the prudent
 * fallback is 1 (every point redeemed).
 */

/**
 * The moment a held lot stops being worth anything. Under inactivity expiry
 * that is also the customer's last activity plus the months of inactivity
 * (SQLite's month arithmetic: a month-end date may roll into the next month,
 * which only moves a lot between neighbouring months of the chart).
 */
export function effectiveExpirySql(settings: LoyaltySettings): string {
  if (settings.earning.expiryMode !== 'inactivity') return 'expires_at';
  const deadline = `strftime('%Y-%m-%dT%H:%M:%fZ', last_at, '+${settings.earning.inactivityMonths} months')`;
  return `min(coalesce(expires_at, '9999'), ${deadline})`;
}

interface Totals {
  approved: number | null;
  pending: number | null;
  never: number | null;
  customers: number;
  debt: number | null;
}

function heldTotals(sqlite: Sqlite, at: string, expiry: string): { totals: Totals; months: Map<string, number> } {
  const rows = statement(sqlite,
    `WITH ${heldLotsCte(undefined, expiry !== 'expires_at')},
     -- Materialized once: the lots still worth something, read for the totals and the months.
     live AS MATERIALIZED (
       SELECT customer_id, pending, remaining, ${expiry} AS expiry FROM held
       WHERE remaining > 0 AND (${expiry} IS NULL OR ${expiry} > @at))
     SELECT 'total' AS kind, NULL AS month,
       sum(CASE WHEN pending = 0 THEN remaining END) AS approved,
       sum(CASE WHEN pending = 1 THEN remaining END) AS pending,
       sum(CASE WHEN remaining > 0 AND (expiry IS NULL OR expiry >= '9999') THEN remaining END) AS never,
       count(DISTINCT CASE WHEN remaining > 0 THEN customer_id END) AS customers,
       (SELECT sum(points) FROM owed) AS debt
     FROM live
     UNION ALL
     SELECT 'month', substr(expiry, 1, 7), sum(remaining), NULL, NULL, 0, NULL FROM live
     WHERE expiry IS NOT NULL AND expiry < @horizon GROUP BY substr(expiry, 1, 7)`,
  ).all({ at, horizon: startOfMonthUtc(new Date(at), 12).toISOString() }) as
    (Totals & { kind: string; month: string | null })[];
  const months = new Map<string, number>();
  let totals: Totals = { approved: 0, pending: 0, never: 0, customers: 0, debt: 0 };
  for (const row of rows) {
    if (row.kind === 'total') totals = row;
    else months.set(row.month as string, row.approved ?? 0);
  }
  return { totals, months };
}

function redemptionHistory(sqlite: Sqlite, at: Date): { redeemed: number; expired: number } {
  return statement(sqlite,
    `SELECT coalesce(-sum(CASE WHEN entry_type = 'redeem' THEN points END), 0) AS redeemed,
       coalesce(-sum(CASE WHEN entry_type = 'expire' THEN points END), 0) AS expired
     FROM points_ledger WHERE entry_type IN ('redeem', 'expire') AND created_at > @from AND created_at <= @at`,
  ).get({ from: addMonthsUtc(at.getTime(), -12).toISOString(), at: at.toISOString() }) as
    { redeemed: number; expired: number };
}

export function liabilityReport(sqlite: Sqlite, at: Date): LiabilityReport {
  const settings = readLoyaltySettings(sqlite);
  const atIso = at.toISOString();
  const { totals, months } = heldTotals(sqlite, atIso, effectiveExpirySql(settings));
  const approvedPoints = totals.approved ?? 0;
  const pendingPoints = totals.pending ?? 0;
  const { redeemed, expired } = redemptionHistory(sqlite, at);
  const fromHistory = redeemed + expired > 0;
  const redemptionRate = fromHistory ? redeemed / (redeemed + expired) : 1;
  const value = settings.pointValueMinor;
  let cumulative = 0;
  const expiringByMonth: LiabilityMonth[] = Array.from({ length: 12 }, (_, i) => {
    const month = startOfMonthUtc(at, i).toISOString().slice(0, 7);
    const points = months.get(month) ?? 0;
    cumulative += points;
    return { month, points, valueMinor: Math.round(points * value), cumulativePoints: cumulative };
  });
  const currency = statement(sqlite, 'SELECT currency FROM stores ORDER BY id LIMIT 1').get() as
    | { currency: string }
    | undefined;
  const outstanding = approvedPoints + pendingPoints;
  return {
    at: atIso,
    approvedPoints,
    pendingPoints,
    debtPoints: totals.debt ?? 0,
    customersWithPoints: totals.customers,
    pointValueMinor: value,
    currency: currency?.currency ?? null,
    redemptionRate,
    redemptionRateSource: fromHistory ? 'history' : 'fallback',
    redeemedPoints12Months: redeemed,
    expiredPoints12Months: expired,
    faceValueMinor: Math.round(outstanding * value),
    liabilityMinor: Math.round(outstanding * redemptionRate * value),
    expiringByMonth,
    neverExpiringPoints: totals.never ?? 0,
  };
}
