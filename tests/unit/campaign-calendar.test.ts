import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { campaignCalendar } from '../../src/main/domain/campaigns/calendar';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertStore } from '../helpers/fixtures';
import { capturePlans } from '../helpers/plans';
import { insertCampaign, insertCampaignCoupon, insertLedger } from './campaign-report-fixtures';

/**
 * The calendar over 2026-03-01 … 2026-04-15, seen on 2026-03-10 at noon.
 *  campaigns  1 launched 03-01 → 03-31 (15 members)        shown 03-01 … 03-30
 *             2 draft 04-10 → 04-20                         shown 04-10 … 04-19, count 0
 *             3 cancelled before launch                     not shown
 *             4 launched, ended 02-28                        not shown
 *             5 launched 03-05 → 04-30, stopped 03-10        shown 03-05 … 03-09
 *             6 launched 02-20 → 03-03                       shown from 03-01 (first day in range) … 03-02
 *  coupons    campaign 1: three issued expiring 03-31, one used and one void the same day,
 *             one issued expiring 04-16 (after the range); campaign 5: one expiring 03-31 → two waves on 03-31
 *  points     c1 100 and c2 50 − 20 redeemed expire 03-20 → 130 points, 2 customers;
 *             c5 10 expire 03-25; c3's 70 expired 03-05 (before now); c4's 40 expire 05-01 (after the range)
 */
const NOW = new Date('2026-03-10T12:00:00.000Z');
let connection: Connection;

beforeEach(async () => {
  connection = await memoryDb();
  const { sqlite } = connection;
  insertStore(sqlite);
  for (let id = 1; id <= 15; id++) insertCustomer(sqlite, id);
  const members = { treatment: Array.from({ length: 13 }, (_, i) => i + 1), holdout: [14, 15] };
  insertCampaign(sqlite, { id: 1, name: 'March points', startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-31T00:00:00.000Z',
    launchedAt: '2026-03-01T00:00:00.000Z', ...members });
  insertCampaign(sqlite, { id: 2, name: 'April draft', startsAt: '2026-04-10T00:00:00.000Z', endsAt: '2026-04-20T00:00:00.000Z', launchedAt: null });
  insertCampaign(sqlite, { id: 3, name: 'Dropped', startsAt: '2026-03-10T00:00:00.000Z', endsAt: '2026-03-20T00:00:00.000Z',
    launchedAt: null, status: 'cancelled', cancelledAt: '2026-03-02T00:00:00.000Z' });
  insertCampaign(sqlite, { id: 4, name: 'February', startsAt: '2026-02-01T00:00:00.000Z', endsAt: '2026-02-28T00:00:00.000Z',
    launchedAt: '2026-02-01T00:00:00.000Z', treatment: [1] });
  insertCampaign(sqlite, { id: 5, name: 'Stopped early', startsAt: '2026-03-05T00:00:00.000Z', endsAt: '2026-04-30T00:00:00.000Z',
    launchedAt: '2026-03-05T00:00:00.000Z', status: 'cancelled', cancelledAt: '2026-03-10T00:00:00.000Z', treatment: [1, 2] });
  insertCampaign(sqlite, { id: 6, name: 'Late February', startsAt: '2026-02-20T00:00:00.000Z', endsAt: '2026-03-03T00:00:00.000Z',
    launchedAt: '2026-02-20T00:00:00.000Z', treatment: [3] });

  const coupon = (id: number, campaignId: number, expiresAt: string, status: 'issued' | 'used' | 'void' = 'issued') =>
    insertCampaignCoupon(sqlite, { id, campaignId, customerId: id, kind: 'fixed_amount', valueMinor: 500, status, expiresAt });
  coupon(1, 1, '2026-03-31T00:00:00.000Z');
  coupon(2, 1, '2026-03-31T00:00:00.000Z');
  coupon(3, 1, '2026-03-31T23:59:59.000Z');
  coupon(4, 1, '2026-03-31T00:00:00.000Z', 'used');
  coupon(5, 1, '2026-03-31T00:00:00.000Z', 'void');
  coupon(6, 1, '2026-04-16T00:00:00.000Z');
  coupon(7, 5, '2026-03-31T10:00:00.000Z');

  insertLedger(sqlite, { customerId: 1, points: 100, key: 'p1', at: '2026-01-01T00:00:00.000Z', expiresAt: '2026-03-20T00:00:00.000Z' });
  insertLedger(sqlite, { customerId: 2, points: 50, key: 'p2', at: '2026-01-01T00:00:00.000Z', expiresAt: '2026-03-20T08:00:00.000Z' });
  insertLedger(sqlite, { customerId: 2, points: -20, key: 'p2r', type: 'redeem', at: '2026-02-01T00:00:00.000Z' });
  insertLedger(sqlite, { customerId: 3, points: 70, key: 'p3', at: '2026-01-01T00:00:00.000Z', expiresAt: '2026-03-05T00:00:00.000Z' });
  insertLedger(sqlite, { customerId: 4, points: 40, key: 'p4', at: '2026-01-01T00:00:00.000Z', expiresAt: '2026-05-01T00:00:00.000Z' });
  insertLedger(sqlite, { customerId: 5, points: 10, key: 'p5', at: '2026-01-01T00:00:00.000Z', expiresAt: '2026-03-25T12:00:00.000Z' });
});
afterEach(() => connection.close());

describe('campaigns.calendar', () => {
  it('lists campaigns, coupon waves and points waves by day', () => {
    const calendar = campaignCalendar(connection.sqlite, { from: '2026-03-01', to: '2026-04-15' }, NOW);
    expect(calendar.from).toBe('2026-03-01');
    expect(calendar.to).toBe('2026-04-15');
    expect(calendar.items).toEqual([
      { kind: 'campaign', day: '2026-03-01', endDay: '2026-03-02', title: 'Late February', campaignId: 6, count: 1, points: null },
      { kind: 'campaign', day: '2026-03-01', endDay: '2026-03-30', title: 'March points', campaignId: 1, count: 15, points: null },
      { kind: 'campaign', day: '2026-03-05', endDay: '2026-03-09', title: 'Stopped early', campaignId: 5, count: 2, points: null },
      { kind: 'pointsExpiry', day: '2026-03-20', endDay: null, title: 'Points expiry', campaignId: null, count: 2, points: 130 },
      { kind: 'pointsExpiry', day: '2026-03-25', endDay: null, title: 'Points expiry', campaignId: null, count: 1, points: 10 },
      { kind: 'couponExpiry', day: '2026-03-31', endDay: null, title: 'March points', campaignId: 1, count: 3, points: null },
      { kind: 'couponExpiry', day: '2026-03-31', endDay: null, title: 'Stopped early', campaignId: 5, count: 1, points: null },
      { kind: 'campaign', day: '2026-04-10', endDay: '2026-04-19', title: 'April draft', campaignId: 2, count: 0, points: null },
    ]);
  });

  it('takes the last day of the range whole', () => {
    const { items } = campaignCalendar(connection.sqlite, { from: '2026-04-16', to: '2026-04-16' }, NOW);
    expect(items).toEqual([
      { kind: 'campaign', day: '2026-04-16', endDay: '2026-04-19', title: 'April draft', campaignId: 2, count: 0, points: null },
      { kind: 'couponExpiry', day: '2026-04-16', endDay: null, title: 'March points', campaignId: 1, count: 1, points: null },
    ]);
  });

  it('shows no points wave for days already past', () => {
    const { items } = campaignCalendar(connection.sqlite, { from: '2026-03-01', to: '2026-03-09' }, NOW);
    expect(items.filter((item) => item.kind === 'pointsExpiry')).toEqual([]);
  });

  it('starts every read from an index', () => {
    const plans = capturePlans(connection.sqlite, (spied) => campaignCalendar(spied, { from: '2026-03-01', to: '2026-04-15' }, NOW));
    for (const plan of plans) {
      expect(plan).not.toMatch(/SCAN (k|points_ledger|campaign_coupons)\b/);
    }
    expect(plans.join('\n')).toMatch(/SEARCH campaigns USING INDEX campaigns_window/);
    expect(plans.join('\n')).toMatch(/SEARCH k USING INDEX campaign_coupons_expiry/);
    expect(plans.join('\n')).toMatch(/points_ledger USING (COVERING )?INDEX points_ledger_expiry/);
  });
});
