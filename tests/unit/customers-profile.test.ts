import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { recordAudit } from '../../src/main/domain/audit/log';
import { earnForOrder, type EarningRules } from '../../src/main/domain/loyalty/orders';
import { nextPurchaseWindow } from '../../src/main/domain/customers/next-purchase';
import type { CustomerTimelineItem } from '../../src/shared/contract';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { call, insertFeedbackFor, insertReturnFor, insertStaff, insertTicketFor, setPerson } from './customers-fixtures';

const NOW = new Date('2026-07-01T00:00:00.000Z');
const RULES: EarningRules = { pointsPerUnit: 1, basis: 'subtotalAfterDiscounts', pendingDays: 14, lifetimeMonths: 12 };
let connection: Connection;
let ctx: HandlerContext;

beforeEach(async () => {
  connection = await memoryDb();
  ctx = handlerContext(connection, NOW);
  const { sqlite } = connection;
  insertStore(sqlite);
  insertStaff(sqlite, 3, 'Ana');
  insertCustomer(sqlite, 1);
  insertCustomer(sqlite, 2);
  setPerson(sqlite, 1, { first: 'Ava', last: 'Smith', marketing: true, localTags: ['vip'], remoteTags: ['newsletter'] });
  // Gaps of 10, 20 and 30 days: median 20, quartiles 15 and 25.
  ['2026-05-01', '2026-05-11', '2026-05-31', '2026-06-30'].forEach((d, i) =>
    insertOrder(sqlite, { id: 10 + i, customerId: 1, seq: i + 1, placedAt: `${d}T12:00:00.000Z`, totalMinor: 2000 * (i + 1) }));
  insertOrder(sqlite, { id: 20, customerId: 1, seq: 5, placedAt: '2026-06-30T13:00:00.000Z', totalMinor: 500, status: 'cancelled' });
  insertOrder(sqlite, { id: 30, customerId: 2, seq: 1, placedAt: '2026-06-01T12:00:00.000Z', totalMinor: 900 });
  insertTicketFor(sqlite, 1, 1, '2026-05-12T09:00:00.000Z');
  insertReturnFor(sqlite, 1, 1, 11, '2026-05-20T09:00:00.000Z');
  insertFeedbackFor(sqlite, 1, 1, '2026-06-02T09:00:00.000Z');
  const ledger = { sqlite, now: () => NOW };
  earnForOrder(ledger, 10, RULES); // 20 points, long approved
  earnForOrder(ledger, 13, RULES); // 80 points, pending until 14 July
  recordAudit(sqlite, { at: '2026-06-15T00:00:00.000Z', staffId: 3, entityType: 'customer', entityId: 1, action: 'note.set', detail: { note: 'Prefers email' } });
});

describe('customers.get', () => {
  it('shows the customer whole: contact, consent, figures, rhythm, RFM and points', () => {
    const p = call(ctx, 'customers.get', { id: 1 });
    expect(p).toMatchObject({
      id: 1, name: 'Ava Smith', storeName: 'Store 1', email: 'c1@example.com',
      consent: { marketing: true, personalization: false }, localTags: ['vip'], remoteTags: ['newsletter'],
      mergedFrom: [], mergedIntoId: null,
      figures: { ordersCount: 4, currency: 'USD', lifetimeSpendMinor: 20000, averageOrderValueMinor: 5000,
        firstOrderAt: '2026-05-01T12:00:00.000Z', lastOrderAt: '2026-06-30T12:00:00.000Z' },
      nextPurchase: { expectedAt: '2026-07-20T12:00:00.000Z', earliestAt: '2026-07-15T12:00:00.000Z',
        latestAt: '2026-07-25T12:00:00.000Z', medianGapDays: 20, basedOnGaps: 3 },
      points: { approved: 20, pending: 80, debt: 0 },
      tier: null,
    });
    expect(p.rfm).toMatchObject({ r: 5, segment: expect.any(String) });
    expect(p.recentOrders.map((o) => o.id)).toEqual([20, 13, 12, 11, 10]);
  });

  it('has no purchase window with fewer than two orders', () => {
    expect(call(ctx, 'customers.get', { id: 2 }).nextPurchase).toBeNull();
    expect(nextPurchaseWindow(['2026-01-01T00:00:00.000Z'])).toBeNull();
  });

  it('puts orders, tickets, returns, feedback, points and changes on one timeline, newest first', () => {
    const { items, nextBefore } = call(ctx, 'customers.get', { id: 1 }).timeline;
    expect(nextBefore).toBeNull();
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      // Both earn entries were posted "now"; same time: by kind, then newest id.
      'points:2', 'points:1', 'order:20', 'order:13', 'audit:1', 'feedback:1', 'order:12', 'return:1', 'ticket:1',
      'order:11', 'order:10',
    ]);
    const sorted = [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    expect(items.map((i) => i.at)).toEqual(sorted.map((i) => i.at));
  });

  it('pages the timeline with `before` without gaps or repeats', () => {
    const all = call(ctx, 'customers.timeline', { customerId: 1, limit: 200 }).items;
    const seen: CustomerTimelineItem[] = [];
    let before: string | undefined;
    do {
      const page = call(ctx, 'customers.timeline', { customerId: 1, limit: 3, before });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      before = page.nextBefore ?? undefined;
    } while (before);
    expect(seen).toEqual(all);
    expect(() => call(ctx, 'customers.timeline', { customerId: 1, before: 'nonsense' })).toThrow(/not a position/);
  });

  it('answers NOT_FOUND for an unknown customer', () => {
    expect(() => call(ctx, 'customers.get', { id: 99 })).toThrow(/no customer with id 99/);
    expect(() => call(ctx, 'customers.timeline', { customerId: 99 })).toThrow(/no customer with id 99/);
  });
});
