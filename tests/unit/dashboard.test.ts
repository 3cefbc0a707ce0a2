import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import {
  customerMix,
  dashboardSummary,
  revenueSeries,
} from '../../src/main/domain/dashboard/handlers';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore, insertTicket } from '../helpers/fixtures';

/**
 * A store small enough to compute every figure by hand (see the comments).
 * March 2026 is the range under test; its previous period is 29 Jan – 28 Feb.
 */
let connection: Connection;
let ctx: HandlerContext;

beforeEach(async () => {
  connection = await memoryDb();
  const s = connection.sqlite;
  insertStore(s);
  for (const id of [1, 2, 3, 4]) insertCustomer(s, id);
  insertOrder(s, { id: 1, customerId: 1, seq: 1, placedAt: '2026-03-01T10:00:00.000Z', totalMinor: 10000 });
  insertOrder(s, { id: 2, customerId: 1, seq: 2, placedAt: '2026-03-05T23:59:59.999Z', totalMinor: 5000, refundedMinor: 1000 });
  insertOrder(s, { id: 3, customerId: 2, seq: 1, placedAt: '2026-02-20T08:00:00.000Z', totalMinor: 8000 });
  insertOrder(s, { id: 4, customerId: 2, seq: 2, placedAt: '2026-03-10T09:00:00.000Z', totalMinor: 2000, status: 'cancelled' });
  insertOrder(s, { id: 5, customerId: 3, seq: 1, placedAt: '2026-03-10T12:00:00.000Z', totalMinor: 3000 });
  insertOrder(s, { id: 6, customerId: null, seq: null, placedAt: '2026-03-15T12:00:00.000Z', totalMinor: 4000 });
  insertOrder(s, { id: 7, customerId: 4, seq: 1, placedAt: '2026-04-01T00:00:00.000Z', totalMinor: 9999 });
  insertOrder(s, { id: 8, customerId: null, seq: null, placedAt: '2026-03-31T23:59:59.999Z', totalMinor: 1000 });
  ['new', 'open', 'waiting_customer', 'solved', 'closed'].forEach((status, i) => insertTicket(s, i + 1, status));
  ctx = {
    sqlite: s,
    db: connection.db,
    dbPath: ':memory:',
    now: () => new Date('2026-11-23T12:00:00Z'),
    emit: () => undefined,
  };
});

afterEach(() => connection.close());

const march = { range: { from: '2026-03-01', to: '2026-03-31' } };

describe('dashboard.summary', () => {
  it('computes March by hand: bounds inclusive, cancelled orders counted but not paid', () => {
    const summary = dashboardSummary(march, ctx);
    expect(summary.current).toEqual({
      orders: 6, // 1, 2, 4, 5, 6, 8 (7 is 1 April, 3 is February)
      paidOrders: 5, // all but the cancelled 4
      netRevenueMinor: 22000, // 10000 + (5000 - 1000) + 3000 + 4000 + 1000
      averageOrderValueMinor: 4600, // gross 23000 / 5 paid orders
      activeCustomers: 3, // customers 1, 2, 3 (guests are not customers)
      newCustomers: 2, // first orders of 1 and 3
      repeatPurchaseRate: 2 / 3, // 1 and 2 had a second order by the end of March
    });
    expect(summary.openTickets).toBe(3);
    expect(summary.currency).toBe('USD');
  });

  it('compares with the period of equal length just before', () => {
    const summary = dashboardSummary(march, ctx);
    expect(summary.previousRange).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(summary.previous).toEqual({
      orders: 1,
      paidOrders: 1,
      netRevenueMinor: 8000,
      averageOrderValueMinor: 8000,
      activeCustomers: 1,
      newCustomers: 1,
      repeatPurchaseRate: 0,
    });
  });

  it('covers all time without a range, with no previous period', () => {
    const summary = dashboardSummary({}, ctx);
    const count = connection.sqlite.prepare('SELECT count(*) AS n FROM orders').get() as { n: number };
    expect(summary.current.orders).toBe(count.n);
    expect(summary.current.netRevenueMinor).toBe(22000 + 8000 + 9999);
    expect(summary.current.activeCustomers).toBe(4);
    expect(summary.current.repeatPurchaseRate).toBe(0.5);
    expect(summary.previous).toBeNull();
  });

  it('counts customers the same with and without a range start', () => {
    // Open start: read from sequence numbers; a start before every order: grouped by customer.
    const open = dashboardSummary({ range: { to: '2026-03-31' } }, ctx).current;
    const grouped = dashboardSummary({ range: { from: '2000-01-01', to: '2026-03-31' } }, ctx).current;
    expect(open).toEqual(grouped);
    expect(open.activeCustomers).toBe(3);
  });

  it('answers an empty period with zeros and no averages', () => {
    const summary = dashboardSummary({ range: { from: '2020-01-01', to: '2020-01-31' } }, ctx);
    expect(summary.current.orders).toBe(0);
    expect(summary.current.averageOrderValueMinor).toBeNull();
    expect(summary.current.repeatPurchaseRate).toBeNull();
  });

  it('keeps money in one currency while counts cover every currency', () => {
    insertOrder(connection.sqlite, { id: 9, customerId: 3, seq: 2, placedAt: '2026-03-20T00:00:00.000Z', totalMinor: 700, currency: 'EUR' });
    const summary = dashboardSummary(march, ctx);
    expect(summary.current.orders).toBe(7);
    expect(summary.current.netRevenueMinor).toBe(22000);
    expect(summary.current.averageOrderValueMinor).toBe(4600);
  });
});

describe('dashboard series', () => {
  it('gives one point per day of the range, zeros included', () => {
    const series = revenueSeries(march, ctx);
    expect(series.granularity).toBe('day');
    expect(series.points).toHaveLength(31);
    const byDay = Object.fromEntries(series.points.map((p) => [p.period, p]));
    expect(byDay['2026-03-01']).toEqual({ period: '2026-03-01', netRevenueMinor: 10000, orders: 1 });
    expect(byDay['2026-03-05']?.netRevenueMinor).toBe(4000);
    expect(byDay['2026-03-10']).toEqual({ period: '2026-03-10', netRevenueMinor: 3000, orders: 2 });
    expect(byDay['2026-03-02']).toEqual({ period: '2026-03-02', netRevenueMinor: 0, orders: 0 });
    expect(series.points.reduce((sum, p) => sum + p.netRevenueMinor, 0)).toBe(22000);
  });

  it('groups weeks from Monday', () => {
    const series = revenueSeries({ ...march, granularity: 'week' }, ctx);
    // 1 March 2026 is a Sunday: its week began on Monday 23 February.
    expect(series.points[0]).toEqual({ period: '2026-02-23', netRevenueMinor: 10000, orders: 1 });
    expect(series.points.map((p) => p.period)).toContain('2026-03-30');
  });

  it('splits new and returning customers per period', () => {
    const mix = customerMix(march, ctx);
    const byDay = Object.fromEntries(mix.points.map((p) => [p.period, p]));
    expect(byDay['2026-03-01']).toMatchObject({ newCustomers: 1, returningCustomers: 0 });
    expect(byDay['2026-03-05']).toMatchObject({ newCustomers: 0, returningCustomers: 1 });
    expect(byDay['2026-03-10']).toMatchObject({ newCustomers: 1, returningCustomers: 1 });
  });

  it('bounds an all-time series by the first and last order', () => {
    const series = revenueSeries({ granularity: 'month' }, ctx);
    expect(series.points.map((p) => p.period)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01']);
  });
});
