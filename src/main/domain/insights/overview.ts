import type { InsightsOverview, LiabilityReport, ResolvedRange } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { liabilityReport } from '../loyalty/liability';
import { LOYALTY_SETTINGS_KEY } from '../loyalty/settings';
import { rollupsRefreshedAt } from './rollups';
import { repeatPurchaseRate } from './retention';
import { dailyStoreCondition, dayBounds, instantBounds, ratio, type InsightScope } from './scope';

/**
 * The retention tiles, each for the range and the period of equal length
 * before it, read from the rollups:
 * - SLA compliance: of the targets (first reply, resolution) of the tickets
 *   created in the range, the share met, as the SLA report counts them (an
 *   undecided target already past its deadline is missed). Tickets belong to no store.
 * - CSAT average: the mean score of the tickets created in the range that
 *   were rated.
 * - Return rate: returns requested in the range ÷ the shipments shipped in
 *   the range that have been delivered. Parcels stand for orders (an order
 *   shipped in two parcels counts twice), and the shipped day stands for the
 *   delivered one: the rollup by delivery day holds a histogram row per
 *   carrier, region and day count, hundreds of times more rows to sum.
 * - On-time delivery: of the delivered shipments with an estimate that
 *   shipped in the range, the share delivered by the estimate's day (the
 *   original estimate, else the current one), as the logistics dashboard.
 * - Points liability and redemption rate: the loyalty area's liability report
 *   as of now (points redeemed ÷ redeemed and expired over the last 12 months).
 */
type Pair = { current: number | null; previous: number | null };

/**
 * The rollup counts targets once decided (met or breached). The SLA report
 * also counts an unsolved ticket whose deadline has passed as missed now
 * (solving decides both targets, so only unsolved tickets are undecided):
 * those few are counted from the tickets table, so the tile and the report agree.
 */
function overdueUndecided(sqlite: Sqlite, range: ResolvedRange, now: Date): number {
  const { start, end } = instantBounds(range);
  const params: Record<string, string> = { now: now.toISOString() };
  if (start) params['start'] = start;
  if (end) params['end'] = end;
  const row = sqlite
    .prepare<Record<string, string>, { overdue: number | null }>(
      `SELECT sum(first_reply_breached IS NULL AND first_reply_due_at < @now)
            + sum(resolution_breached IS NULL AND ((sla_paused_at IS NULL AND resolution_due_at < @now)
                                                  OR resolution_left_minutes <= 0)) AS overdue
         FROM tickets
        WHERE merged_into_id IS NULL AND status NOT IN ('solved', 'closed')
          ${start ? 'AND created_at >= @start' : ''} ${end ? 'AND created_at < @end' : ''}`,
    )
    .get(params)!;
  return row.overdue ?? 0;
}

function tickets(sqlite: Sqlite, range: ResolvedRange, now: Date): { sla: number | null; csat: number | null; responses: number } {
  const { fromDay, toDay } = dayBounds(range);
  const row = sqlite
    .prepare<{ from: string; to: string }, { judged: number | null; met: number | null; responses: number | null; scores: number | null }>(
      `SELECT sum(sla_judged) AS judged, sum(sla_met) AS met, sum(csat_responses) AS responses, sum(csat_sum) AS scores
         FROM rollup_tickets_daily WHERE day >= @from AND day <= @to`,
    )
    .get({ from: fromDay, to: toDay })!;
  const responses = row.responses ?? 0;
  const judged = (row.judged ?? 0) + overdueUndecided(sqlite, range, now);
  return { sla: ratio(row.met ?? 0, judged), csat: ratio(row.scores ?? 0, responses), responses };
}

function sumOver(sqlite: Sqlite, table: string, column: string, range: ResolvedRange, storeId: number | null, extra = ''): number {
  const { fromDay, toDay } = dayBounds(range);
  const row = sqlite
    .prepare<{ from: string; to: string }, { total: number | null }>(
      `SELECT sum(${column}) AS total FROM ${table} WHERE day >= @from AND day <= @to${dailyStoreCondition(storeId)}${extra}`,
    )
    .get({ from: fromDay, to: toDay })!;
  return row.total ?? 0;
}

function returnRate(sqlite: Sqlite, range: ResolvedRange, storeId: number | null): number | null {
  return ratio(
    sumOver(sqlite, 'rollup_returns_daily', 'returns', range, storeId),
    sumOver(sqlite, 'rollup_shipments_daily', 'delivered', range, storeId),
  );
}

function onTimeRate(sqlite: Sqlite, range: ResolvedRange, storeId: number | null): number | null {
  return ratio(
    sumOver(sqlite, 'rollup_shipments_daily', 'on_time', range, storeId),
    sumOver(sqlite, 'rollup_shipments_daily', 'with_estimate', range, storeId),
  );
}

/**
 * The liability report walks the whole ledger (a tenth of a second per 100k
 * entries): the tile keeps the last one while the ledger (append-only, so its
 * last id tells), the loyalty settings and the UTC hour stay the same; only
 * lots expiring within that hour could make it differ from a fresh report.
 */
const liabilityCache = new WeakMap<Sqlite, { key: string; report: LiabilityReport }>();

function currentLiability(sqlite: Sqlite, now: Date): LiabilityReport {
  const state = sqlite
    .prepare<[string], { ledger: number | null; settings: string | null }>(
      `SELECT (SELECT max(id) FROM points_ledger) AS ledger, (SELECT value FROM settings WHERE key = ?) AS settings`,
    )
    .get(LOYALTY_SETTINGS_KEY)!;
  const key = JSON.stringify([state.ledger, state.settings, now.toISOString().slice(0, 13)]);
  const cached = liabilityCache.get(sqlite);
  if (cached?.key === key) return cached.report;
  const report = liabilityReport(sqlite, now);
  liabilityCache.set(sqlite, { key, report });
  return report;
}

export function insightsOverview(sqlite: Sqlite, scope: InsightScope, now: Date): InsightsOverview {
  const previous = scope.previousRange;
  const pair = (figure: (range: ResolvedRange) => number | null): Pair => ({
    current: figure(scope.range),
    previous: previous ? figure(previous) : null,
  });
  const currentTickets = tickets(sqlite, scope.range, now);
  const previousTickets = previous ? tickets(sqlite, previous, now) : null;
  const liability = currentLiability(sqlite, now);
  return {
    range: scope.range,
    previousRange: previous,
    currency: liability.currency ?? scope.currency,
    repeatPurchaseRate: pair((range) => repeatPurchaseRate(sqlite, range, scope.storeId).rate),
    pointsLiabilityMinor: liability.liabilityMinor,
    // The report assumes 1 without 12 months of history (prudent for a liability); a rate tile shows none.
    redemptionRate: liability.redemptionRateSource === 'history' ? liability.redemptionRate : null,
    slaCompliance: { current: currentTickets.sla, previous: previousTickets?.sla ?? null },
    csatAverage: { current: currentTickets.csat, previous: previousTickets?.csat ?? null, responses: currentTickets.responses },
    returnRate: pair((range) => returnRate(sqlite, range, scope.storeId)),
    onTimeDeliveryRate: pair((range) => onTimeRate(sqlite, range, scope.storeId)),
    rollupsAt: rollupsRefreshedAt(sqlite),
  };
}
