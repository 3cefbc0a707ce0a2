import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { campaignReport } from '../../src/main/domain/campaigns/report';
import { writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { DEFAULT_LOYALTY_SETTINGS, type ArmComparison } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { capturePlans } from '../helpers/plans';
import { insertCampaign, insertCampaignCoupon, insertLedger } from './campaign-report-fixtures';

/**
 * The hand-computed fixture. Campaign 1 runs 2026-03-01 → 2026-03-31, launched
 * 2026-03-02: the measured window is [03-02, 03-31) (launch later than start,
 * end earlier than now 04-10). Treatment 1–10, holdout 11–15.
 *
 *  treatment                                      buyer  orders  revenue
 *   c1  03-05 10000; 03-10 5000 refunded 1000       yes     2     14000
 *   c2  03-02T00:00 8000 (at the launch: in)        yes     1      8000
 *   c3  03-05 6000                                  yes     1      6000
 *   c4  03-06 9000 cancelled                        no
 *   c5  03-01T12:00 7000 (before the launch)        no
 *   c6  03-31T00:00 3000 (at the end: out)          no
 *   c7  03-20 4000 refunded whole                   yes     1         0
 *   c8–c10 nothing                                  no
 *   → n 10, buyers 4, orders 5, revenue 28000
 *  holdout
 *   c11 03-15 6000                                  yes     1      6000
 *   c12 03-05 cancelled; c14 04-05 (after the end)  no
 *   → n 5, buyers 1, orders 1, revenue 6000
 *
 * Repeat rate 0.4 vs 0.2: SE = sqrt(.4·.6/10 + .2·.8/5) = sqrt(.056) = 0.23664319132398465,
 *   95 %: 0.2 ± 1.959963984540054·SE = [−0.2638121321816313, 0.6638121321816313].
 * Revenue per customer 2800 vs 1200 (difference 1600). Treatment values 14000, 8000,
 *   6000 and seven 0: squared deviations 11200² + 5200² + 3200² + 7·2800² = 217,600,000,
 *   s² = 217,600,000 / 9; holdout 6000 and four 0: 4800² + 4·1200² = 28,800,000, s² = 7,200,000.
 *   SE = sqrt(s²t/10 + s²h/5) = 1964.1226483541645 → [−2249.609651993592, 5449.609651993592].
 * Orders per customer 0.5 vs 0.2: s²t = (1.5² + 3·.5² + 6·.5²)/9 = 0.5, s²h = (.8² + 4·.2²)/4 = 0.2,
 *   SE = sqrt(.05 + .04) = 0.3 → 0.3 ± 0.58798919… = [−0.2879891953620162, 0.8879891953620163].
 * Incremental revenue (2800 − 1200) × 10 = 16000.
 * Cost: points under campaign:1: 10 × 100 + 50, and under draw:3: 200 (campaign 1's draw)
 *   = 1250 points × 2 minor = 2500; coupons used: fixed 500 + 10 % of c2's 8000 subtotal (800)
 *   + c3's shipping 700 = 2000; issued 4 (the void one does not count) → total 4500.
 * ROI = (16000 − 4500) / 4500 = 2.5555555555555554.
 */
const NOW = new Date('2026-04-10T00:00:00.000Z');
let connection: Connection;

function fixture(sqlite: Connection['sqlite']): void {
  insertStore(sqlite);
  for (let id = 1; id <= 16; id++) insertCustomer(sqlite, id);
  insertCampaign(sqlite, {
    id: 1, startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-31T00:00:00.000Z',
    launchedAt: '2026-03-02T00:00:00.000Z', holdoutPercent: 33,
    treatment: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], holdout: [11, 12, 13, 14, 15],
  });
  const order = (id: number, customerId: number, placedAt: string, totalMinor: number, extra: object = {}) =>
    insertOrder(sqlite, { id, customerId, seq: null, placedAt, totalMinor, ...extra });
  order(1, 1, '2026-03-05T10:00:00.000Z', 10000);
  order(2, 1, '2026-03-10T10:00:00.000Z', 5000, { refundedMinor: 1000 });
  order(3, 2, '2026-03-02T00:00:00.000Z', 8000);
  order(4, 3, '2026-03-05T23:59:59.000Z', 6000);
  order(5, 4, '2026-03-06T10:00:00.000Z', 9000, { status: 'cancelled' });
  order(6, 5, '2026-03-01T12:00:00.000Z', 7000);
  order(7, 6, '2026-03-31T00:00:00.000Z', 3000);
  order(8, 7, '2026-03-20T10:00:00.000Z', 4000, { refundedMinor: 4000 });
  order(9, 11, '2026-03-15T10:00:00.000Z', 6000);
  order(10, 12, '2026-03-05T10:00:00.000Z', 5000, { status: 'cancelled' });
  order(11, 14, '2026-04-05T10:00:00.000Z', 3000);
  order(12, 16, '2026-03-05T10:00:00.000Z', 9999); // not a member
  sqlite.prepare('UPDATE orders SET shipping_minor = 700 WHERE id = 4').run();

  writeLoyaltySettings(sqlite, { ...DEFAULT_LOYALTY_SETTINGS, pointValueMinor: 2 }, NOW);
  for (let id = 1; id <= 10; id++) insertLedger(sqlite, { customerId: id, points: 100, key: `campaign:1:bonus:${id}` });
  insertLedger(sqlite, { customerId: 1, points: 50, key: 'campaign:1:order:1' });
  insertLedger(sqlite, { customerId: 1, points: 999, key: 'campaign:10:bonus:1' }); // another campaign
  insertLedger(sqlite, { customerId: 1, points: 77, key: 'draw:30:winner:1' }); // another campaign's draw
  sqlite.prepare(
    `INSERT INTO draws (id, campaign_id, name, weighting, winners_count, prize, seed, entrants, entrants_hash, winners,
       idempotency_key, run_at) VALUES (3, 1, 'Draw', 'none', 1, '{}', 's', '[]', 'h', '[]', 'draw-run-3', '2026-03-03T00:00:00Z')`,
  ).run();
  insertLedger(sqlite, { customerId: 2, points: 200, key: 'draw:3:winner:2' });

  insertCampaignCoupon(sqlite, { id: 1, campaignId: 1, customerId: 1, kind: 'fixed_amount', valueMinor: 500, status: 'used', usedOrderId: 1 });
  insertCampaignCoupon(sqlite, { id: 2, campaignId: 1, customerId: 2, kind: 'percent', percent: 10, status: 'used', usedOrderId: 3 });
  insertCampaignCoupon(sqlite, { id: 3, campaignId: 1, customerId: 3, kind: 'free_shipping', status: 'used', usedOrderId: 4 });
  insertCampaignCoupon(sqlite, { id: 4, campaignId: 1, customerId: 4, kind: 'fixed_amount', valueMinor: 500 });
  insertCampaignCoupon(sqlite, { id: 5, campaignId: 1, customerId: 5, kind: 'fixed_amount', valueMinor: 500, status: 'void' });
}

function expectComparison(actual: ArmComparison | undefined, expected: Omit<ArmComparison, 'metric' | 'significant'>): void {
  expect(actual).toBeDefined();
  for (const key of ['treatment', 'holdout', 'difference', 'low', 'high'] as const) {
    expect(actual![key]).toBeCloseTo(expected[key], 9);
  }
}

beforeEach(async () => {
  connection = await memoryDb();
  fixture(connection.sqlite);
});
afterEach(() => connection.close());

describe('campaigns.report on the hand-computed fixture', () => {
  it('counts the arms over the measured window', () => {
    const report = campaignReport(connection.sqlite, { id: 1, confidence: 0.95 }, NOW);
    expect(report.measuredFrom).toBe('2026-03-02T00:00:00.000Z');
    expect(report.measuredTo).toBe('2026-03-31T00:00:00.000Z');
    expect(report.currency).toBe('USD');
    expect(report.arms).toEqual([
      { arm: 'treatment', customers: 10, buyers: 4, orders: 5, revenueMinor: 28000 },
      { arm: 'holdout', customers: 5, buyers: 1, orders: 1, revenueMinor: 6000 },
    ]);
  });

  it('compares the arms with intervals worked out by hand', () => {
    const { comparisons } = campaignReport(connection.sqlite, { id: 1, confidence: 0.95 }, NOW);
    expect(comparisons.map((c) => c.metric)).toEqual(['repeatRate', 'revenuePerCustomer', 'ordersPerCustomer']);
    expectComparison(comparisons[0], { treatment: 0.4, holdout: 0.2, difference: 0.2, low: -0.2638121321816313, high: 0.6638121321816313 });
    expectComparison(comparisons[1], { treatment: 2800, holdout: 1200, difference: 1600, low: -2249.609651993592, high: 5449.609651993592 });
    expectComparison(comparisons[2], { treatment: 0.5, holdout: 0.2, difference: 0.3, low: -0.2879891953620162, high: 0.8879891953620163 });
    expect(comparisons.every((c) => !c.significant)).toBe(true);
  });

  it('takes the quantile of the confidence asked for', () => {
    const { comparisons } = campaignReport(connection.sqlite, { id: 1, confidence: 0.9 }, NOW);
    // 0.2 − 1.6448536269514722 · sqrt(0.056)
    expect(comparisons[0]!.low).toBeCloseTo(-0.1892434115426273, 9);
  });

  it('adds up the cost, the incremental revenue and the ROI', () => {
    const report = campaignReport(connection.sqlite, { id: 1, confidence: 0.95 }, NOW);
    expect(report.incrementalRevenueMinor).toBe(16000);
    expect(report.cost).toEqual({
      pointsPosted: 1250, pointsTakenBack: 0, pointsValueMinor: 2500, couponsIssued: 4, couponsUsed: 3, couponDiscountMinor: 2000, totalMinor: 4500,
    });
    expect(report.roi).toBeCloseTo(2.5555555555555554, 9);
  });

  it('draws the cumulative series day by day', () => {
    const { series } = campaignReport(connection.sqlite, { id: 1, confidence: 0.95 }, NOW);
    expect(series).toHaveLength(29);
    expect(series[0]).toEqual({ day: '2026-03-02', treatmentRepeatRate: 0.1, holdoutRepeatRate: 0,
      treatmentRevenuePerCustomer: 800, holdoutRevenuePerCustomer: 0 });
    expect(series.find((d) => d.day === '2026-03-05')).toMatchObject({ treatmentRepeatRate: 0.3, treatmentRevenuePerCustomer: 2400 });
    expect(series.find((d) => d.day === '2026-03-10')).toMatchObject({ treatmentRepeatRate: 0.3, treatmentRevenuePerCustomer: 2800 });
    expect(series.find((d) => d.day === '2026-03-15')).toMatchObject({ holdoutRepeatRate: 0.2, holdoutRevenuePerCustomer: 1200 });
    expect(series[28]).toEqual({ day: '2026-03-30', treatmentRepeatRate: 0.4, holdoutRepeatRate: 0.2,
      treatmentRevenuePerCustomer: 2800, holdoutRevenuePerCustomer: 1200 });
  });

  it('says that arms this small cannot tell, and how coupon use is known', () => {
    const { caveats } = campaignReport(connection.sqlite, { id: 1, confidence: 0.95 }, NOW);
    expect(caveats).toEqual([
      'The treatment group has only 10 members: too small to tell whether the campaign made a difference.',
      'The holdout group has only 5 members: too small to tell whether the campaign made a difference.',
      'Orders do not record the discount codes they carried, so a coupon counts as used once it is marked used with its order: 3 of 4 so far.',
    ]);
  });
});

describe('campaigns.report windows, currencies and refusals', () => {
  it('measures a running campaign up to now and says so', () => {
    const report = campaignReport(connection.sqlite, { id: 1, confidence: 0.95 }, new Date('2026-03-08T00:00:00.000Z'));
    expect(report.measuredTo).toBe('2026-03-08T00:00:00.000Z');
    // By 03-08: c1 (10000), c2, c3 in treatment; nobody in the holdout.
    expect(report.arms[0]).toMatchObject({ buyers: 3, orders: 3, revenueMinor: 24000 });
    expect(report.arms[1]).toMatchObject({ buyers: 0, orders: 0 });
    expect(report.series).toHaveLength(6);
    expect(report.caveats[0]).toBe('The campaign is still running until 2026-03-31: the figures cover the days so far and will change.');
  });

  it('ends the window where the campaign was stopped early', () => {
    connection.sqlite.prepare("UPDATE campaigns SET status = 'cancelled', cancelled_at = '2026-03-06T00:00:00.000Z' WHERE id = 1").run();
    const report = campaignReport(connection.sqlite, { id: 1, confidence: 0.95 }, NOW);
    expect(report.measuredTo).toBe('2026-03-06T00:00:00.000Z');
    expect(report.arms[0]).toMatchObject({ buyers: 3, revenueMinor: 24000 });
    expect(report.caveats[0]).toBe('The campaign was stopped early on 2026-03-06: the figures cover the days until then.');
  });

  it('leaves orders in another currency out, and counts them', () => {
    insertOrder(connection.sqlite, { id: 20, customerId: 8, seq: null, placedAt: '2026-03-12T00:00:00.000Z', totalMinor: 5000, currency: 'EUR' });
    const report = campaignReport(connection.sqlite, { id: 1, confidence: 0.95 }, NOW);
    expect(report.arms[0]).toMatchObject({ buyers: 4, orders: 5, revenueMinor: 28000 });
    expect(report.caveats).toContain('1 order in currencies other than USD is left out of the figures.');
  });

  it("reports in the campaign's store currency when it has a store", () => {
    insertStore(connection.sqlite, 2, 'EUR');
    connection.sqlite.prepare('UPDATE campaigns SET store_id = 2 WHERE id = 1').run();
    const report = campaignReport(connection.sqlite, { id: 1, confidence: 0.95 }, NOW);
    expect(report.currency).toBe('EUR');
    expect(report.arms.map((a) => a.revenueMinor)).toEqual([0, 0]);
    // The six orders of the window (five treatment, one holdout) are all in USD.
    expect(report.caveats).toContain('6 orders in currencies other than EUR are left out of the figures.');
  });

  it('compares nothing without a holdout', () => {
    insertCampaign(connection.sqlite, {
      id: 2, startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-31T00:00:00.000Z',
      launchedAt: '2026-03-01T00:00:00.000Z', holdoutPercent: 0, treatment: [1, 2, 3],
    });
    const report = campaignReport(connection.sqlite, { id: 2, confidence: 0.95 }, NOW);
    expect(report.comparisons).toEqual([]);
    expect(report.incrementalRevenueMinor).toBe(0);
    expect(report.roi).toBeNull();
    expect(report.arms[0]).toMatchObject({ customers: 3, buyers: 3, orders: 4, revenueMinor: 28000 });
    expect(report.caveats).toContain('This campaign kept no holdout group, so there is nothing to compare against: the figures show what the treatment group did, not what the campaign changed.');
  });

  it('shows an empty window for a campaign launched ahead of its start', () => {
    insertCampaign(connection.sqlite, {
      id: 5, startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-05-31T00:00:00.000Z',
      launchedAt: '2026-04-01T00:00:00.000Z', treatment: [1, 2, 3], holdout: [11, 12],
    });
    const report = campaignReport(connection.sqlite, { id: 5, confidence: 0.95 }, NOW);
    expect(report).toMatchObject({ measuredFrom: '2026-05-01T00:00:00.000Z', measuredTo: '2026-05-01T00:00:00.000Z',
      incrementalRevenueMinor: 0, roi: null, series: [] });
    expect(report.arms.map((a) => [a.customers, a.buyers])).toEqual([[3, 0], [2, 0]]);
    expect(report.caveats).toEqual([
      'The campaign has not started yet (it starts on 2026-05-01): there is nothing to measure so far.',
      'The treatment group has only 3 members: too small to tell whether the campaign made a difference.',
      'The holdout group has only 2 members: too small to tell whether the campaign made a difference.',
      'Nothing has been spent on this campaign yet, so there is no return on investment to show.',
    ]);
  });

  it('refuses a draft, one cancelled before launch, and a missing one with sentences', () => {
    const window = { startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-31T00:00:00.000Z', launchedAt: null };
    insertCampaign(connection.sqlite, { id: 3, name: 'Spring', ...window });
    insertCampaign(connection.sqlite, { id: 4, name: 'Autumn', status: 'cancelled', ...window });
    expect(() => campaignReport(connection.sqlite, { id: 3, confidence: 0.95 }, NOW))
      .toThrow('The campaign "Spring" is still a draft: it has no members to report on yet.');
    expect(() => campaignReport(connection.sqlite, { id: 4, confidence: 0.95 }, NOW))
      .toThrow('The campaign "Autumn" was cancelled before it was launched: it has no members to report on yet.');
    expect(() => campaignReport(connection.sqlite, { id: 99, confidence: 0.95 }, NOW)).toThrow('There is no campaign with id 99.');
  });

  it('reads members and orders through their indexes and the ledger through its key', () => {
    const plans = capturePlans(connection.sqlite, (spied) => campaignReport(spied, { id: 1, confidence: 0.95 }, NOW));
    // Every statement walks a key: no SCAN of the members, the orders or the ledger.
    for (const plan of plans) expect(plan).not.toMatch(/\bSCAN\b/);
    expect(plans).toContain(
      'SEARCH m USING PRIMARY KEY (campaign_id=?) | SEARCH o USING INDEX orders_customer (customer_id=? AND placed_at>? AND placed_at<?)');
    expect(plans).toContain(
      'SEARCH points_ledger USING INDEX sqlite_autoindex_points_ledger_1 (idempotency_key>? AND idempotency_key<?)');
  });
});
