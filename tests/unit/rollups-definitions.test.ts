import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { histogramPercentile, refreshRollups } from '../../src/main/domain/insights/rollups';
import { memoryDb } from '../helpers/db';
import { insertCustomerRow, insertOrderRow, insertShipmentRow, insertStores, renumber } from './rollups-fixtures';

/** The KPI definitions of issue 7 against figures worked out by hand on a tiny shop. */
let connection: Connection | null = null;
afterEach(() => {
  connection?.sqlite.close();
  connection = null;
});

async function shop() {
  connection = await memoryDb();
  insertStores(connection.sqlite);
  return connection.sqlite;
}

describe('delivery definitions', () => {
  // 2026-01-01 is a Thursday; 01-02 Friday; 01-05 Monday; 01-12 Monday.
  async function deliveries() {
    const sqlite = await shop();
    insertOrderRow(sqlite, { id: 1, placedAt: '2026-01-01T10:00:00.000Z' });
    // shipped Friday, delivered Monday, on the original estimate: 3 calendar days, 1 business day
    insertShipmentRow(sqlite, { id: 1, orderId: 1, status: 'Delivered', shippedAt: '2026-01-02T18:00:00.000Z',
      deliveredAt: '2026-01-05T09:00:00.000Z', originalEstimate: '2026-01-05T23:59:00.000Z' });
    // late against the original estimate even though the current one is later: 2 and 2
    insertShipmentRow(sqlite, { id: 2, orderId: 1, status: 'Delivered', shippedAt: '2026-01-05T23:00:00.000Z',
      deliveredAt: '2026-01-07T01:00:00.000Z', originalEstimate: '2026-01-06T12:00:00.000Z', estimate: '2026-01-08T00:00:00.000Z' });
    // no original estimate: the current one counts; 7 calendar days, 5 business days, on time (same day)
    insertShipmentRow(sqlite, { id: 3, orderId: 1, status: 'Delivered', shippedAt: '2026-01-05T08:00:00.000Z',
      deliveredAt: '2026-01-12T21:00:00.000Z', estimate: '2026-01-12T20:00:00.000Z', carrier: 'DHL' });
    // in transit: a shipment, not a delivery
    insertShipmentRow(sqlite, { id: 4, orderId: 1, status: 'InTransit', shippedAt: '2026-01-06T08:00:00.000Z' });
    // delivered without any estimate: counts for transit, not for on-time; 1 and 1
    insertShipmentRow(sqlite, { id: 5, orderId: 1, status: 'Delivered', shippedAt: '2026-01-07T08:00:00.000Z',
      deliveredAt: '2026-01-08T08:00:00.000Z', disputedAt: '2026-01-09T08:00:00.000Z' });
    refreshRollups(sqlite);
    return sqlite;
  }

  it('counts delivered and on-time shipments against the original estimate', async () => {
    const sqlite = await deliveries();
    const totals = sqlite.prepare(`SELECT sum(shipments) AS shipments, sum(delivered) AS delivered,
      sum(with_estimate) AS withEstimate, sum(on_time) AS onTime, sum(disputed) AS disputed FROM rollup_shipments_daily`).get();
    expect(totals).toEqual({ shipments: 5, delivered: 4, withEstimate: 3, onTime: 2, disputed: 1 });
    // by shipped day: 2 shipped on Monday 01-05
    expect(sqlite.prepare(`SELECT sum(shipments) FROM rollup_shipments_daily WHERE day = '2026-01-05'`).pluck().get()).toBe(2);
  });

  it('gives transit and order-to-delivery days on both bases, and their nearest-rank percentiles', async () => {
    const sqlite = await deliveries();
    const histogram = (metric: string, basis: string) =>
      sqlite.prepare(`SELECT days, sum(shipments) AS count FROM rollup_delivery_days WHERE metric = ? AND basis = ?
        GROUP BY days ORDER BY days`).all(metric, basis) as { days: number; count: number }[];
    const transitCalendar = histogram('transit', 'calendar');
    expect(transitCalendar).toEqual([{ days: 1, count: 1 }, { days: 2, count: 1 }, { days: 3, count: 1 }, { days: 7, count: 1 }]);
    expect(histogramPercentile(transitCalendar, 50)).toBe(2);
    expect(histogramPercentile(transitCalendar, 90)).toBe(7);
    const transitBusiness = histogram('transit', 'business');
    expect(transitBusiness).toEqual([{ days: 1, count: 2 }, { days: 2, count: 1 }, { days: 5, count: 1 }]);
    expect(histogramPercentile(transitBusiness, 50)).toBe(1);
    expect(histogramPercentile(transitBusiness, 90)).toBe(5);
    // placed Thursday 01-01: delivered 01-05 (4 / Fri+Mon 2), 01-07 (6 / 4), 01-12 (11 / 7), 01-08 (7 / 5)
    expect(histogram('order_to_delivery', 'calendar').map((b) => b.days)).toEqual([4, 6, 7, 11]);
    expect(histogram('order_to_delivery', 'business').map((b) => b.days)).toEqual([2, 4, 5, 7]);
    // kept by delivery day
    expect(sqlite.prepare(`SELECT day FROM rollup_delivery_days WHERE metric = 'transit' AND basis = 'calendar' ORDER BY day`)
      .pluck().all()).toEqual(['2026-01-05', '2026-01-07', '2026-01-08', '2026-01-12']);
  });

  it('takes percentiles by nearest rank', () => {
    expect(histogramPercentile([], 50)).toBeNull();
    expect(histogramPercentile([{ days: 4, count: 1 }], 90)).toBe(4);
    // 10 shipments: p50 is the 5th (3 days), p90 the 9th (8 days)
    const h = [{ days: 8, count: 2 }, { days: 1, count: 2 }, { days: 3, count: 3 }, { days: 5, count: 3 }];
    expect(histogramPercentile(h, 50)).toBe(3);
    expect(histogramPercentile(h, 90)).toBe(8);
  });
});

describe('cohort definitions', () => {
  const cohorts = (sqlite: Connection['sqlite']) =>
    sqlite.prepare(`SELECT cohort, month, customers, orders, net_minor AS net FROM rollup_cohorts ORDER BY cohort, month`).all();

  it('puts a customer in the month of their first order that was not cancelled, and moves them when that changes', async () => {
    const sqlite = await shop();
    for (const id of [1, 2, 3]) insertCustomerRow(sqlite, id, 1);
    insertOrderRow(sqlite, { id: 1, customerId: 1, placedAt: '2026-01-10T10:00:00.000Z', totalMinor: 1000 });
    insertOrderRow(sqlite, { id: 2, customerId: 1, placedAt: '2026-03-05T10:00:00.000Z', totalMinor: 3000 });
    insertOrderRow(sqlite, { id: 3, customerId: 2, placedAt: '2026-01-20T10:00:00.000Z', totalMinor: 500, status: 'cancelled' });
    insertOrderRow(sqlite, { id: 4, customerId: 2, placedAt: '2026-02-03T10:00:00.000Z', totalMinor: 2000 });
    insertOrderRow(sqlite, { id: 5, customerId: 2, placedAt: '2026-02-20T10:00:00.000Z', totalMinor: 1500 });
    insertOrderRow(sqlite, { id: 6, customerId: 3, placedAt: '2026-02-15T10:00:00.000Z', totalMinor: 4000, refundedMinor: 1000 });
    renumber(sqlite, [1, 2, 3]);
    refreshRollups(sqlite);
    expect(cohorts(sqlite)).toEqual([
      { cohort: '2026-01', month: '2026-01', customers: 1, orders: 1, net: 1000 },
      { cohort: '2026-01', month: '2026-03', customers: 1, orders: 1, net: 3000 },
      { cohort: '2026-02', month: '2026-02', customers: 2, orders: 3, net: 2000 + 1500 + 3000 },
    ]);

    // an earlier order of customer 3 arrives: they move to December's cohort
    insertOrderRow(sqlite, { id: 7, customerId: 3, placedAt: '2025-12-28T10:00:00.000Z', totalMinor: 700 });
    // customer 1's first order is cancelled: they now start in March
    sqlite.prepare(`UPDATE orders SET status = 'cancelled' WHERE id = 1`).run();
    renumber(sqlite, [1, 3]);
    refreshRollups(sqlite);
    expect(cohorts(sqlite)).toEqual([
      { cohort: '2025-12', month: '2025-12', customers: 1, orders: 1, net: 700 },
      { cohort: '2025-12', month: '2026-02', customers: 1, orders: 1, net: 3000 },
      { cohort: '2026-02', month: '2026-02', customers: 1, orders: 2, net: 3500 },
      { cohort: '2026-03', month: '2026-03', customers: 1, orders: 1, net: 3000 },
    ]);
  });
});

describe('order, ticket and return definitions', () => {
  it('sums orders by UTC day of placement, money only for orders not cancelled', async () => {
    const sqlite = await shop();
    insertCustomerRow(sqlite, 1, 1);
    insertOrderRow(sqlite, { id: 1, customerId: 1, placedAt: '2026-01-10T23:59:59.000Z', totalMinor: 1000, refundedMinor: 200 });
    insertOrderRow(sqlite, { id: 2, customerId: 1, placedAt: '2026-01-10T01:00:00.000Z', totalMinor: 800, status: 'cancelled' });
    insertOrderRow(sqlite, { id: 3, customerId: 1, placedAt: '2026-01-11T00:00:00.000Z', totalMinor: 600 });
    insertOrderRow(sqlite, { id: 4, customerId: null, placedAt: '2026-01-10T12:00:00.000Z', totalMinor: 300 });
    renumber(sqlite, [1]);
    refreshRollups(sqlite);
    const day = sqlite.prepare(`SELECT sum(orders) AS orders, sum(cancelled) AS cancelled, sum(gross_minor) AS gross,
      sum(refunded_minor) AS refunded, sum(first_orders) AS first, sum(repeat_orders) AS repeat, sum(guest_orders) AS guests
      FROM rollup_orders_daily WHERE day = ?`);
    // order 2 (cancelled) is the customer's first by placement; order 1 their second
    expect(day.get('2026-01-10')).toEqual({ orders: 3, cancelled: 1, gross: 1300, refunded: 200, first: 0, repeat: 1, guests: 1 });
    expect(day.get('2026-01-11')).toEqual({ orders: 1, cancelled: 0, gross: 600, refunded: 0, first: 0, repeat: 1, guests: 0 });
  });

  it('counts SLA targets judged and met, and CSAT, by the day a ticket was created', async () => {
    const sqlite = await shop();
    const ticket = sqlite.prepare(`INSERT INTO tickets (channel, subject, status, priority, first_reply_breached,
      resolution_breached, csat_score, solved_at, created_at, updated_at) VALUES ('email', 'Hi', ?, 'normal', ?, ?, ?, ?, ?, ?)`);
    const at = '2026-01-10T10:00:00.000Z';
    ticket.run('solved', 0, 0, 5, at, at, at); // two targets met
    ticket.run('solved', 1, 0, 3, at, at, at); // one breached, one met
    ticket.run('open', 0, null, null, null, at, at); // one met, resolution still running
    refreshRollups(sqlite);
    expect(sqlite.prepare('SELECT day, created, solved, sla_judged, sla_met, csat_responses, csat_sum FROM rollup_tickets_daily').get())
      .toEqual({ day: '2026-01-10', created: 3, solved: 2, sla_judged: 5, sla_met: 4, csat_responses: 2, csat_sum: 8 });
  });
});
