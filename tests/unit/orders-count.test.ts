import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import { countMatchingOrders } from '../../src/main/domain/orders/count';
import { orderFacets } from '../../src/main/domain/orders/facets';
import { choosePagePlan } from '../../src/main/domain/orders/page-plan';
import { ORDER_COUNT_CAP, orderListQuery, type OrderFilter, type OrderPage } from '../../src/shared/contract';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/**
 * The header count of orders.list: exact under the cap (checked against a
 * brute-force count(*) of the same filter), "10,000+" above it, and a lower
 * bound, said to be one, when the scan budget runs out first.
 */
const ORDERS = ORDER_COUNT_CAP + 2500;
const STATUSES = ['open', 'completed', 'cancelled'] as const;
const METHODS = ['card', 'paypal', 'cash', null] as const;
const CHANNELS = ['online', 'pos', 'social'] as const;

let connection: Connection;
beforeAll(async () => {
  connection = await memoryDb();
  const s = connection.sqlite;
  insertStore(s, 1);
  insertStore(s, 2);
  insertCustomer(s, 1);
  const insert = s.prepare(`INSERT INTO orders (id, store_id, external_id, order_number, customer_id, channel, status,
      financial_status, fulfillment_status, currency, subtotal_minor, total_minor, payment_method, remote_tags,
      placed_at, created_at, updated_at)
    VALUES (@id, @store, @ext, @number, @customer, @channel, @status, @financial, 'fulfilled', 'USD', @total, @total,
      @method, @tags, @placedAt, @placedAt, @placedAt)`);
  s.transaction(() => {
    for (let id = 1; id <= ORDERS; id++) {
      // Spread over ~1.4 years, one order every hour, with mixed values the filters pick apart.
      const placedAt = new Date(Date.UTC(2025, 0, 1) + id * 3_600_000).toISOString();
      insert.run({
        id, store: id % 5 === 0 ? 2 : 1, ext: `o${id}`, number: `#${1000 + id}`, customer: id % 7 === 0 ? 1 : null,
        channel: CHANNELS[id % 3], status: STATUSES[id % 17 === 0 ? 2 : id % 4 === 0 ? 0 : 1],
        financial: id % 23 === 0 ? 'failed' : 'paid', total: 100 + (id % 900) * 10, method: METHODS[id % 4],
        tags: id % 11 === 0 ? '["vip"]' : id % 13 === 0 ? '["vip","gift"]' : '[]', placedAt,
      });
    }
  })();
});
afterAll(() => connection.close());

/** The brute-force count: every order tested against the same filter, no cap, no budget. */
function bruteForce(filter: OrderFilter): number {
  const params = orderListQuery.parse({ filter }).filter!;
  const rows = connection.sqlite.prepare(`SELECT o.*, (SELECT json_group_array(tag) FROM order_tags t WHERE t.order_id = o.id) AS tagList
    FROM orders o`).all() as Record<string, string | number | null>[];
  return rows.filter((o) =>
    (!params.status || params.status.includes(o.status as never)) &&
    (!params.financialStatus || params.financialStatus.includes(o.financial_status as never)) &&
    (!params.paymentMethod || params.paymentMethod.includes(o.payment_method as string)) &&
    (!params.channel || params.channel.includes(o.channel as string)) &&
    (params.storeId === undefined || params.storeId === o.store_id) &&
    (!params.range?.from || (o.placed_at as string) >= params.range.from) &&
    (!params.range?.to || (o.placed_at as string) < `${params.range.to}T99`) &&
    (params.minTotalMinor === undefined || (o.total_minor as number) >= params.minTotalMinor) &&
    (!params.tag || (JSON.parse(o.tagList as string) as string[]).some((t) => params.tag!.includes(t))),
  ).length;
}

function count(filter: OrderFilter, budget?: number) {
  const query = orderListQuery.parse({ filter });
  return countMatchingOrders(connection.sqlite, query.filter ?? {}, choosePagePlan(connection.sqlite, query), budget);
}

const UNDER_CAP: OrderFilter[] = [
  { status: ['cancelled'] },
  { financialStatus: ['failed'], channel: ['pos', 'social'] },
  { paymentMethod: ['cash'], storeId: 2 },
  { status: ['open'], range: { from: '2025-03-01', to: '2025-06-30' } },
  { tag: ['gift'] },
  { tag: ['vip'], status: ['open'] },
  { minTotalMinor: 9000, range: { from: '2025-02-01', to: '2025-12-31' } },
];

describe('orders.list header count', () => {
  it.each(UNDER_CAP.map((f) => [JSON.stringify(f), f] as const))('equals a brute-force count under the cap: %s', (_label, filter) => {
    const expected = bruteForce(filter);
    expect(expected).toBeLessThanOrEqual(ORDER_COUNT_CAP);
    expect(count(filter)).toEqual({ count: expected, exact: true });
  });

  it('counts an order number search', () => {
    // #1012 and #10120–#10129: numbers run from #1001 to #13500.
    expect(count({ search: '#1012' })).toEqual({ count: 11, exact: true });
  });

  it('says "10,000+" (capped, not exact) when more match', () => {
    expect(bruteForce({ status: ['open', 'completed'] })).toBeGreaterThan(ORDER_COUNT_CAP);
    expect(count({ status: ['open', 'completed'] })).toEqual({ count: ORDER_COUNT_CAP, exact: false });
    expect(count({ tag: ['vip'], minTotalMinor: 0 }).exact).toBe(true);
  });

  it('counts no filter exactly, however many orders there are', () => {
    expect(count({})).toEqual({ count: ORDERS, exact: true });
  });

  it('gives a lower bound, not an extrapolation, when the scan budget runs out first', () => {
    const exact = bruteForce({ status: ['cancelled'] });
    const bounded = count({ status: ['cancelled'] }, 1000);
    expect(bounded.exact).toBe(false);
    expect(bounded.count).toBeGreaterThan(0);
    expect(bounded.count).toBeLessThan(exact);
    // The newest 1,000 orders are exactly what it looked at.
    const newest = connection.sqlite.prepare(`SELECT count(*) FROM (SELECT status FROM orders ORDER BY placed_at DESC, id DESC LIMIT 1000)
      WHERE status = 'cancelled'`).pluck().get();
    expect(bounded.count).toBe(newest);
  });

  it('counts a channel, method or store filter exactly from the facets pass while it is fresh', () => {
    const filter: OrderFilter = { paymentMethod: ['paypal'], channel: ['online'] };
    orderFacets(connection.sqlite);
    expect(count(filter, 10)).toEqual({ count: bruteForce(filter), exact: true });
  });

  it('is on the first page only, through the handler', async () => {
    const ctx = handlerContext(connection, new Date('2026-06-01T00:00:00Z'));
    const call = async (input: unknown) => {
      const result = await dispatch(handlers, ctx, 'orders.list', input, () => undefined);
      if (!result.ok) throw new Error(result.error.message);
      return result.data as OrderPage;
    };
    const first = await call({ filter: { status: ['cancelled'] }, limit: 5 });
    expect(first).toMatchObject({ totalEstimate: bruteForce({ status: ['cancelled'] }), totalExact: true });
    const next = await call({ filter: { status: ['cancelled'] }, limit: 5, cursor: first.nextCursor });
    expect(next.totalEstimate).toBeUndefined();
    expect(next.totalExact).toBeUndefined();
  });

  it('reads indexes only: no bare SCAN of orders or order_tags in any count', () => {
    for (const filter of [...UNDER_CAP, {}, { search: '#1012' }, { status: ['open', 'completed'] }] as OrderFilter[]) {
      const query = orderListQuery.parse({ filter });
      const plan = choosePagePlan(connection.sqlite, query);
      const plans = capturePlans(connection.sqlite, (spied) => countMatchingOrders(spied, query.filter ?? {}, plan));
      for (const plan of plans) {
        // A co-routine is the bounded subquery itself (LIMIT budget): scanning its output is not a table scan.
        const routines = [...plan.matchAll(/CO-ROUTINE (\S+)/g)].map((m) => m[1]);
        const line = plan.split(' | ').filter((step) => !routines.some((r) => step === `SCAN ${r}`)).join(' | ');
        expect(line, JSON.stringify(filter)).not.toMatch(/SCAN (o|orders|order_tags|t)\b(?! USING)/);
        expect(line, JSON.stringify(filter)).not.toMatch(/SCAN (o|orders)\b USING INDEX(?! orders_placed_filters)/);
      }
    }
  });
});
