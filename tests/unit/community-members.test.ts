import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturePlans } from '../helpers/plans';
import { listMembers } from '../../src/main/domain/community/member-list';
import { NOW, communityShop, errorOf, ledgerEntry, programWithTiers, setPerson, STAFF, type CommunityShop } from './community-fixtures';

let shop: CommunityShop;
let groupId: number;
beforeEach(async () => {
  shop = await communityShop(8);
  const s = shop.sqlite;
  setPerson(s, 1, { first: 'Ava', last: 'Stone', email: 'Ava.Stone@Example.com', phone: '+1 (416) 555-0101' });
  setPerson(s, 2, { first: 'Bo', last: 'Chen', email: 'bo@example.com', phone: '138 0013 8000' });
  setPerson(s, 3, { first: 'Cy', last: 'Adams', email: 'cy@example.com' });
  setPerson(s, 4, { first: 'Di', last: 'Stone', email: 'old-di@example.com' });
  setPerson(s, 5, { first: 'Di', last: 'Stone', email: 'di@example.com' });
  // Customer 4 was merged into 5: its orders and points live with 5 now.
  s.prepare('UPDATE customers SET merged_into_id = 5 WHERE id = 4').run();
  s.prepare(`INSERT INTO customer_merges (source_customer_id, target_customer_id, staff_id, idempotency_key, merged_at)
    VALUES (4, 5, 1, 'merge-4-5', '2026-03-01T00:00:00.000Z')`).run();
  setPerson(s, 6, { first: 'Ed', last: 'Brown', email: 'ed@example.com' });
  groupId = shop.call('community.groups.update', { platform: 'whatsapp', name: 'Runners', staffId: STAFF }).id;
});
afterEach(() => shop.connection.close());

const memberIds = () => shop.sqlite.prepare('SELECT customer_id FROM community_members WHERE group_id = ? ORDER BY customer_id')
  .pluck().all(groupId);

describe('community.members.add', () => {
  it('matches an imported list by email, phone and id however they are written', () => {
    const result = shop.call('community.members.add', { groupId, staffId: STAFF, entries: [
      '  ava.stone@EXAMPLE.com ', // email: any case, spaces around
      '13800138000', // a phone's digits without its spaces
      '#3', // an id
      '6', // bare digits: an id first
      '4', // a merged customer's id: their survivor, 5
    ] });
    expect(result).toEqual({ added: 5, alreadyIn: 0, unmatched: [], unmatchedCount: 0 });
    expect(memberIds()).toEqual([1, 2, 3, 5, 6]);
    expect(shop.call('community.members.list', { groupId }).rows.every((r) => r.source === 'import')).toBe(true);
  });

  it("lands an old email of a merged-away customer on the customer they were merged into", () => {
    expect(shop.call('community.members.add', { groupId, staffId: STAFF, entries: ['OLD-DI@example.com'] }))
      .toEqual({ added: 1, alreadyIn: 0, unmatched: [], unmatchedCount: 0 });
    expect(memberIds()).toEqual([5]);
  });

  it('refuses to add to an archived group', () => {
    shop.call('community.groups.update', { platform: 'whatsapp', name: 'Runners', staffId: STAFF, id: groupId, version: 1, archived: true });
    expect(errorOf(() => shop.call('community.members.add', { groupId, staffId: STAFF, customerIds: [1] })).message)
      .toBe('The group "Runners" is archived; restore it before adding members.');
  });

  it('finds a phone written with punctuation, and reports what matched nobody (first 50 and the count)', () => {
    const nobody = Array.from({ length: 60 }, (_, i) => `nobody${i}@example.com`);
    const result = shop.call('community.members.add', { groupId, staffId: STAFF,
      entries: ['+1 416.555.0101', '#999', 'Ava Stone', ...nobody] });
    expect(memberIds()).toEqual([1]);
    expect(result.added).toBe(1);
    expect(result.unmatchedCount).toBe(62);
    expect(result.unmatched).toHaveLength(50);
    expect(result.unmatched.slice(0, 3)).toEqual(['#999', 'Ava Stone', 'nobody0@example.com']);
  });

  it('counts who is already in, adds each person once and keeps their first role and join', () => {
    shop.call('community.members.add', { groupId, staffId: STAFF, customerIds: [1], role: 'moderator' });
    const again = shop.call('community.members.add', { groupId, staffId: STAFF, customerIds: [1, 2, 4],
      entries: ['bo@example.com', 'di@example.com'] });
    // 1 is in; 2 by id and by email is one person; 4 (merged) and di@ are both 5.
    expect(again).toEqual({ added: 2, alreadyIn: 1, unmatched: [], unmatchedCount: 0 });
    const rows = shop.call('community.members.list', { groupId }).rows;
    expect(rows.map((r) => [r.customerId, r.role, r.source])).toEqual([[2, 'member', 'profile'], [1, 'moderator', 'profile'], [5, 'member', 'profile']]);
  });

  it('refuses an unknown customer id from a profile and adds nobody then', () => {
    const error = errorOf(() => shop.call('community.members.add', { groupId, staffId: STAFF, customerIds: [1, 404] }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'There is no customer with id 404 to add to the group.' });
    expect(memberIds()).toEqual([]);
    expect(errorOf(() => shop.call('community.members.add', { groupId: 77, staffId: STAFF, customerIds: [1] })).code).toBe('NOT_FOUND');
    expect(() => shop.call('community.members.add', { groupId, staffId: STAFF })).toThrow(/name at least one customer/);
  });

  it('takes members out, counting only those who were in', () => {
    shop.call('community.members.add', { groupId, staffId: STAFF, customerIds: [1, 2] });
    expect(shop.call('community.members.remove', { groupId, staffId: STAFF, customerIds: [2, 3] })).toEqual({ removed: 1 });
    expect(memberIds()).toEqual([1]);
  });
});

describe('community.members.list', () => {
  beforeEach(() => {
    programWithTiers(shop.sqlite);
    shop.call('community.members.add', { groupId, staffId: STAFF, customerIds: [1, 2, 3, 5, 6] });
    ledgerEntry(shop.sqlite, { customerId: 1, type: 'earn', points: 300, key: 'o1', at: '2026-03-01T00:00:00.000Z' });
    ledgerEntry(shop.sqlite, { customerId: 1, type: 'redeem', points: -100, key: 'r1', at: '2026-03-02T00:00:00.000Z' });
    ledgerEntry(shop.sqlite, { customerId: 3, type: 'bonus', points: 50, key: 'b3', at: '2026-03-03T00:00:00.000Z' });
    shop.sqlite.prepare(`INSERT INTO customer_tiers (customer_id, tier_id, since) VALUES (1, 'gold', ?), (3, 'bronze', ?)`)
      .run(NOW.toISOString(), NOW.toISOString());
  });

  it('pages in name order with a cursor, each row with its points balance and tier', () => {
    const first = shop.call('community.members.list', { groupId, limit: 2 });
    expect(first.total).toBe(5);
    expect(first.rows.map((r) => [r.name, r.pointsBalance, r.tierName])).toEqual([['Cy Adams', 50, 'Bronze'], ['Ed Brown', 0, null]]);
    const second = shop.call('community.members.list', { groupId, limit: 2, cursor: first.nextCursor });
    expect(second.rows.map((r) => [r.name, r.pointsBalance, r.tierName])).toEqual([['Bo Chen', 0, null], ['Ava Stone', 200, 'Gold']]);
    const third = shop.call('community.members.list', { groupId, limit: 2, cursor: second.nextCursor });
    expect(third.rows.map((r) => r.name)).toEqual(['Di Stone']);
    expect(third.nextCursor).toBeNull();
    expect(errorOf(() => shop.call('community.members.list', { groupId, cursor: 'nonsense' })).code).toBe('VALIDATION');
  });

  it('searches by name (first, last, both) and email', () => {
    const names = (search: string) => shop.call('community.members.list', { groupId, search }).rows.map((r) => r.name);
    expect(names('stone')).toEqual(['Ava Stone', 'Di Stone']);
    expect(names('ava s')).toEqual(['Ava Stone']);
    expect(names('bo@')).toEqual(['Bo Chen']);
    expect(names('zz')).toEqual([]);
    expect(shop.call('community.members.list', { groupId, search: 'stone' }).total).toBe(2);
  });

  it('reads balances and tiers for the page in batched, indexed reads', () => {
    const plans = capturePlans(shop.sqlite, (sqlite) => listMembers(sqlite, { groupId, limit: 50 }, NOW), { selectsOnly: true });
    const ledger = plans.filter((p) => p.includes('points_ledger'));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatch(/SEARCH points_ledger USING INDEX points_ledger_customer/);
    expect(plans.join('\n')).not.toMatch(/SCAN (customers|points_ledger|customer_tiers)\b/);
  });
});
