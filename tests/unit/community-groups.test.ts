import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTrail } from '../../src/main/domain/audit/log';
import { communityShop, errorOf, setPerson, STAFF, type CommunityShop } from './community-fixtures';

let shop: CommunityShop;
beforeEach(async () => {
  shop = await communityShop(3);
});
afterEach(() => shop.connection.close());

const discord = { platform: 'discord' as const, name: 'Sneaker heads', link: 'https://discord.gg/abc', owner: 'Mia',
  moderators: ['Leo'], rules: 'Be kind.', staffId: STAFF };

describe('community groups', () => {
  it('creates a group, lists it with its member count and keeps archived ones out unless asked', () => {
    const created = shop.call('community.groups.update', discord);
    expect(created).toMatchObject({ name: 'Sneaker heads', platform: 'discord', moderators: ['Leo'], archived: false, members: 0, version: 1 });
    const other = shop.call('community.groups.update', { platform: 'wechat', name: 'VIP 群', staffId: STAFF });
    shop.call('community.members.add', { groupId: created.id, customerIds: [1, 2], staffId: STAFF });
    expect(shop.call('community.groups.list', {}).groups.map((g) => [g.name, g.members])).toEqual([['Sneaker heads', 2], ['VIP 群', 0]]);

    shop.call('community.groups.update', { ...discord, id: other.id, version: 1, platform: 'wechat', name: 'VIP 群', archived: true });
    expect(shop.call('community.groups.list', {}).groups.map((g) => g.name)).toEqual(['Sneaker heads']);
    expect(shop.call('community.groups.list', { includeArchived: true }).groups.map((g) => [g.name, g.archived]))
      .toEqual([['Sneaker heads', false], ['VIP 群', true]]);
    expect(shop.events).toContainEqual({ event: 'data.changed', payload: { areas: ['community'] } });
  });

  it('refuses an edit made on a stale version with a sentence, and changes nothing', () => {
    const created = shop.call('community.groups.update', discord);
    const edited = shop.call('community.groups.update', { ...discord, id: created.id, version: 1, rules: 'No spam.' });
    expect(edited).toMatchObject({ version: 2, rules: 'No spam.' });
    const stale = errorOf(() => shop.call('community.groups.update', { ...discord, id: created.id, version: 1, name: 'Renamed' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/Someone else changed the group "Sneaker heads"/);
    expect(shop.call('community.groups.get', { id: created.id })).toMatchObject({ name: 'Sneaker heads', version: 2 });
    expect(errorOf(() => shop.call('community.groups.update', { ...discord, id: created.id })).code).toBe('VALIDATION');
    expect(errorOf(() => shop.call('community.groups.update', { ...discord, id: 99, version: 1 })).code).toBe('NOT_FOUND');
  });

  it('audits each write with who made it and what changed', () => {
    const created = shop.call('community.groups.update', discord);
    shop.call('community.groups.update', { ...discord, id: created.id, version: 1, archived: true });
    const trail = auditTrail(shop.sqlite, 'community_group', created.id);
    expect(trail.map((e) => [e.action, e.staff?.name])).toEqual([['group.archive', 'Mia'], ['group.create', 'Mia']]);
    expect(trail[0]!.detail).toMatchObject({ before: { archived: false }, after: { archived: true } });
  });

  it('refuses a write by an unknown staff member and a link that is not a web link', () => {
    expect(errorOf(() => shop.call('community.groups.update', { ...discord, staffId: 42 })).message)
      .toBe('There is no active staff member with id 42 to record this change.');
    expect(() => shop.call('community.groups.update', { ...discord, link: 'discord' })).toThrow(/web link/);
    expect(shop.call('community.groups.list', { includeArchived: true }).groups).toEqual([]);
  });
});

describe('community notes and the profile card', () => {
  it('shows notes newest first with who wrote them and about whom', () => {
    setPerson(shop.sqlite, 2, { first: 'Ava', last: 'Stone' });
    const group = shop.call('community.groups.update', discord);
    shop.call('community.members.add', { groupId: group.id, customerIds: [2], staffId: STAFF });
    shop.call('community.notes.add', { groupId: group.id, body: 'Ran a sizing Q&A.', staffId: STAFF });
    const detail = shop.call('community.notes.add', { groupId: group.id, customerId: 2, body: 'Ava helped two newcomers.', staffId: STAFF });
    expect(detail.notes.map((n) => [n.body, n.customerName, n.staffName])).toEqual([
      ['Ava helped two newcomers.', 'Ava Stone', 'Mia'],
      ['Ran a sizing Q&A.', null, 'Mia'],
    ]);
  });

  it('refuses a note about someone who is not in the group', () => {
    const group = shop.call('community.groups.update', discord);
    const error = errorOf(() => shop.call('community.notes.add', { groupId: group.id, customerId: 3, body: 'Hi', staffId: STAFF }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/not a member of "Sneaker heads"/);
    expect(shop.call('community.groups.get', { id: group.id }).notes).toEqual([]);
  });

  it("lists a customer's groups and honours for the profile", () => {
    const group = shop.call('community.groups.update', discord);
    shop.call('community.members.add', { groupId: group.id, customerIds: [1], staffId: STAFF });
    shop.sqlite.prepare(`INSERT INTO honours (customer_id, board, period_from, period_to, rank, badge, points, awarded_at)
      VALUES (1, 'reviewers', '2026-02-01', '2026-02-28', 1, 'Top reviewer', 0, '2026-03-01T00:00:00.000Z')`).run();
    const card = shop.call('community.customerGroups', { customerId: 1 });
    expect(card.groups.map((g) => g.name)).toEqual(['Sneaker heads']);
    expect(card.honours).toEqual([{ board: 'reviewers', badge: 'Top reviewer', from: '2026-02-01', to: '2026-02-28', rank: 1 }]);
    expect(shop.call('community.customerGroups', { customerId: 2 })).toEqual({ groups: [], honours: [] });
    expect(errorOf(() => shop.call('community.customerGroups', { customerId: 77 })).code).toBe('NOT_FOUND');
  });
});
