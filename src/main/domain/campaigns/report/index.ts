import type { ArmComparison, CampaignReport, ParsedInputOf } from '../../../../shared/contract';
import type { Sqlite } from '../../../db/connection';
import { statement } from '../../loyalty/ledger';
import { aggregate, armSizes, memberOrders, mostUsedCurrency, type Aggregated, type Arm } from './arms';
import { launchedCampaign, type LaunchedCampaign } from './campaign-row';
import { reportCaveats } from './caveats';
import { campaignCost } from './cost';
import { compareMeans, compareProportions, momentsWithZeros, normalQuantile } from './stats';

/**
 * campaigns.report: the treatment arm against the holdout over the measured
 * window, from the launch (or the start, the later) to the end, an early stop
 * or now (the earliest). A buyer is a member with at least one order in the
 * window that was not cancelled; repeat rate = buyers / members of the arm;
 * revenue = total − refunded of those orders; per-customer figures divide by
 * all members of the arm. Incremental revenue = (treatment − holdout revenue
 * per customer) × treatment members; ROI = (incremental − cost) / cost.
 */
const DAY_MS = 86_400_000;

function measuredWindow(campaign: LaunchedCampaign, now: Date): { from: string; to: string } {
  const from = campaign.launchedAt > campaign.startsAt ? campaign.launchedAt : campaign.startsAt;
  const stop = campaign.cancelledAt;
  const endsAt = stop !== null && stop < campaign.endsAt ? stop : campaign.endsAt;
  const nowIso = now.toISOString();
  const to = nowIso < endsAt ? nowIso : endsAt;
  return { from, to: to < from ? from : to };
}

/** The campaign's store currency; else the one its members bought in most; else their stores' (most members). */
function reportCurrency(sqlite: Sqlite, campaign: LaunchedCampaign, fromOrders: string | null): string {
  if (campaign.storeId !== null) {
    const store = statement(sqlite, 'SELECT currency FROM stores WHERE id = ?').get(campaign.storeId) as { currency: string } | undefined;
    if (store) return store.currency;
  }
  if (fromOrders !== null) return fromOrders;
  const members = statement(sqlite,
    `SELECT s.currency FROM campaign_members m JOIN customers c ON c.id = m.customer_id JOIN stores s ON s.id = c.store_id
     WHERE m.campaign_id = ? GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1`,
  ).get(campaign.id) as { currency: string } | undefined;
  return members?.currency ?? 'USD';
}

function cumulativeSeries(days: Aggregated['days'], sizes: Record<Arm, number>, from: string, to: string): CampaignReport['series'] {
  if (to <= from) return [];
  const first = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const last = Date.parse(`${new Date(Date.parse(to) - 1).toISOString().slice(0, 10)}T00:00:00Z`);
  const per = (value: number, arm: Arm) => (sizes[arm] === 0 ? 0 : value / sizes[arm]);
  const buyers: Record<Arm, number> = { treatment: 0, holdout: 0 };
  const revenue: Record<Arm, number> = { treatment: 0, holdout: 0 };
  const series: CampaignReport['series'] = [];
  for (let at = first; at <= last; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    const totals = days.get(day);
    for (const arm of ['treatment', 'holdout'] as const) {
      buyers[arm] += totals?.newBuyers[arm] ?? 0;
      revenue[arm] += totals?.revenueMinor[arm] ?? 0;
    }
    series.push({
      day,
      treatmentRepeatRate: per(buyers.treatment, 'treatment'),
      holdoutRepeatRate: per(buyers.holdout, 'holdout'),
      treatmentRevenuePerCustomer: per(revenue.treatment, 'treatment'),
      holdoutRevenuePerCustomer: per(revenue.holdout, 'holdout'),
    });
  }
  return series;
}

function comparisons(arms: Aggregated['arms'], confidence: number): ArmComparison[] {
  const z = normalQuantile(confidence);
  const { treatment: t, holdout: h } = arms;
  return [
    compareProportions({ successes: t.buyers, n: t.customers }, { successes: h.buyers, n: h.customers }, z),
    compareMeans('revenuePerCustomer', momentsWithZeros(t.customers, t.buyerRevenue), momentsWithZeros(h.customers, h.buyerRevenue), z),
    compareMeans('ordersPerCustomer', momentsWithZeros(t.customers, t.buyerOrders), momentsWithZeros(h.customers, h.buyerOrders), z),
  ];
}

export function campaignReport(sqlite: Sqlite, input: ParsedInputOf<'campaigns.report'>, now: Date): CampaignReport {
  const campaign = launchedCampaign(sqlite, input.id, 'it has no members to report on yet.');
  const { from, to } = measuredWindow(campaign, now);
  const sizes = armSizes(sqlite, campaign.id);
  const orders = memberOrders(sqlite, campaign.id, from, to);
  const currency = reportCurrency(sqlite, campaign, mostUsedCurrency(orders));
  const { arms, days } = aggregate(orders, sizes, currency);
  // Fewer than two members in an arm has no variance: no interval can be drawn.
  const comparable = sizes.treatment >= 2 && sizes.holdout >= 2;
  const compared = comparable ? comparisons(arms, input.confidence) : [];
  const revenuePer = (arm: Arm) => (sizes[arm] === 0 ? 0 : arms[arm].revenueMinor / sizes[arm]);
  const incrementalRevenueMinor = comparable
    ? Math.round((revenuePer('treatment') - revenuePer('holdout')) * sizes.treatment) : 0;
  const cost = campaignCost(sqlite, campaign.id);
  const inCurrency = arms.treatment.orders + arms.holdout.orders;
  return {
    campaignId: campaign.id,
    measuredFrom: from,
    measuredTo: to,
    confidence: input.confidence,
    currency,
    arms: (['treatment', 'holdout'] as const).map((arm) => ({
      arm, customers: sizes[arm], buyers: arms[arm].buyers, orders: arms[arm].orders, revenueMinor: arms[arm].revenueMinor,
    })),
    comparisons: compared,
    incrementalRevenueMinor,
    cost,
    roi: comparable && cost.totalMinor > 0 ? (incrementalRevenueMinor - cost.totalMinor) / cost.totalMinor : null,
    series: cumulativeSeries(days, sizes, from, to),
    caveats: reportCaveats({
      now: now.toISOString(), startsAt: from, endsAt: campaign.endsAt, cancelledAt: campaign.cancelledAt,
      holdoutPercent: campaign.holdoutPercent, sizes, currency, otherCurrencyOrders: orders.length - inCurrency,
      couponsIssued: cost.couponsIssued, couponsUsed: cost.couponsUsed, comparable, costMinor: cost.totalMinor,
    }),
  };
}
