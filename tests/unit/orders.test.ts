import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import { generateDemoStore } from '../../src/main/demo';
import { ordersList } from '../../src/main/domain/orders/handlers';
import { orderListQuery, type OrderFilter, type OrderListQuery, type OrderRow } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';

/**
 * orders.list against a small generated store: every filter is compared with
 * the straightforward SQL a person would write, and every page sequence with
 * the full ordered list. Ties on the sort key have a hand-made store in
 * orders-pages.test.ts; orders.get is in orders-get.test.ts.
 */
let connection: Connection;
let ctx: HandlerContext;

beforeAll(async () => {
  connection = await memoryDb();
  const now = new Date('2026-11-23T12:00:00Z');
  // Two stores, so the store filter has something to tell apart.
  generateDemoStore(connection.sqlite, { size: { orders: 600 }, seed: 7, now });
  generateDemoStore(connection.sqlite, { size: { orders: 150 }, seed: 8, now });
  ctx = { sqlite: connection.sqlite, db: connection.db, dbPath: ':memory:', now: () => new Date('2026-11-23T12:00:00Z'), emit: () => undefined };
});
afterAll(() => connection.close());

/** Every row of a query, following nextCursor page by page. */
function allPages(input: OrderListQuery, limit = 37): OrderRow[] {
  const rows: OrderRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = ordersList(orderListQuery.parse({ ...input, limit, cursor }), ctx);
    expect(result.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...result.rows);
    if (result.nextCursor === null) return rows;
    cursor = result.nextCursor;
  }
  throw new Error('pages never ended');
}

/** Ids the plain way: one WHERE, one ORDER BY, no pages. */
function expectedIds(where: string, orderBy = 'placed_at DESC, id DESC', params: unknown[] = []): number[] {
  return connection.sqlite
    .prepare(`SELECT id FROM orders ${where ? `WHERE ${where}` : ''} ORDER BY ${orderBy}`)
    .all(...params)
    .map((r) => (r as { id: number }).id);
}

const ids = (rows: OrderRow[]) => rows.map((r) => r.id);

describe('orders.list pages', () => {
  it('pages through every order, newest first by default, with no duplicates or gaps', () => {
    const rows = allPages({});
    expect(ids(rows)).toEqual(expectedIds(''));
    expect(new Set(ids(rows)).size).toBe(750);
  });

  it.each([
    ['placedAt', 'asc', 'placed_at ASC, id ASC'],
    ['total', 'desc', 'total_minor DESC, id DESC'],
    ['total', 'asc', 'total_minor ASC, id ASC'],
    ['orderNumber', 'desc', 'length(order_number) DESC, order_number DESC, id DESC'],
    ['orderNumber', 'asc', 'length(order_number) ASC, order_number ASC, id ASC'],
  ] as const)('sorts by %s %s across pages (ties by id)', (by, direction, orderBy) => {
    expect(ids(allPages({ sort: { by, direction } }, 23))).toEqual(expectedIds('', orderBy));
  });

  it('returns the first page alone with a cursor to the next', () => {
    const page = ordersList(orderListQuery.parse({ limit: 10 }), ctx);
    expect(ids(page.rows)).toEqual(expectedIds('').slice(0, 10));
    expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const newest = connection.sqlite.prepare(`SELECT o.order_number AS number, c.email FROM orders o
      JOIN customers c ON c.id = o.customer_id WHERE o.id = ?`).get(page.rows[0]!.id) as { number: string; email: string | null };
    expect(page.rows[0]).toMatchObject({ orderNumber: newest.number, customer: { email: newest.email } });
  });
});

describe('orders.list filters', () => {
  const cases: [string, OrderFilter, string, unknown[]][] = [
    ['status', { status: ['open', 'cancelled'] }, `status IN ('open', 'cancelled')`, []],
    ['financial status', { financialStatus: ['partially_refunded', 'refunded'] }, `financial_status IN ('partially_refunded', 'refunded')`, []],
    ['fulfilment status', { fulfillmentStatus: ['returned'] }, `fulfillment_status = 'returned'`, []],
    ['date range (inclusive days)', { range: { from: '2026-06-01', to: '2026-06-30' } }, `placed_at >= '2026-06-01' AND placed_at < '2026-07-01'`, []],
    ['open-ended range', { range: { from: '2026-11-01' } }, `placed_at >= '2026-11-01'`, []],
    ['store', { storeId: 2 }, 'store_id = 2', []],
    ['channel', { channel: ['pos', 'social'] }, `channel IN ('pos', 'social')`, []],
    ['payment method', { paymentMethod: ['cash'] }, `payment_method = 'cash'`, []],
    ['amount range', { minTotalMinor: 3000, maxTotalMinor: 6000 }, 'total_minor BETWEEN 3000 AND 6000', []],
    ['everything at once', { status: ['completed'], channel: ['online'], paymentMethod: ['card', 'paypal'], minTotalMinor: 5000, range: { to: '2026-10-31' } },
      `status = 'completed' AND channel = 'online' AND payment_method IN ('card', 'paypal') AND total_minor >= 5000 AND placed_at < '2026-11-01'`, []],
  ];

  it.each(cases)('narrows by %s exactly as plain SQL does', (_label, filter, where, params) => {
    const expected = expectedIds(where, 'placed_at DESC, id DESC', params);
    expect(expected.length).toBeGreaterThan(0); // a filter that matches nothing proves nothing
    expect(expected.length).toBeLessThan(750);
    expect(ids(allPages({ filter }, 17))).toEqual(expected);
  });

  it('answers a filter nothing matches with an empty last page', () => {
    expect(ordersList(orderListQuery.parse({ filter: { storeId: 99 } }), ctx)).toEqual({ rows: [], nextCursor: null, totalEstimate: 0, totalExact: true });
  });
});

describe('orders.list search', () => {
  it('finds an order by its number, with or without #, and by number prefix', () => {
    expect(allPages({ filter: { search: '#1234' } }).map((r) => r.orderNumber)).toEqual(['#1234']);
    expect(allPages({ filter: { search: '1234' } }).map((r) => r.orderNumber)).toEqual(['#1234']);
    const prefixed = allPages({ filter: { search: '#123' }, sort: { by: 'orderNumber', direction: 'asc' } });
    expect(prefixed.map((r) => r.orderNumber)).toEqual(['#1230', '#1231', '#1232', '#1233', '#1234', '#1235', '#1236', '#1237', '#1238', '#1239']);
  });

  it('finds every order of a customer by email, whatever its case', () => {
    const c = connection.sqlite.prepare(`SELECT customer_id AS id, email FROM orders JOIN customers c ON c.id = customer_id
      WHERE email IS NOT NULL GROUP BY customer_id HAVING count(*) >= 3 LIMIT 1`).get() as { id: number; email: string };
    const found = allPages({ filter: { search: c.email.toUpperCase() } });
    expect(ids(found)).toEqual(expectedIds('customer_id = ?', undefined, [c.id]));
    expect(found.every((r) => r.customer?.email === c.email)).toBe(true);
  });

  it('finds orders by phone number', () => {
    const c = connection.sqlite.prepare(`SELECT customer_id AS id, phone FROM orders JOIN customers c ON c.id = customer_id
      WHERE phone IS NOT NULL LIMIT 1`).get() as { id: number; phone: string };
    expect(ids(allPages({ filter: { search: c.phone } }))).toEqual(expectedIds('customer_id = ?', undefined, [c.id]));
    // However it is written: the same digits with dashes and brackets find the same orders.
    const digits = c.phone.replace(/\D/g, '');
    const retyped = `+${digits.slice(0, 1)} (${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7)}`;
    expect(ids(allPages({ filter: { search: retyped } }))).toEqual(expectedIds('customer_id = ?', undefined, [c.id]));
  });

  it('finds orders by customer name prefix, first, last or full', () => {
    const byName = (where: string, arg: string) => expectedIds(
      `customer_id IN (SELECT id FROM customers WHERE ${where})`, undefined, [arg]);
    expect(ids(allPages({ filter: { search: 'smi' } }))).toEqual(
      byName(`first_name LIKE ? || '%' OR last_name LIKE 'smi%'`, 'smi'));
    const full = allPages({ filter: { search: 'Ava Sm' } });
    expect(full.length).toBeGreaterThan(0);
    expect(full.every((r) => r.customer?.name?.startsWith('Ava Sm'))).toBe(true);
  });

  it('combines a search with filters, and treats LIKE wildcards as text', () => {
    const smithsOnline = allPages({ filter: { search: 'smith', channel: ['online'] } });
    expect(smithsOnline.every((r) => r.channel === 'online' && /smith/i.test(r.customer?.name ?? ''))).toBe(true);
    expect(allPages({ filter: { search: '%' } })).toEqual([]);
    expect(allPages({ filter: { search: 'nobody@nowhere.example' } })).toEqual([]);
  });
});

describe('orders over the contract', () => {
  const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, () => undefined);

  it.each([
    ['a minimum above the maximum', { filter: { minTotalMinor: 500, maxTotalMinor: 100 } }, 'filter.minTotalMinor'],
    ['a limit of 0', { limit: 0 }, 'limit'],
    ['a limit above 200', { limit: 201 }, 'limit'],
    ['a fractional amount', { filter: { minTotalMinor: 1.5 } }, 'filter.minTotalMinor'],
    ['an unknown status', { filter: { status: ['lost'] } }, 'filter.status.0'],
    ['an empty search', { filter: { search: '   ' } }, 'filter.search'],
    ['an unknown sort', { sort: { by: 'customer', direction: 'asc' } }, 'sort.by'],
    ['an unknown field', { filters: {} }, ''],
  ])('rejects %s with VALIDATION and a sentence', async (_label, input, path) => {
    const result = await call('orders.list', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/^The request is not valid: .+\.$/);
    if (path) expect((result.error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of something else', Buffer.from('{"hello":1}').toString('base64url')],
  ])('rejects a bad cursor (%s) with VALIDATION', async (_label, cursor) => {
    const result = await call('orders.list', { cursor });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/cursor.*first page\.$/) } });
  });

  it('refuses a cursor reused with another filter or sort', async () => {
    const first = await call('orders.list', { limit: 5, filter: { status: ['completed'] } });
    expect(first.ok).toBe(true);
    const cursor = first.ok ? (first.data as { nextCursor: string }).nextCursor : '';
    for (const other of [{ filter: { status: ['open'] } }, { filter: { status: ['completed'] }, sort: { by: 'total', direction: 'desc' } }]) {
      const result = await call('orders.list', { ...other, cursor });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/different filter or sort/) } });
    }
  });
});
