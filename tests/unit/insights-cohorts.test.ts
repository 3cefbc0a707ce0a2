import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { clv, cohorts } from '../../src/main/domain/insights/operations';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { handlerContext } from '../helpers/context';
import { NOW, insertRetentionStore, parsed } from './insights-fixture';

let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  insertRetentionStore(connection.sqlite);
});
afterEach(() => connection.close());

const ctx = () => handlerContext(connection, NOW);

describe('insights.cohorts', () => {
  it('gives each cohort its active share by month since the first order, null beyond today', () => {
    const result = cohorts(parsed('insights.cohorts', { months: 6 }), ctx());
    expect(result.measure).toBe('customers');
    // c3's cancelled January order does not make January their cohort; c7 (only a cancelled order) has none.
    expect(result.rows.map((r) => [r.cohort, r.size])).toEqual([['2026-01', 2], ['2026-02', 2], ['2026-03', 2]]);
    expect(result.rows[0]!.counts).toEqual([2, 1, 0, 1, 0, null]);
    expect(result.rows[0]!.values).toEqual([1, 0.5, 0, 0.5, 0, null]);
    expect(result.rows[1]!.values).toEqual([1, 0.5, 0, 0, null, null]);
    expect(result.rows[2]!.values).toEqual([1, 0.5, 0.5, null, null, null]);
  });

  it('gives revenue per cohort customer, net of refunds', () => {
    const result = cohorts(parsed('insights.cohorts', { months: 6, measure: 'revenue' }), ctx());
    expect(result.currency).toBe('USD');
    expect(result.rows[0]!.counts).toEqual([30000, 5000, 0, 2000, 0, null]);
    expect(result.rows[0]!.values).toEqual([15000, 2500, 0, 1000, 0, null]);
    // c4's order was refunded in full: it keeps c4 in the cohort and adds nothing.
    expect(result.rows[1]!.values).toEqual([2000, 3000, 0, 0, null, null]);
    expect(result.rows[2]!.values).toEqual([4000, 1250, 750, null, null, null]);
  });

  it('shows only the latest cohorts that fit, and those of the range', () => {
    const latest = cohorts(parsed('insights.cohorts', { months: 2 }), ctx());
    // The last two months are April and May: no cohort started then.
    expect(latest.rows).toEqual([]);
    const february = cohorts(parsed('insights.cohorts', { months: 3, range: { from: '2026-02-01', to: '2026-02-28' } }), ctx());
    expect(february.rows.map((r) => r.cohort)).toEqual(['2026-02']);
  });

  it('counts money in the currency with most orders unless asked, and customers in every currency', () => {
    insertStore(connection.sqlite, 2, 'EUR');
    for (let i = 0; i < 20; i++) {
      insertCustomer(connection.sqlite, 100 + i, 2);
      insertOrder(connection.sqlite, { id: 100 + i, customerId: 100 + i, seq: 1, placedAt: '2026-03-15T10:00:00.000Z',
        totalMinor: 1000, currency: 'EUR', storeId: 2 });
    }
    const busiest = cohorts(parsed('insights.cohorts', { months: 6, measure: 'revenue' }), ctx());
    expect(busiest.currency).toBe('EUR');
    expect(busiest.rows.find((r) => r.cohort === '2026-03')).toMatchObject({ size: 22, counts: [20000, 0, 0, null, null, null] });
    const usd = cohorts(parsed('insights.cohorts', { months: 6, measure: 'revenue', currency: 'USD' }), ctx());
    expect(usd.rows.find((r) => r.cohort === '2026-03')!.counts).toEqual([8000, 2500, 1500, null, null, null]);
  });

  it('follows a change to the orders on the next read', () => {
    cohorts(parsed('insights.cohorts', { months: 6 }), ctx());
    connection.sqlite.prepare(`UPDATE orders SET status = 'cancelled' WHERE id = 4`).run();
    const result = cohorts(parsed('insights.cohorts', { months: 6 }), ctx());
    expect(result.rows[0]!.size).toBe(1);
    expect(result.rows[0]!.values).toEqual([1, 1, 0, 1, 0, null]);
  });
});

describe('insights.clv', () => {
  it('by cohort: to date and at 3, 6 and 12 months once those months are over', () => {
    const result = clv(parsed('insights.clv', {}), ctx());
    expect(result.rows).toEqual([
      { key: '2026-01', customers: 2, revenueMinor: 37000, clvMinor: 18500, clv3Minor: 17500, clv6Minor: null,
        clv12Minor: null, ordersPerCustomer: 2 },
      { key: '2026-02', customers: 2, revenueMinor: 10000, clvMinor: 5000, clv3Minor: 5000, clv6Minor: null,
        clv12Minor: null, ordersPerCustomer: 1.5 },
      { key: '2026-03', customers: 2, revenueMinor: 12000, clvMinor: 6000, clv3Minor: null, clv6Minor: null,
        clv12Minor: null, ordersPerCustomer: 2.5 },
    ]);
  });

  it('by cohort: fills the 6 and 12 month figures as the months pass', () => {
    const later = handlerContext(connection, new Date('2027-02-15T00:00:00.000Z'));
    const rows = clv(parsed('insights.clv', {}), later).rows;
    // January's first 6 and 12 months (Jan–Jun, Jan–Dec) are over: everything it bought.
    expect(rows[0]).toMatchObject({ key: '2026-01', clv3Minor: 17500, clv6Minor: 18500, clv12Minor: 18500 });
    // March's 12 months end with February 2027, not over yet.
    expect(rows[2]).toMatchObject({ key: '2026-03', clv3Minor: 6000, clv6Minor: 6000, clv12Minor: null });
  });

  it('by segment: every customer with a qualifying order in their current segment', async () => {
    const { recomputeAllRfm } = await import('../../src/main/domain/customers/rfm');
    recomputeAllRfm(connection.sqlite, NOW);
    const result = clv(parsed('insights.clv', { by: 'segment' }), ctx());
    expect(result.by).toBe('segment');
    expect(result.rows.reduce((sum, r) => sum + r.customers, 0)).toBe(6);
    expect(result.rows.reduce((sum, r) => sum + r.revenueMinor, 0)).toBe(37000 + 10000 + 12000);
    const segments = connection.sqlite
      .prepare(`SELECT segment, count(*) AS n FROM customer_rfm WHERE orders_count > 0 GROUP BY segment`)
      .all() as { segment: string; n: number }[];
    expect(Object.fromEntries(result.rows.map((r) => [r.key, r.customers])))
      .toEqual(Object.fromEntries(segments.map((s) => [s.segment, s.n])));
    expect(result.rows.map((r) => r.clvMinor)).toEqual([...result.rows.map((r) => r.clvMinor)].sort((a, b) => b - a));
  });

  it('by segment within a range: only customers who first ordered in it', async () => {
    const { recomputeAllRfm } = await import('../../src/main/domain/customers/rfm');
    recomputeAllRfm(connection.sqlite, NOW);
    const result = clv(parsed('insights.clv', { by: 'segment', range: { from: '2026-03-01', to: '2026-03-31' } }), ctx());
    // c5 and c6 (c3 first ordered in February).
    expect(result.rows.reduce((sum, r) => sum + r.customers, 0)).toBe(2);
    expect(result.rows.reduce((sum, r) => sum + r.revenueMinor, 0)).toBe(4500 + 7500);
  });
});
