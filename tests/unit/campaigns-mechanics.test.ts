import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { checkin } from '../../src/main/domain/campaigns/checkin';
import { launchCampaign } from '../../src/main/domain/campaigns/launch';
import { launchedMultiplierExists } from '../../src/main/domain/campaigns/multiplier';
import { campaignCost } from '../../src/main/domain/campaigns/report/cost';
import { completedStreaks, unitIndex } from '../../src/main/domain/campaigns/streak';
import { earnForOrder, reverseForRefund } from '../../src/main/domain/loyalty/orders';
import { memoryDb } from '../helpers/db';
import { campaignLedger, count, createDraft, insertPaidOrder, NOW, seedShop } from './campaigns-fixtures';

/** The multiplier on orders before and after launch, and check-in streaks. */
let connection: Connection;
const ledgerCtx = () => ({ sqlite: connection.sqlite, now: () => NOW });
const armOf = (campaignId: number, customerId: number) =>
  connection.sqlite.prepare('SELECT arm FROM campaign_members WHERE campaign_id = ? AND customer_id = ?').pluck().get(campaignId, customerId);

beforeEach(async () => {
  connection = await memoryDb();
  seedShop(connection.sqlite, 60);
});
afterEach(() => connection.close());

describe('the points multiplier', () => {
  it('adds earned × (multiplier − 1) once per order in the window: orders before launch at launch, later ones as they earn, re-applied ones never twice', () => {
    const { sqlite } = connection;
    // Before launch: order 1 in the window (earned 100 points at 1 per dollar), order 2 before it.
    insertPaidOrder(sqlite, 1, 1, '2026-04-10T00:00:00.000Z');
    insertPaidOrder(sqlite, 2, 1, '2026-03-10T00:00:00.000Z');
    earnForOrder(ledgerCtx(), 1);
    earnForOrder(ledgerCtx(), 2);
    const campaign = createDraft(sqlite, { holdoutPercent: 0, mechanics: [{ kind: 'multiplier', multiplier: 1.5 }] });
    expect(launchedMultiplierExists(sqlite)).toBe(false);
    const launched = launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-mult' }, NOW);
    expect(launchedMultiplierExists(sqlite)).toBe(true);
    expect(launched.pointsPosted).toBe(50);
    expect(sqlite.prepare('SELECT order_id, points FROM points_ledger WHERE idempotency_key = ?').get(`campaign:${campaign.id}:order:1`))
      .toEqual({ order_id: 1, points: 50 });
    // After launch: an order of $33.33 earns 33, and the campaign adds floor(33 × 0.5) = 16.
    insertPaidOrder(sqlite, 3, 1, '2026-05-01T00:00:00.000Z', 3_333);
    earnForOrder(ledgerCtx(), 3);
    earnForOrder(ledgerCtx(), 3);
    expect(sqlite.prepare('SELECT points FROM points_ledger WHERE idempotency_key = ?').pluck().get(`campaign:${campaign.id}:order:3`)).toBe(16);
    // An order placed after the window earns nothing extra.
    insertPaidOrder(sqlite, 4, 1, '2026-06-02T00:00:00.000Z');
    earnForOrder(ledgerCtx(), 4);
    expect(campaignLedger(sqlite, campaign.id)).toEqual({ rows: 2, points: 66 });
    // Launch retried: the pre-launch order is not multiplied again.
    launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-mult' }, NOW);
    expect(campaignLedger(sqlite, campaign.id)).toEqual({ rows: 2, points: 66 });
  });

  it('takes the extra back with the earning when the order is refunded, in the same proportion', () => {
    const { sqlite } = connection;
    const campaign = createDraft(sqlite, { holdoutPercent: 0, mechanics: [{ kind: 'multiplier', multiplier: 1.5 }] });
    launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-refund' }, NOW);
    insertPaidOrder(sqlite, 7, 2, '2026-05-02T00:00:00.000Z');
    earnForOrder(ledgerCtx(), 7);
    // 100 earned + 50 extra; half the order refunded takes back 75, and the same refund again nothing.
    expect(reverseForRefund(ledgerCtx(), { orderId: 7, refundKey: 'refund:1', refundedTotalMinor: 5_000 })?.entry.points).toBe(-75);
    expect(reverseForRefund(ledgerCtx(), { orderId: 7, refundKey: 'refund:1', refundedTotalMinor: 5_000 })?.replayed).toBe(true);
    expect(sqlite.prepare('SELECT sum(points) FROM points_ledger WHERE order_id = 7').pluck().get()).toBe(75);
    // The report's cost counts the 25 extra points the customer keeps, not the 50 posted (a point is worth 1 minor unit).
    expect(campaignCost(sqlite, campaign.id)).toMatchObject({ pointsPosted: 50, pointsTakenBack: 25, pointsValueMinor: 25 });
    // Refunded whole: all of the extra is taken back, and the campaign cost nothing in points.
    reverseForRefund(ledgerCtx(), { orderId: 7, refundKey: 'refund:2', refundedTotalMinor: 10_000 });
    expect(campaignCost(sqlite, campaign.id)).toMatchObject({ pointsPosted: 50, pointsTakenBack: 50, pointsValueMinor: 0 });
  });

  it('gives the holdout nothing extra', () => {
    const { sqlite } = connection;
    const campaign = createDraft(sqlite, { holdoutPercent: 50, mechanics: [{ kind: 'multiplier', multiplier: 2 }] });
    launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-mult' }, NOW);
    let orderId = 100;
    for (let customerId = 1; customerId <= 60; customerId++) {
      insertPaidOrder(sqlite, ++orderId, customerId, '2026-05-01T00:00:00.000Z');
      earnForOrder(ledgerCtx(), orderId);
    }
    const treatment = count(sqlite, "SELECT count(*) FROM campaign_members WHERE campaign_id = ? AND arm = 'treatment'", campaign.id);
    expect(treatment).toBeGreaterThan(0);
    expect(treatment).toBeLessThan(60);
    expect(campaignLedger(sqlite, campaign.id)).toEqual({ rows: treatment, points: treatment * 100 });
    expect(count(sqlite, `SELECT count(*) FROM points_ledger l JOIN campaign_members m ON m.customer_id = l.customer_id
      WHERE m.campaign_id = ? AND m.arm = 'holdout' AND l.entry_type = 'bonus'`, campaign.id)).toBe(0);
  });
});

describe('streaks', () => {
  it('counts runs of consecutive units: every N when repeatable, once otherwise; weeks start on Monday', () => {
    expect(completedStreaks([1, 2, 3, 5, 6, 7, 8, 9, 10], { length: 3, repeatable: true })).toBe(3);
    expect(completedStreaks([1, 2, 3, 5, 6, 7, 8, 9, 10], { length: 3, repeatable: false })).toBe(1);
    expect(completedStreaks([1, 2, 4, 5], { length: 3, repeatable: true })).toBe(0);
    expect(completedStreaks([1, 2, 3, 4, 5], { length: 3, repeatable: true })).toBe(1);
    // Sunday 2026-05-03 and Monday 2026-05-04 are in consecutive ISO weeks; Monday to Sunday share one.
    expect(unitIndex('2026-05-04', 'week') - unitIndex('2026-05-03', 'week')).toBe(1);
    expect(unitIndex('2026-05-10', 'week')).toBe(unitIndex('2026-05-04', 'week'));
  });

  it('posts the streak points when a check-in completes a run (an order day counts as activity), once per streak and day', () => {
    const { sqlite } = connection;
    const campaign = createDraft(sqlite, { holdoutPercent: 0, startsAt: '2026-04-20T00:00:00Z',
      mechanics: [{ kind: 'streak', unit: 'day', length: 3, points: 30, repeatable: true }] });
    // An order on 04-22 before launch: activity, but no streak yet.
    insertPaidOrder(sqlite, 1, 2, '2026-04-22T09:00:00.000Z');
    launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-streak' }, NOW);
    const at = new Date('2026-04-30T12:00:00Z');
    const day = (d: string) => checkin(sqlite, { campaignId: campaign.id, customerId: 2, day: d, staffId: 7 }, at);
    expect(day('2026-04-23')).toEqual({ recorded: true, streakPoints: 0 });
    expect(day('2026-04-24')).toEqual({ recorded: true, streakPoints: 30 });
    expect(day('2026-04-24')).toEqual({ recorded: false, streakPoints: 0 });
    expect(day('2026-04-26')).toEqual({ recorded: true, streakPoints: 0 });
    expect(day('2026-04-27')).toEqual({ recorded: true, streakPoints: 0 });
    // 04-25 joins 22..27 into one run of 6: a second streak.
    expect(day('2026-04-25')).toEqual({ recorded: true, streakPoints: 30 });
    expect(campaignLedger(sqlite, campaign.id)).toEqual({ rows: 2, points: 60 });
    expect(() => day('2026-04-19')).toThrow('The check-in day must fall within the campaign, 2026-04-20 to 2026-05-31.');
    expect(() => day('2026-05-02')).toThrow('A check-in cannot be recorded for a day still to come.');
    expect(() => checkin(sqlite, { campaignId: campaign.id, customerId: 999, day: '2026-04-23', staffId: 7 }, at))
      .toThrow("This customer is not in the campaign's audience.");
    expect(armOf(campaign.id, 2)).toBe('treatment');
  });

  it('posts a streak completed by orders before the launch at the launch, once when not repeatable', () => {
    const { sqlite } = connection;
    const campaign = createDraft(sqlite, { holdoutPercent: 0, mechanics: [{ kind: 'streak', unit: 'week', length: 2, points: 40, repeatable: false }] });
    for (const [id, placedAt] of [[1, '2026-04-06T10:00:00.000Z'], [2, '2026-04-14T10:00:00.000Z'], [3, '2026-04-21T10:00:00.000Z'], [4, '2026-04-28T10:00:00.000Z']] as const) {
      insertPaidOrder(sqlite, id, 3, placedAt);
    }
    const result = launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-weeks' }, NOW);
    expect(result.pointsPosted).toBe(40);
    expect(campaignLedger(sqlite, campaign.id)).toEqual({ rows: 1, points: 40 });
  });
  it('counts an order that earns after the launch as the day\'s activity and posts the streak it completes, once', () => {
    const { sqlite } = connection;
    const campaign = createDraft(sqlite, { holdoutPercent: 0, mechanics: [{ kind: 'streak', unit: 'day', length: 3, points: 30, repeatable: false }] });
    launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-orders' }, NOW);
    expect(launchedMultiplierExists(sqlite)).toBe(true);
    let orderId = 200;
    for (const day of ['2026-05-04', '2026-05-05']) {
      insertPaidOrder(sqlite, ++orderId, 4, `${day}T09:00:00.000Z`);
      earnForOrder(ledgerCtx(), orderId);
    }
    expect(campaignLedger(sqlite, campaign.id)).toEqual({ rows: 0, points: 0 });
    // The third day running completes the streak; the order synced again posts nothing more.
    insertPaidOrder(sqlite, ++orderId, 4, '2026-05-06T09:00:00.000Z');
    earnForOrder(ledgerCtx(), orderId);
    earnForOrder(ledgerCtx(), orderId);
    expect(campaignLedger(sqlite, campaign.id)).toEqual({ rows: 1, points: 30 });
  });
});
