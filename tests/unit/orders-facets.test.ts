import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import { orderFacets } from '../../src/main/domain/orders/facets';
import type { OrderFacets } from '../../src/shared/contract';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { insertOrder, insertStore } from '../helpers/fixtures';

/** orders.facets: the values in use with their order counts, per store, fresh after every write. */
let connection: Connection;
const facts: { id: number; store: number; channel: string; method: string | null; remote: string[]; local: string[] }[] = [
  { id: 1, store: 1, channel: 'online', method: 'card', remote: ['vip'], local: ['vip'] },
  { id: 2, store: 1, channel: 'online', method: 'paypal', remote: ['gift'], local: [] },
  { id: 3, store: 1, channel: 'pos', method: 'cash', remote: [], local: ['vip', 'call-first'] },
  { id: 4, store: 2, channel: 'tiktok_shop', method: 'card', remote: ['vip'], local: [] },
  { id: 5, store: 2, channel: 'online', method: null, remote: [], local: [] },
];

beforeEach(async () => {
  connection = await memoryDb();
  const s = connection.sqlite;
  insertStore(s, 1);
  insertStore(s, 2);
  for (const f of facts) {
    insertOrder(s, { id: f.id, customerId: null, seq: null, placedAt: `2026-05-0${f.id}T10:00:00.000Z`, totalMinor: 100, storeId: f.store });
    s.prepare('UPDATE orders SET channel = ?, payment_method = ?, remote_tags = ?, local_tags = ? WHERE id = ?')
      .run(f.channel, f.method, JSON.stringify(f.remote), JSON.stringify(f.local), f.id);
  }
});
afterEach(() => connection.close());

describe('orders.facets', () => {
  it('lists the channels, methods and tags in use with order counts, most used first', async () => {
    const result = await dispatch(handlers, handlerContext(connection, new Date()), 'orders.facets', {}, () => undefined);
    expect(result).toEqual({ ok: true, data: {
      channels: [{ value: 'online', orders: 3 }, { value: 'pos', orders: 1 }, { value: 'tiktok_shop', orders: 1 }],
      paymentMethods: [{ value: 'card', orders: 2 }, { value: 'cash', orders: 1 }, { value: 'paypal', orders: 1 }],
      // Order 1 carries vip as a remote and a local tag: one order.
      tags: [{ value: 'vip', orders: 3 }, { value: 'call-first', orders: 1 }, { value: 'gift', orders: 1 }],
      tagsTruncated: false,
    } satisfies OrderFacets });
  });

  it('narrows to one store', () => {
    expect(orderFacets(connection.sqlite, 2)).toEqual({
      channels: [{ value: 'online', orders: 1 }, { value: 'tiktok_shop', orders: 1 }],
      paymentMethods: [{ value: 'card', orders: 1 }],
      tags: [{ value: 'vip', orders: 1 }],
      tagsTruncated: false,
    });
  });

  it('is computed again after any write, on this connection or another', () => {
    expect(orderFacets(connection.sqlite).channels[0]).toEqual({ value: 'online', orders: 3 });
    connection.sqlite.prepare(`UPDATE orders SET channel = 'pos' WHERE id IN (1, 2)`).run();
    connection.sqlite.prepare(`UPDATE orders SET local_tags = '[]' WHERE id = 3`).run();
    const after = orderFacets(connection.sqlite);
    expect(after.channels).toEqual([{ value: 'pos', orders: 3 }, { value: 'online', orders: 1 }, { value: 'tiktok_shop', orders: 1 }]);
    expect(after.tags).toEqual([{ value: 'vip', orders: 2 }, { value: 'gift', orders: 1 }]);
  });

  it('answers from the cache while nothing was written (no statement but the change counters)', () => {
    const first = orderFacets(connection.sqlite);
    const prepare = vi.spyOn(connection.sqlite, 'prepare');
    expect(orderFacets(connection.sqlite)).toEqual(first);
    expect(prepare.mock.calls.map(([sql]) => sql).join(' ; ')).not.toMatch(/FROM (orders|order_tags)/);
    prepare.mockRestore();
  });

  it('reads covering indexes (orders_facets, order_tags), never the orders table', () => {
    const plans = capturePlans(connection.sqlite, (spied) => { orderFacets(spied); orderFacets(spied, 1); }, { selectsOnly: true });
    const reads = plans.filter((p) => /orders|order_tags/.test(p)).join(' ; ');
    expect(reads).toMatch(/SCAN orders USING COVERING INDEX orders_facets\b/);
    expect(reads).not.toMatch(/SCAN (orders|o|order_tags|t)\b(?! USING)/);
  });

  it('refuses a store id that is not a positive whole number', async () => {
    const result = await dispatch(handlers, handlerContext(connection, new Date()), 'orders.facets', { storeId: 0 }, () => undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
