import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { segmentOf } from '../../src/main/domain/customers/segments-grid';
import type { CustomerRow } from '../../src/shared/contract';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { call, setPerson } from './customers-fixtures';

/**
 * Five customers whose RFM scores are worked out by hand (percent-rank
 * quintiles: 1 + floor(5 × (rank − 1) / (n − 1)), capped at 5), a sixth with
 * only a cancelled order, and the list's filters, sorts and keyset pages.
 */
const NOW = new Date('2026-07-01T00:00:00.000Z');
let connection: Connection;
let ctx: HandlerContext;

function order(id: number, customerId: number, placedAt: string, totalMinor: number, extra: object = {}): void {
  insertOrder(connection.sqlite, { id, customerId, seq: null, placedAt, totalMinor, ...extra });
}

beforeEach(async () => {
  connection = await memoryDb();
  ctx = handlerContext(connection, NOW);
  const { sqlite } = connection;
  insertStore(sqlite);
  for (let id = 1; id <= 6; id++) insertCustomer(sqlite, id);
  setPerson(sqlite, 1, { first: 'Ava', last: 'Smith', phone: '+1 (416) 555-0101', marketing: true, localTags: ['vip'] });
  setPerson(sqlite, 2, { first: 'Ben', last: 'Smart', marketing: true });
  setPerson(sqlite, 3, { first: 'Cleo', last: 'Adams', remoteTags: ['wholesale'] });
  setPerson(sqlite, 4, { first: 'Dan', last: null });
  setPerson(sqlite, 5, { first: 'Eve', last: 'Zimmer', email: 'Eve.Z@Example.com' });
  setPerson(sqlite, 6, { first: null, last: null });
  // c1: 5 orders, last 2026-06-01, 5000 (one 1000 order refunded by 200, one voided not counted)
  ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'].forEach((d, i) =>
    order(10 + i, 1, `${d}T10:00:00.000Z`, i === 0 ? 1200 : 950, i === 0 ? { refundedMinor: 200 } : {}));
  order(19, 1, '2026-06-15T10:00:00.000Z', 99999);
  connection.sqlite.prepare(`UPDATE orders SET financial_status = 'voided' WHERE id = 19`).run();
  // c2: 3 orders, last 2026-05-01, 3000
  ['2026-03-01', '2026-04-01', '2026-05-01'].forEach((d, i) => order(20 + i, 2, `${d}T10:00:00.000Z`, 1000));
  order(30, 3, '2026-04-01T10:00:00.000Z', 1000);
  order(40, 4, '2026-01-15T10:00:00.000Z', 500);
  order(50, 5, '2025-05-01T10:00:00.000Z', 10000);
  order(51, 5, '2025-06-01T10:00:00.000Z', 10000);
  order(60, 6, '2026-06-20T10:00:00.000Z', 7000, { status: 'cancelled' });
});

describe('RFM', () => {
  it('scores by percent-rank quintiles and maps the grid to segments', () => {
    const result = call(ctx, 'customers.rfm.recompute', {});
    expect(result).toMatchObject({ customers: 6, withOrders: 5, computedAt: NOW.toISOString() });
    const rows = connection.sqlite
      .prepare('SELECT customer_id AS id, r, f, m, segment, orders_count AS n, spend_minor AS spend, recency_days AS days FROM customer_rfm ORDER BY customer_id')
      .all();
    expect(rows).toEqual([
      { id: 1, r: 5, f: 5, m: 4, segment: 'champions', n: 5, spend: 4800, days: 29 },
      { id: 2, r: 4, f: 4, m: 3, segment: 'loyal', n: 3, spend: 3000, days: 60 },
      { id: 3, r: 3, f: 1, m: 2, segment: 'hibernating', n: 1, spend: 1000, days: 90 },
      { id: 4, r: 2, f: 1, m: 1, segment: 'hibernating', n: 1, spend: 500, days: 166 },
      { id: 5, r: 1, f: 3, m: 5, segment: 'atRisk', n: 2, spend: 20000, days: 394 },
      { id: 6, r: null, f: null, m: null, segment: null, n: 0, spend: 0, days: null },
    ]);
  });

  it('maps the corners of the grid as the standard segment map does', () => {
    expect(segmentOf(5, 1, 1)).toBe('new');
    expect(segmentOf(5, 5, 5)).toBe('champions');
    expect(segmentOf(1, 5, 5)).toBe('cantLose');
    expect(segmentOf(1, 1, 1)).toBe('lost');
    expect(segmentOf(2, 1, 2)).toBe('hibernating');
    expect(segmentOf(4, 2, 1)).toBe('potential');
  });

  it('is computed on first open of the list, and newcomers get a row without a segment', () => {
    const first = call(ctx, 'customers.list', {});
    expect(first.figuresComputedAt).toBe(NOW.toISOString());
    insertCustomer(connection.sqlite, 7);
    order(70, 7, '2026-06-30T10:00:00.000Z', 4200);
    const rows = call(ctx, 'customers.list', { sort: { by: 'lastOrderAt', direction: 'desc' } }).rows;
    expect(rows[0]).toMatchObject({ id: 7, ordersCount: 1, spendMinor: 4200, segment: null });
  });
});

function allPages(input: Parameters<typeof call<'customers.list'>>[2]): CustomerRow[] {
  const rows: CustomerRow[] = [];
  let cursor: string | undefined;
  do {
    const page = call(ctx, 'customers.list', { ...input, limit: 2, cursor });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

describe('customers.list', () => {
  it('pages by keyset in every sort without skipping or repeating anyone', () => {
    const ids = (by: 'lastOrderAt' | 'spend' | 'orders' | 'name', direction: 'asc' | 'desc') =>
      allPages({ sort: { by, direction } }).map((r) => r.id);
    expect(ids('lastOrderAt', 'desc')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids('spend', 'desc')).toEqual([5, 1, 2, 3, 4, 6]);
    expect(ids('orders', 'asc')).toEqual([6, 3, 4, 5, 2, 1]);
    // By last name, then first; no name sorts as empty, first.
    expect(ids('name', 'asc')).toEqual([6, 4, 3, 2, 1, 5]);
  });

  it('shows what a row needs: figures, segment, currency', () => {
    call(ctx, 'customers.rfm.recompute', {});
    const [row] = call(ctx, 'customers.list', { filter: { search: 'ava' } }).rows;
    expect(row).toEqual({
      id: 1, name: 'Ava Smith', email: 'c1@example.com', phone: '+1 (416) 555-0101', country: null, storeId: 1,
      ordersCount: 5, spendMinor: 4800, currency: 'USD', lastOrderAt: '2026-06-01T10:00:00.000Z',
      segment: 'champions', pointsNet: 0,
    });
  });

  it('filters by search, segment, consent, minimums and tag', () => {
    const ids = (filter: object) => allPages({ filter }).map((r) => r.id).sort();
    expect(ids({ search: 'sm' })).toEqual([1, 2]);
    expect(ids({ search: 'ava sm' })).toEqual([1]);
    expect(ids({ search: 'eve.z@example.com' })).toEqual([5]);
    expect(ids({ search: '+1 (416) 555-0101' })).toEqual([1]);
    expect(ids({ search: 'nobody' })).toEqual([]);
    expect(ids({ segments: ['hibernating'] })).toEqual([3, 4]);
    expect(ids({ segments: ['champions', 'atRisk'] })).toEqual([1, 5]);
    expect(ids({ marketingConsent: true })).toEqual([1, 2]);
    expect(ids({ minOrders: 2, minSpendMinor: 4000 })).toEqual([1, 5]);
    expect(ids({ tag: 'vip' })).toEqual([1]);
    expect(ids({ tag: 'wholesale' })).toEqual([3]);
    expect(ids({ storeId: 2 })).toEqual([]);
  });

  it('refuses a cursor made for another filter', () => {
    const page = call(ctx, 'customers.list', { limit: 1 });
    expect(() => call(ctx, 'customers.list', { limit: 1, cursor: page.nextCursor!, filter: { marketingConsent: true } }))
      .toThrow(/different filter or sort/);
  });

  it('refuses bad input with sentences', () => {
    expect(() => call(ctx, 'customers.list', { limit: 0 })).toThrow();
    expect(() => call(ctx, 'customers.list', { filter: { segments: ['gold' as never] } })).toThrow();
  });
});
