import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { listOrders } from '../../src/main/domain/orders/list';
import { orderListQuery, type OrderListQuery } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * Keyset pages where the sort key ties: a busy import stamps many orders with
 * the same second, and many orders cost the same. Pages of 2 over 9 orders
 * must still give each order exactly once, ties ordered by id.
 */
let connection: Connection;
const SAME_SECOND = '2026-03-01T10:00:00.000Z';

// id → total: 100 three times, 250 twice, guests (no customer) among them.
const TOTALS: Record<number, number> = { 1: 100, 2: 250, 3: 100, 4: 900, 5: 250, 6: 100, 7: 40, 8: 900, 9: 5 };

beforeAll(async () => {
  connection = await memoryDb();
  const s = connection.sqlite;
  insertStore(s);
  insertCustomer(s, 1);
  for (const [id, total] of Object.entries(TOTALS).map(([k, v]) => [Number(k), v] as const)) {
    const guest = id % 3 === 0;
    insertOrder(s, { id, customerId: guest ? null : 1, seq: guest ? null : id, placedAt: SAME_SECOND, totalMinor: total });
  }
});
afterAll(() => connection.close());

function pages(input: OrderListQuery, limit = 2): number[][] {
  const result: number[][] = [];
  let cursor: string | undefined;
  do {
    const page = listOrders(connection.sqlite, orderListQuery.parse({ ...input, limit, cursor }));
    result.push(page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return result;
}

describe('orders.list keyset pages over ties', () => {
  it('orders same-second orders by id, newest (highest id) first', () => {
    expect(pages({})).toEqual([[9, 8], [7, 6], [5, 4], [3, 2], [1]]);
    expect(pages({ sort: { by: 'placedAt', direction: 'asc' } }).flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('orders equal totals by id in both directions', () => {
    expect(pages({ sort: { by: 'total', direction: 'asc' } }).flat()).toEqual([9, 7, 1, 3, 6, 2, 5, 4, 8]);
    expect(pages({ sort: { by: 'total', direction: 'desc' } }).flat()).toEqual([8, 4, 5, 2, 6, 3, 1, 7, 9]);
  });

  it('gives no cursor when the last page is exactly full', () => {
    const all = listOrders(connection.sqlite, orderListQuery.parse({ limit: 9 }));
    expect(all.rows).toHaveLength(9);
    expect(all.nextCursor).toBeNull();
  });

  it('shows guests as orders without a customer', () => {
    const [guest] = listOrders(connection.sqlite, orderListQuery.parse({ limit: 1 })).rows;
    expect(guest).toMatchObject({ id: 9, customer: null, orderNumber: '#1009' });
  });

  it('neither repeats nor skips rows when an order arrives between two pages', async () => {
    const fresh = await memoryDb();
    try {
      const s = fresh.sqlite;
      insertStore(s);
      for (let id = 1; id <= 6; id++) insertOrder(s, { id, customerId: null, seq: null, placedAt: `2026-03-0${id}T00:00:00.000Z`, totalMinor: 100 });
      const first = listOrders(s, orderListQuery.parse({ limit: 3 }));
      // A sync lands a newer order: an OFFSET page would now repeat order 4.
      insertOrder(s, { id: 7, customerId: null, seq: null, placedAt: '2026-03-09T00:00:00.000Z', totalMinor: 100 });
      const second = listOrders(s, orderListQuery.parse({ limit: 3, cursor: first.nextCursor! }));
      expect(first.rows.map((r) => r.id)).toEqual([6, 5, 4]);
      expect(second.rows.map((r) => r.id)).toEqual([3, 2, 1]);
    } finally {
      fresh.close();
    }
  });
});
