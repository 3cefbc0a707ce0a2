import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTrail } from '../../src/main/domain/audit/log';
import { insertOrder } from '../helpers/fixtures';
import { NOW, communityShop, errorOf, ledgerEntry, programWithTiers, setPerson, STAFF, type CommunityShop } from './community-fixtures';

let shop: CommunityShop;
beforeEach(async () => {
  shop = await communityShop(2);
});
afterEach(() => shop.connection.close());

const draft = { titleEn: 'Double points week', titleZh: '双倍积分周', bodyEn: 'All **orders** earn double.', bodyZh: '所有**订单**双倍积分。', staffId: STAFF };

describe('announcements', () => {
  it('saves both languages, lists newest first and refuses a stale edit', () => {
    const first = shop.call('announcements.save', draft);
    const second = shop.call('announcements.save', { ...draft, titleEn: 'Meetup', titleZh: '见面会' });
    expect(shop.call('announcements.list', {}).announcements.map((a) => a.id)).toEqual([second.id, first.id]);
    const edited = shop.call('announcements.save', { ...draft, id: first.id, version: 1, bodyEn: 'Every order earns double.' });
    expect(edited).toMatchObject({ version: 2, bodyEn: 'Every order earns double.', bodyZh: '所有**订单**双倍积分。' });
    const stale = errorOf(() => shop.call('announcements.save', { ...draft, id: first.id, version: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/Someone else changed the announcement "Double points week"/);
    expect(auditTrail(shop.sqlite, 'announcement', first.id).map((e) => e.action)).toEqual(['announcement.update', 'announcement.create']);
  });

  it('requires both languages and real groups', () => {
    expect(() => shop.call('announcements.save', { ...draft, titleZh: ' ' })).toThrow(/is required/);
    expect(errorOf(() => shop.call('announcements.save', { ...draft, groupIds: [9] })).message)
      .toBe('There is no community group with id 9 to address the announcement to.');
    expect(shop.call('announcements.list', {}).announcements).toEqual([]);
  });

  it("exports for a group's platform in its default language, or the one asked for", () => {
    const wechat = shop.call('community.groups.update', { platform: 'wechat', name: 'VIP 群', staffId: STAFF });
    const discord = shop.call('community.groups.update', { platform: 'discord', name: 'Club', staffId: STAFF });
    const announcement = shop.call('announcements.save', { ...draft, groupIds: [wechat.id] });
    expect(shop.call('announcements.export', { id: announcement.id, groupId: wechat.id })).toEqual({
      groupId: wechat.id, platform: 'wechat', language: 'zh-CN', text: '【双倍积分周】\n\n所有订单双倍积分。',
      parts: ['【双倍积分周】\n\n所有订单双倍积分。'], warnings: [],
    });
    expect(shop.call('announcements.export', { id: announcement.id, groupId: wechat.id, language: 'en' }).text)
      .toBe('Double points week\n\nAll orders earn double.');
    const toDiscord = shop.call('announcements.export', { id: announcement.id, groupId: discord.id });
    expect(toDiscord.text).toBe('**Double points week**\n\nAll **orders** earn double.');
    expect(toDiscord.warnings).toEqual(['This announcement is not addressed to "Club"; check it is meant for this group before posting.']);
    expect(errorOf(() => shop.call('announcements.export', { id: 99, groupId: discord.id })).code).toBe('NOT_FOUND');
  });
});

describe('message templates', () => {
  const welcome = {
    name: 'Welcome', staffId: STAFF,
    bodyEn: 'Hi {{customer.first_name}}, your order {{ order.number }} ({{order.total}}) earned you {{points.balance}} points; tier {{tier.name}}. {{ticket.id}}{{staff.name}}{{customer.nickname}}',
    bodyZh: '{{customer.first_name}}您好，您有 {{points.balance}} 积分。{{coupon.code}}',
  };

  it('lists the placeholders that are not variables, in either language', () => {
    const saved = shop.call('templates.save', welcome);
    expect(saved.unknownVariables).toEqual(['customer.nickname', 'coupon.code']);
    expect(shop.call('templates.list', {}).templates.map((t) => [t.name, t.version])).toEqual([['Welcome', 1]]);
  });

  it('keeps names unique and edits version-checked', () => {
    const saved = shop.call('templates.save', welcome);
    const duplicate = errorOf(() => shop.call('templates.save', { ...welcome, bodyEn: 'Hello' }));
    expect(duplicate).toMatchObject({ code: 'CONFLICT', message: 'A template named "Welcome" already exists; choose another name or edit that template.' });
    const other = shop.call('templates.save', { ...welcome, name: 'Thanks' });
    expect(errorOf(() => shop.call('templates.save', { ...welcome, id: other.id, version: 1 })).code).toBe('CONFLICT');
    expect(shop.call('templates.save', { ...welcome, id: saved.id, version: 1, bodyEn: 'Hello' })).toMatchObject({ version: 2, bodyEn: 'Hello' });
    expect(errorOf(() => shop.call('templates.save', { ...welcome, id: saved.id, version: 1 })).code).toBe('CONFLICT');
    expect(auditTrail(shop.sqlite, 'message_template', saved.id).map((e) => e.action)).toEqual(['template.update', 'template.create']);
  });

  it("fills a template for a customer from their name, latest order, points and tier, listing what has no value", () => {
    setPerson(shop.sqlite, 1, { first: 'Ava', last: 'Stone' });
    programWithTiers(shop.sqlite);
    insertOrder(shop.sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-02-01T10:00:00.000Z', totalMinor: 1000 });
    insertOrder(shop.sqlite, { id: 2, customerId: 1, seq: 2, placedAt: '2026-03-01T10:00:00.000Z', totalMinor: 4250 });
    ledgerEntry(shop.sqlite, { customerId: 1, type: 'earn', points: 1250, key: 'order:2:earn', at: '2026-03-01T10:00:00.000Z' });
    shop.sqlite.prepare("INSERT INTO customer_tiers (customer_id, tier_id, since) VALUES (1, 'gold', ?)").run(NOW.toISOString());
    const saved = shop.call('templates.save', welcome);
    expect(shop.call('templates.render', { id: saved.id, customerId: 1, language: 'en' })).toEqual({
      text: 'Hi Ava, your order #1002 ($42.50) earned you 1,250 points; tier Gold. {{customer.nickname}}',
      missing: ['ticket.id', 'staff.name'],
      unknown: ['customer.nickname'],
    });
    const zh = shop.call('templates.render', { id: saved.id, customerId: 1, language: 'zh-CN' });
    expect(zh.text).toBe('Ava您好，您有 1,250 积分。{{coupon.code}}');
    // A customer without orders or a tier: those variables are listed as missing, the text stays readable.
    const bare = shop.call('templates.render', { id: saved.id, customerId: 2, language: 'en' });
    expect(bare.text).toBe('Hi , your order  () earned you 0 points; tier . {{customer.nickname}}');
    expect(bare.missing).toEqual(['customer.first_name', 'order.number', 'order.total', 'tier.name', 'ticket.id', 'staff.name']);
    expect(errorOf(() => shop.call('templates.render', { id: saved.id, customerId: 99, language: 'en' })).code).toBe('NOT_FOUND');
  });
});
