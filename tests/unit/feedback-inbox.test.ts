import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { feedbackHandlers } from '../../src/main/domain/feedback/handlers';
import {
  feedbackCreateInput, feedbackListInput, feedbackTrendsInput, feedbackUpdateInput, topicRulesUpdateInput,
} from '../../src/shared/contract/feedback';
import { count, feedbackShop } from './feedback-fixtures';
import { errorOf } from './tickets-fixtures';

let connection: Connection | undefined;
afterEach(() => connection?.close());

type CreateFields = Partial<Parameters<typeof feedbackCreateInput.parse>[0]>;
const createInput = (fields: CreateFields) =>
  feedbackCreateInput.parse({ staffId: 1, source: 'review', rating: 5, idempotencyKey: `k-${Math.random()}`, ...fields });

async function shop(reviewPoints = 50) {
  const s = await feedbackShop(reviewPoints);
  connection = s.connection;
  const create = (fields: CreateFields) => feedbackHandlers['feedback.create'](createInput(fields), s.ctx);
  return { ...s, create };
}

describe('negative feedback opens a ticket', () => {
  it('opens one ticket, high priority for one star, linked both ways; a retry opens no second', async () => {
    const s = await shop();
    const input = createInput({ rating: 1, title: 'Arrived broken', body: 'The jar cracked.', customerId: 1, orderId: 1 });
    const item = feedbackHandlers['feedback.create'](input, s.ctx);
    expect(item.sentiment).toBe('negative');
    expect(item.ticketId).not.toBeNull();
    const ticket = s.sqlite.prepare('SELECT priority, feedback_id AS feedbackId, customer_id AS customerId FROM tickets').all();
    expect(ticket).toEqual([{ priority: 'high', feedbackId: item.id, customerId: 1 }]);
    const retried = feedbackHandlers['feedback.create'](input, s.ctx);
    expect(retried.id).toBe(item.id);
    expect(count(s.connection, 'SELECT count(*) FROM tickets')).toBe(1);
    expect(count(s.connection, 'SELECT count(*) FROM feedback')).toBe(1);
  });

  it('opens none for positive or neutral items, nor for a CSAT answer', async () => {
    const s = await shop();
    expect(s.create({ rating: 5, body: 'Love it' }).ticketId).toBeNull();
    expect(s.create({ rating: 3, body: 'It is okay' }).ticketId).toBeNull();
    const csat = s.create({ source: 'csat', rating: 1, body: 'Slow answer' });
    expect([csat.sentiment, csat.ticketId]).toEqual(['negative', null]);
    const nps = s.create({ source: 'nps', rating: 2 });
    expect(nps.ticketId).not.toBeNull();
    expect(count(s.connection, 'SELECT count(*) FROM tickets')).toBe(1);
  });
});

describe('a review earns the loyalty review bonus', () => {
  it('posts once per review for its customer, and never twice on a retry', async () => {
    const s = await shop(50);
    const input = createInput({ rating: 5, body: 'Lovely', customerId: 1 });
    const item = feedbackHandlers['feedback.create'](input, s.ctx);
    expect(item.pointsAwarded).toBe(50);
    feedbackHandlers['feedback.create'](input, s.ctx);
    const ledger = s.sqlite.prepare('SELECT customer_id AS customerId, points, idempotency_key AS k FROM points_ledger').all();
    expect(ledger).toEqual([{ customerId: 1, points: 50, k: `bonus:review:feedback:${item.id}` }]);
    // A second review earns again: the bonus is per review.
    expect(s.create({ rating: 4, body: 'Good again', customerId: 1 }).pointsAwarded).toBe(50);
  });

  it('gives nothing without a customer, for other sources, or when the program gives no points for reviews', async () => {
    const s = await shop(0);
    expect(s.create({ rating: 5, body: 'Lovely', customerId: 1 }).pointsAwarded).toBe(0);
    const t = await shop(50);
    expect(t.create({ rating: 5, body: 'Lovely' }).pointsAwarded).toBe(0);
    expect(t.create({ source: 'survey', rating: 5, body: 'Lovely', customerId: 1 }).pointsAwarded).toBe(0);
    expect(count(t.connection, 'SELECT count(*) FROM points_ledger')).toBe(0);
  });
});

describe('feedback.create checks', () => {
  it('refuses a rating outside its source, an order of another customer, and an unknown staff member', async () => {
    const s = await shop();
    expect(errorOf(() => s.create({ rating: 7 })).message).toMatch(/star rating must be a whole number from 1 to 5/);
    expect(s.create({ source: 'nps', rating: 7 }).rating).toBe(7);
    expect(errorOf(() => s.create({ customerId: 1, orderId: 2 })).message).toMatch(/belongs to another customer/);
    expect(errorOf(() => s.create({ staffId: 9 })).message).toMatch(/no active staff member/);
    expect(errorOf(() => s.create({ productId: 99 })).code).toBe('NOT_FOUND');
  });
});

describe('feedback.update', () => {
  it('saves status and topics over the version seen; a stale save gets CONFLICT with the current item', async () => {
    const s = await shop();
    const item = s.create({ rating: 5, body: 'Lovely scent' });
    expect(item.topics).toEqual(['scent']);
    const update = (fields: object) => feedbackHandlers['feedback.update'](
      feedbackUpdateInput.parse({ id: item.id, staffId: 1, expectedVersion: 1, ...fields }), s.ctx);
    const saved = update({ status: 'acknowledged', topics: ['scent', 'gift'] });
    expect([saved.status, saved.topics, saved.version]).toEqual(['acknowledged', ['scent', 'gift'], 2]);
    const conflict = errorOf(() => update({ status: 'archived' }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details).toMatchObject({ current: { status: 'acknowledged', version: 2 } });
    expect(count(s.connection, "SELECT count(*) FROM audit_log WHERE action = 'feedback.update'")).toBe(1);
  });
});

describe('topic rules', () => {
  it('re-tags every item in one save, keeping topics set by hand; a stale save is refused', async () => {
    const s = await shop();
    const a = s.create({ rating: 4, body: 'Nice gift wrap, smells great' });
    const b = s.create({ rating: 4, body: 'Nice gift box' });
    feedbackHandlers['feedback.update'](feedbackUpdateInput.parse({ id: b.id, staffId: 1, expectedVersion: 1, topics: ['hand-picked'] }), s.ctx);
    const rules = feedbackHandlers['feedback.topics.get']({}, s.ctx);
    expect(rules.version).toBe(0);
    const next = [...rules.rules, { topic: 'gifting', keywords: ['gift', '礼物'] }];
    const saved = feedbackHandlers['feedback.topics.update'](
      topicRulesUpdateInput.parse({ staffId: 1, expectedVersion: 0, rules: next }), s.ctx);
    expect(saved.version).toBe(1);
    const topicsOf = (id: number) => JSON.parse(s.sqlite.prepare('SELECT topics FROM feedback WHERE id = ?').pluck().get(id) as string);
    expect(topicsOf(a.id)).toEqual(['scent', 'gifting']);
    expect(topicsOf(b.id)).toEqual(['hand-picked']);
    const stale = errorOf(() => feedbackHandlers['feedback.topics.update'](
      topicRulesUpdateInput.parse({ staffId: 1, expectedVersion: 0, rules: [] }), s.ctx));
    expect(stale.code).toBe('CONFLICT');
  });
});

describe('feedback.list and feedback.trends', () => {
  it('pages newest first with filters', async () => {
    const s = await shop();
    const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`;
    for (let day = 1; day <= 7; day++) s.create({ rating: day % 2 === 0 ? 1 : 5, body: day % 2 === 0 ? 'Late delivery' : 'Lovely scent', createdAt: at(day) });
    const list = (fields: object) => feedbackHandlers['feedback.list'](feedbackListInput.parse(fields), s.ctx);
    const first = list({ limit: 3 });
    expect(first.rows.map((r) => r.createdAt.slice(8, 10))).toEqual(['07', '06', '05']);
    const second = list({ limit: 3, cursor: first.nextCursor });
    expect(second.rows.map((r) => r.createdAt.slice(8, 10))).toEqual(['04', '03', '02']);
    expect(list({ sentiment: ['negative'] }).rows.map((r) => r.createdAt.slice(8, 10))).toEqual(['06', '04', '02']);
    expect(list({ topic: 'scent' }).rows).toHaveLength(4);
    expect(list({ search: 'late' }).rows).toHaveLength(3);
    expect(errorOf(() => list({ topic: 'shipping', cursor: first.nextCursor })).message).toMatch(/different filter/);
  });

  it('counts mentions per topic per week with average sentiment and the negative share', async () => {
    const s = await shop();
    // Mon 2 March and Wed 4 March are one week; Mon 9 March starts the next.
    s.create({ rating: 1, body: 'Shipping was late', createdAt: '2026-03-02T10:00:00Z' });
    s.create({ rating: 5, body: 'Fast shipping, lovely scent', createdAt: '2026-03-04T10:00:00Z' });
    s.create({ rating: 5, body: 'Lovely scent', createdAt: '2026-03-09T10:00:00Z' });
    const trends = feedbackHandlers['feedback.trends'](
      feedbackTrendsInput.parse({ by: 'topic', range: { from: '2026-03-01', to: '2026-03-15' } }), s.ctx);
    expect(trends.series.map((x) => [x.key, x.total, x.negativeShare])).toEqual([['scent', 2, 0], ['shipping', 2, 0.5]]);
    expect(trends.points.map((p) => [p.period, p.counts])).toEqual([
      ['2026-02-23', { scent: 0, shipping: 0 }],
      ['2026-03-02', { scent: 1, shipping: 2 }],
      ['2026-03-09', { scent: 1, shipping: 0 }],
    ]);
    const scores = s.sqlite.prepare("SELECT sentiment_score FROM feedback WHERE created_at < '2026-03-05' ORDER BY id").pluck().all() as number[];
    expect(trends.points[1]?.sentiment.shipping).toBeCloseTo(((scores[0] as number) + (scores[1] as number)) / 2, 3);
  });
});

describe('query plans', () => {
  it('walks an index newest first for the inbox, never sorting the whole table', async () => {
    const { capturePlans } = await import('../helpers/plans');
    const s = await shop();
    const plans = (input: object) => capturePlans(s.sqlite, (spied) =>
      feedbackHandlers['feedback.list'](feedbackListInput.parse(input), { ...s.ctx, sqlite: spied }), { selectsOnly: true });
    for (const input of [{}, { sentiment: ['negative'] }, { topic: 'scent' }, { status: ['new'] }]) {
      const [plan] = plans(input);
      expect(plan).toMatch(/SCAN f USING INDEX feedback_created/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    const [byProduct] = plans({ productId: 1 });
    expect(byProduct).toMatch(/SEARCH f USING INDEX feedback_product \(product_id=\?\)/);
    expect(byProduct).not.toMatch(/TEMP B-TREE/);
    const [byCustomer] = plans({ customerId: 1 });
    expect(byCustomer).toMatch(/SEARCH f USING INDEX feedback_customer \(customer_id=\?\)/);
    expect(byCustomer).not.toMatch(/TEMP B-TREE/);
  });
});
