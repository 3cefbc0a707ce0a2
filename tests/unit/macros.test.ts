import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { seedServiceContent } from '../../src/main/domain/service/seed';
import { AGENT, NOW, errorOf, putTicket, serviceCaller, serviceShop } from './tickets-fixtures';

let connection: Connection;
let call: ReturnType<typeof serviceCaller>;
beforeEach(async () => {
  connection = await serviceShop();
  call = serviceCaller(connection);
  const s = connection.sqlite;
  putTicket(s, { id: 1, customerId: 1, assigneeId: AGENT });
  s.prepare('UPDATE tickets SET order_id = 1 WHERE id = 1').run();
  putTicket(s, { id: 2, customerId: 2 });
  s.prepare(
    `INSERT INTO shipments (order_id, store_id, external_id, carrier, tracking_number, status, shipped_at, created_at, updated_at)
     VALUES (1, 1, 'old', 'USPS', '9400111', 'Delivered', '2026-02-21T10:00:00.000Z', ?, ?),
            (1, 1, 'new', 'UPS', '1Z 999', 'InTransit', '2026-02-25T10:00:00.000Z', ?, ?)`,
  ).run(...Array(4).fill(NOW.toISOString()));
  s.prepare(
    `INSERT INTO points_ledger (customer_id, entry_type, points, idempotency_key, available_at, created_at)
     VALUES (1, 'earn', 1250, 'order:1:earn', '2026-02-20T10:00:00.000Z', '2026-02-20T10:00:00.000Z')`,
  ).run();
});
afterEach(() => connection.close());

describe('macros.apply', () => {
  it('fills every variable from the ticket\'s customer, order, latest shipment and points', () => {
    const applied = call('macros.apply', {
      ticketId: 1, staffId: AGENT,
      body: 'Hi {{customer.first_name}} ({{ customer.email }}), order {{order.number}} ({{order.total}}) left with ' +
        '{{order.carrier}} {{order.tracking_number}}: {{order.tracking_url}}. You have {{points.balance}} points. ' +
        'Ticket {{ticket.id}}, {{staff.name}}',
    });
    expect(applied.body).toBe('Hi Ada (c1@example.com), order #1001 ($42.50) left with UPS 1Z 999: ' +
      'https://www.ups.com/track?tracknum=1Z%20999. You have 1,250 points. Ticket 1, Ann Agent');
    expect(applied.unknownVariables).toEqual([]);
    expect(applied.emptyVariables).toEqual([]);
  });

  it('lists unknown variables (left as typed) and known ones with no value (left empty)', () => {
    const applied = call('macros.apply', { ticketId: 2, body: 'Dear {{customer.nickname}}, order {{order.number}}, tier {{tier.name}}, {{staff.name}}.' });
    expect(applied.body).toBe('Dear {{customer.nickname}}, order , tier , .');
    expect(applied.unknownVariables).toEqual(['customer.nickname']);
    expect(applied.emptyVariables).toEqual(['order.number', 'tier.name', 'staff.name']);
  });

  it('renders a saved macro in its language, money in the order\'s currency, and returns its actions', () => {
    const macro = call('macros.save', { staffId: AGENT, name: '订单状态', language: 'zh-CN',
      body: '{{customer.first_name}}您好，订单 {{order.number}} 金额 {{order.total}}，积分 {{points.balance}}。',
      actions: { status: 'waiting_customer', addTags: ['shipping'] } });
    const applied = call('macros.apply', { ticketId: 1, macroId: macro.id });
    expect(applied.body).toBe('Ada您好，订单 #1001 金额 US$42.50，积分 1,250。');
    expect(applied.actions).toEqual({ status: 'waiting_customer', addTags: ['shipping'] });
  });
});

describe('macros.save and macros.list', () => {
  it('adds, lists by language and search, and refuses a stale edit or a duplicate name', () => {
    const en = call('macros.save', { staffId: AGENT, name: 'Where is my order', language: 'en', body: 'It ships {{order.carrier}}' });
    call('macros.save', { staffId: AGENT, name: 'Where is my order', language: 'zh-CN', body: '包裹在路上' });
    call('macros.save', { staffId: AGENT, name: 'Refund sent', language: 'en', body: 'Refund done', active: false });
    expect(call('macros.list', { language: 'en' }).map((m) => m.name)).toEqual(['Where is my order']);
    expect(call('macros.list', { includeInactive: true, search: 'refund' }).map((m) => m.name)).toEqual(['Refund sent']);
    const edited = call('macros.save', { id: en.id, expectedVersion: 1, staffId: AGENT, name: 'Where is my order', language: 'en',
      body: 'It ships today' });
    expect(edited.version).toBe(2);
    const stale = errorOf(() => call('macros.save', { id: en.id, expectedVersion: 1, staffId: AGENT, name: 'X', language: 'en', body: 'Y' }));
    expect(stale.code).toBe('CONFLICT');
    expect((stale.details as { current: { body: string } }).current.body).toBe('It ships today');
    expect(errorOf(() => call('macros.save', { staffId: AGENT, name: 'Refund sent', language: 'en', body: 'Z' })).code).toBe('VALIDATION');
  });
});

describe('kb.search and kb.save', () => {
  beforeEach(() => {
    const at = (minutes: number) => () => new Date(NOW.getTime() + minutes * 60_000);
    serviceCaller(connection, at(1))('kb.save', { staffId: AGENT, title: 'Return policy', language: 'en',
      body: 'Return unused items within 30 days for a refund.', tags: ['returns'] });
    serviceCaller(connection, at(2))('kb.save', { staffId: AGENT, title: '退货政策', language: 'zh-CN',
      body: '未使用的商品可在30天内退货退款。', tags: ['退货'] });
    serviceCaller(connection, at(3))('kb.save', { staffId: AGENT, title: 'Gift wrapping', language: 'en',
      body: 'Every order can be gift wrapped with a handwritten card.', tags: ['gifts'] });
  });

  it('finds words in either language, anywhere in title, text or tags; newest first without a query', () => {
    expect(call('kb.search', {}).map((a) => a.title)).toEqual(['Gift wrapping', '退货政策', 'Return policy']);
    expect(call('kb.search', { query: '退款' }).map((a) => a.title)).toEqual(['退货政策']);
    expect(call('kb.search', { query: 'refund 30' }).map((a) => a.title)).toEqual(['Return policy']);
    expect(call('kb.search', { query: 'gifts' }).map((a) => a.title)).toEqual(['Gift wrapping']);
    expect(call('kb.search', { query: '30', language: 'zh-CN' }).map((a) => a.title)).toEqual(['退货政策']);
  });

  it('puts title matches first, and an edit needs the version seen', () => {
    expect(call('kb.search', { query: 'return' }).map((a) => a.title)).toEqual(['Return policy']);
    const [article] = call('kb.search', { query: 'wrapping' });
    const stale = errorOf(() => call('kb.save', { id: article!.id, expectedVersion: 7, staffId: AGENT, title: 'x', language: 'en', body: 'y' }));
    expect(stale.code).toBe('CONFLICT');
    const saved = call('kb.save', { id: article!.id, expectedVersion: 1, staffId: AGENT, title: 'Gift wrapping', language: 'en',
      body: 'Gift wrap is free.', active: false });
    expect(saved).toMatchObject({ version: 2, active: false });
    expect(call('kb.search', { query: 'gift' })).toEqual([]);
    expect(call('kb.search', { query: 'gift', includeInactive: true })).toHaveLength(1);
  });
});

describe('seedServiceContent', () => {
  it('adds eight macros and eight articles in each language once, using only known variables', () => {
    seedServiceContent(connection.sqlite, NOW);
    seedServiceContent(connection.sqlite, NOW);
    const macros = call('macros.list', {});
    expect(macros.filter((m) => m.language === 'en')).toHaveLength(8);
    expect(macros.filter((m) => m.language === 'zh-CN')).toHaveLength(8);
    expect(call('kb.search', { limit: 100 })).toHaveLength(16);
    for (const macro of macros) {
      const applied = call('macros.apply', { ticketId: 1, macroId: macro.id, staffId: AGENT });
      expect(applied.unknownVariables, macro.name).toEqual([]);
      expect(applied.body).not.toMatch(/\{\{/);
    }
  });
});
