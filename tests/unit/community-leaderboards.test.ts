import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturePlans } from '../helpers/plans';
import { auditTrail } from '../../src/main/domain/audit/log';
import { leaderboard } from '../../src/main/domain/community/leaderboards';
import { readLoyaltySettings, writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { NOW, communityShop, errorOf, feedbackRow, ledgerEntry, STAFF, type CommunityShop } from './community-fixtures';

/**
 * A hand-made February (2026-02-01 to 2026-02-28) with entries just inside
 * and just outside it, entries of the wrong kind, a merged customer (4 into
 * 5) and ties; the expected boards are worked out in each test by hand.
 */
let shop: CommunityShop;
const FEB = { from: '2026-02-01', to: '2026-02-28' };
const IN = '2026-02-10T10:00:00.000Z';

beforeEach(async () => {
  shop = await communityShop(6);
  const s = shop.sqlite;
  s.prepare('UPDATE customers SET merged_into_id = 5 WHERE id = 4').run();
  s.prepare(`INSERT INTO customer_merges (source_customer_id, target_customer_id, staff_id, idempotency_key, merged_at)
    VALUES (4, 5, 1, 'merge-4-5', '2026-03-01T00:00:00.000Z')`).run();
  // Reviews: 1 has three in February (both edges), 2 has three, 3 has one; the rest do not count.
  for (const at of ['2026-02-01T00:00:00.000Z', IN, '2026-02-28T23:59:59.999Z']) feedbackRow(s, { customerId: 1, source: 'review', at });
  for (let i = 0; i < 3; i++) feedbackRow(s, { customerId: 2, source: 'review', at: IN });
  feedbackRow(s, { customerId: 3, source: 'review', at: IN });
  feedbackRow(s, { customerId: 3, source: 'review', at: '2026-01-31T23:59:59.999Z' });
  feedbackRow(s, { customerId: 1, source: 'review', at: '2026-03-01T00:00:00.000Z' });
  feedbackRow(s, { customerId: 6, source: 'survey', at: IN });
  feedbackRow(s, { customerId: 6, source: 'nps', at: IN });
  feedbackRow(s, { customerId: null, source: 'review', at: IN });
  // Referrals: 2 has two in February (one more in March); 4 (merged into 5) one and 5 one.
  const entry = (customerId: number, type: string, points: number, key: string, at = IN) => ledgerEntry(s, { customerId, type, points, key, at });
  entry(2, 'bonus', 100, 'bonus:referral:r1');
  entry(2, 'bonus', 100, 'bonus:referral:r2');
  entry(2, 'bonus', 100, 'bonus:referral:r3', '2026-03-02T00:00:00.000Z');
  entry(4, 'bonus', 100, 'bonus:referral:r4');
  entry(5, 'bonus', 100, 'bonus:referral:r5');
  entry(1, 'bonus', 20, 'bonus:review:fb-1');
  // Points earned: 1 = 100 + 50 (+ an adjustment, a redemption and an honour that do not count) = 150.
  entry(1, 'earn', 100, 'order:1:earn');
  entry(1, 'bonus', 50, 'bonus:signUp:customer:1');
  entry(1, 'adjust', 500, 'adjust:1');
  entry(1, 'redeem', -30, 'redeem:1');
  // January's honour, given in February: its prize posted with the honour's own instant.
  entry(1, 'bonus', 1000, 'honour:points:2026-01-01:2026-01-31:1');
  s.prepare(`INSERT INTO honours (customer_id, board, period_from, period_to, rank, badge, points, awarded_at)
    VALUES (1, 'points', '2026-01-01', '2026-01-31', 1, 'January star', 1000, ?)`).run(IN);
  entry(3, 'earn', 200, 'order:3:earn');
  entry(3, 'earn', 999, 'order:33:earn', '2026-03-01T00:00:00.000Z');
  entry(4, 'earn', 40, 'order:4:earn');
  entry(5, 'earn', 70, 'order:5:earn');
  entry(6, 'earn', 150, 'order:6:earn');
});
afterEach(() => shop.connection.close());

const scores = (board: 'reviewers' | 'referrers' | 'points', extra: { groupId?: number; limit?: number } = {}) =>
  shop.call('leaderboards.get', { board, ...FEB, ...extra }).rows.map((r) => [r.rank, r.customerId, r.score]);

describe('leaderboards.get', () => {
  it('counts reviews written in the period, ties to the lower customer id', () => {
    expect(scores('reviewers')).toEqual([[1, 1, 3], [2, 2, 3], [3, 3, 1]]);
    const board = shop.call('leaderboards.get', { board: 'reviewers', ...FEB });
    expect(board.definition).toMatch(/surveys, CSAT, NPS and messages do not count/);
  });

  it("counts referral bonuses, folding a merged customer's into the one they were merged into", () => {
    expect(scores('referrers')).toEqual([[1, 2, 2], [2, 5, 2]]);
  });

  it('sums points earned by orders and bonuses, not adjustments, redemptions or honours', () => {
    // 5: 70 + 100 (referral) + 4's 40 + 100 (referral) = 310; 2: two referral bonuses = 200; 3: 200 (tie: 2 first);
    // 1: 100 + 50 + 20 (review bonus) = 170; 6: 150.
    expect(scores('points')).toEqual([[1, 5, 310], [2, 2, 200], [3, 3, 200], [4, 1, 170], [5, 6, 150]]);
    expect(scores('points', { limit: 2 })).toEqual([[1, 5, 310], [2, 2, 200]]);
    // 5 alone (170) is not in the top one; with 4's points folded in it is.
    expect(scores('points', { limit: 1 })).toEqual([[1, 5, 310]]);
  });

  it('restricts a board to the members of a group', () => {
    const groupId = shop.call('community.groups.update', { platform: 'qq', name: 'Fans', staffId: STAFF }).id;
    shop.call('community.members.add', { groupId, customerIds: [1, 5], staffId: STAFF });
    expect(scores('points', { groupId })).toEqual([[1, 5, 310], [2, 1, 170]]);
    expect(errorOf(() => shop.call('leaderboards.get', { board: 'points', ...FEB, groupId: 99 })).code).toBe('NOT_FOUND');
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => shop.call('leaderboards.get', { board: 'points', from: '2026-03-01', to: '2026-02-01' }))
      .toThrow(/the start date must not be after the end date/);
  });

  it('reads each board through an index, never a scan of the ledger or the feedback', () => {
    const plans = capturePlans(shop.sqlite, (sqlite) => {
      for (const board of ['reviewers', 'referrers', 'points'] as const) leaderboard(sqlite, { board, ...FEB, limit: 20 });
    }).join('\n');
    expect(plans).not.toMatch(/SCAN (points_ledger|feedback)\b/);
    expect(plans).toMatch(/SEARCH feedback USING INDEX feedback_created/);
    expect(plans).toMatch(/SEARCH points_ledger USING COVERING INDEX points_ledger_credits_by_time/);
    expect(plans).toMatch(/SEARCH points_ledger USING INDEX sqlite_autoindex_points_ledger_1 \(idempotency_key>\? AND idempotency_key<\?\)/);
  });

  it('reads a group-restricted board without a scan either', () => {
    const groupId = shop.call('community.groups.update', { platform: 'qq', name: 'Fans', staffId: STAFF }).id;
    const plans = capturePlans(shop.sqlite, (sqlite) => {
      for (const board of ['reviewers', 'referrers', 'points'] as const) leaderboard(sqlite, { board, ...FEB, groupId, limit: 20 });
    }).join('\n');
    expect(plans).not.toMatch(/SCAN (points_ledger|feedback|customers|community_members)\b/);
  });
});

describe('leaderboards.award', () => {
  const award = (top: number, points = 25) =>
    shop.call('leaderboards.award', { board: 'points', ...FEB, top, badge: 'February star', points, staffId: STAFF });
  const honourEntries = () => shop.sqlite.prepare(
    "SELECT customer_id AS c, points, idempotency_key AS k FROM points_ledger WHERE idempotency_key LIKE 'honour:points:2026-02%' ORDER BY customer_id",
  ).all();

  it('gives the top N a badge and bonus points once, however often it is pressed', () => {
    expect(award(2)).toEqual({ awarded: 2, alreadyHonoured: 0, pointsPosted: 50 });
    expect(award(2)).toEqual({ awarded: 0, alreadyHonoured: 2, pointsPosted: 0 });
    expect(honourEntries()).toEqual([
      { c: 2, points: 25, k: 'honour:points:2026-02-01:2026-02-28:2' },
      { c: 5, points: 25, k: 'honour:points:2026-02-01:2026-02-28:5' },
    ]);
    // Widening to the top 3 honours only the newcomer.
    expect(award(3)).toEqual({ awarded: 1, alreadyHonoured: 2, pointsPosted: 25 });
    const board = shop.call('leaderboards.get', { board: 'points', ...FEB });
    expect(board.rows.map((r) => [r.customerId, r.honoured])).toEqual([[5, true], [2, true], [3, true], [1, false], [6, false]]);
    // The prize does not count towards the board it was given for (nor the next one).
    expect(board.rows.map((r) => r.score)).toEqual([310, 200, 200, 170, 150]);
    const honours = shop.call('community.customerGroups', { customerId: 5 }).honours;
    expect(honours).toEqual([{ board: 'points', badge: 'February star', from: '2026-02-01', to: '2026-02-28', rank: 1 }]);
    const ledgerLink = shop.sqlite.prepare("SELECT count(*) FROM honours WHERE ledger_entry_id IS NOT NULL AND period_from = '2026-02-01'").pluck().get();
    expect(ledgerLink).toBe(3);
    expect(auditTrail(shop.sqlite, 'customer', 5).map((e) => [e.action, e.staff?.name, e.detail.rank])).toEqual([['honour.award', 'Mia', 1]]);
  });

  it('gives a badge alone when no points are given, and refuses points while the program is off', () => {
    expect(shop.call('leaderboards.award', { board: 'reviewers', ...FEB, top: 1, badge: 'Top reviewer', points: 0, staffId: STAFF }))
      .toEqual({ awarded: 1, alreadyHonoured: 0, pointsPosted: 0 });
    const settings = readLoyaltySettings(shop.sqlite);
    writeLoyaltySettings(shop.sqlite, { ...settings, enabled: false }, NOW);
    const error = errorOf(() => award(1));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/loyalty program is switched off/);
    expect(shop.sqlite.prepare("SELECT count(*) FROM honours WHERE board = 'points' AND period_from = '2026-02-01'").pluck().get()).toBe(0);
  });

  it('says so when nobody is on the board', () => {
    const error = errorOf(() => shop.call('leaderboards.award',
      { board: 'referrers', from: '2025-01-01', to: '2025-01-31', top: 3, badge: 'x', points: 5, staffId: STAFF }));
    expect(error.message).toBe('Nobody is on the top referrers board for 2025-01-01 to 2025-01-31, so there is no one to honour.');
  });
});

describe('migration 0024', () => {
  it('indexes the ledger credits by time', () => {
    const sql = shop.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'points_ledger_credits_by_time'").pluck().get();
    expect(sql).toMatch(/ON points_ledger \(created_at, entry_type, customer_id, points\)\s+WHERE points > 0/);
  });
});
