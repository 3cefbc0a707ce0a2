import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { recomputeAllRfm } from '../../src/main/domain/customers/rfm';
import { applyRecords } from '../../src/main/sync/apply';
import type { RemoteOrder, RemoteRecord, RemoteRefund, RemoteShipment } from '../../src/main/sync/model';
import { memoryDb } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteCustomer, remoteOrder } from './sync-apply-fixtures';

/**
 * Issue 5's apply gaps: refunds and shipments the platform deleted, orders the
 * platform cancelled, and RFM figures of pages that touch many customers.
 */
let connection: Connection;
const apply = (records: RemoteRecord[]) => applyRecords(connection.sqlite, 1, records, [], { runId: null, now: NOW });
const all = (sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).all(...args);
const one = <T>(sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).get(...args) as T;
const ledger = () => all('SELECT entry_type AS type, points, idempotency_key AS key FROM points_ledger ORDER BY id');
const orderId = (externalId: string) => one<{ id: number }>('SELECT id FROM orders WHERE external_id = ?', externalId).id;

beforeEach(async () => {
  connection = await memoryDb();
  insertConnectedStore(connection.sqlite);
});
afterEach(() => connection.close());

const refund = (externalId: string, amountMinor: number, refundedAt = '2026-02-03T00:00:00Z'): RemoteRefund =>
  ({ externalId, amountMinor, currency: 'USD', reason: 'damaged', note: null, refundedAt });
const shipment = (externalId: string, overrides: Partial<RemoteShipment> = {}): RemoteShipment => ({
  externalId, carrier: 'DHL', service: null, trackingNumber: `JD-${externalId}`, trackingUrl: null, status: 'InTransit',
  shippedAt: '2026-02-02T00:00:00Z', estimatedDeliveryAt: null, deliveredAt: null, updatedAt: '2026-02-02T00:00:00Z',
  ...overrides,
});
/** The order as the platform lists it at a later time. */
let minute = 0;
const later = (order: RemoteOrder, overrides: Partial<RemoteOrder>): RemoteOrder =>
  ({ ...order, ...overrides, updatedAt: `2026-02-10T00:${String(++minute).padStart(2, '0')}:00Z` });
const refunds = () => all('SELECT external_id AS id, removed_remotely_at AS removedAt FROM refunds ORDER BY id');
const shipments = () => all('SELECT external_id AS id, removed_remotely_at AS removedAt FROM shipments ORDER BY id');

describe('refunds and shipments removed on the platform', () => {
  it('deletes a removed refund nothing hangs off, and keeps refunds recorded here', () => {
    // A guest order earns nothing, so its refunds reverse nothing.
    const order = remoteOrder('o1', { customerExternalId: null, financialStatus: 'partially_refunded', refundedMinor: 1500,
      refunds: [refund('r1', 1000), refund('r2', 500)] });
    apply(asOrders(order));
    connection.sqlite.prepare(`INSERT INTO refunds (order_id, store_id, external_id, amount_minor, currency, refunded_at)
      VALUES (?, 1, 'local:k1', 100, 'USD', '2026-02-04T00:00:00.000Z')`).run(orderId('o1'));
    apply(asOrders(later(order, { refundedMinor: 500, refunds: [refund('r2', 500)] })));
    expect(refunds()).toEqual([{ id: 'local:k1', removedAt: null }, { id: 'r2', removedAt: null }]);
  });

  it('keeps and marks a removed refund whose points were reversed, and never moves those points twice', () => {
    const order = remoteOrder('o1');
    apply(asOrders(order));
    const halfRefunded = later(order, { financialStatus: 'partially_refunded', refundedMinor: 2600,
      refunds: [refund('r1', 2600)] });
    apply(asOrders(halfRefunded));
    expect(ledger().map((e) => (e as { points: number }).points)).toEqual([45, -22]);

    // The platform deletes the refund: the row stays, marked; the reversal stands (nothing given back).
    const removed = later(order, { refunds: [] });
    apply(asOrders(removed));
    apply(asOrders(later(removed, {})));
    expect(refunds()).toEqual([{ id: 'r1', removedAt: NOW.toISOString() }]);
    expect(ledger()).toHaveLength(2);

    // A new refund of the rest: its reversal counts the kept one, so the order's points go back exactly once in all.
    const rest = later(order, { financialStatus: 'refunded', refundedMinor: 5200, refunds: [refund('r2', 5200, '2026-02-05T00:00:00Z')] });
    apply(asOrders(rest));
    apply(asOrders(later(rest, {})));
    const points = ledger().map((e) => (e as { points: number }).points);
    expect(points).toEqual([45, -22, -23]);
    expect(points.reduce((a, b) => a + b, 0)).toBe(0);

    // Listed again after all: unmarked, and nothing posts.
    apply(asOrders(later(rest, { refunds: [refund('r1', 2600), refund('r2', 5200, '2026-02-05T00:00:00Z')] })));
    expect(refunds()).toEqual([{ id: 'r1', removedAt: null }, { id: 'r2', removedAt: null }]);
    expect(ledger()).toHaveLength(3);
  });

  it('keeps and marks a removed refund a return links to', () => {
    const order = remoteOrder('o1', { customerExternalId: null, refunds: [refund('r1', 1000)], refundedMinor: 1000,
      financialStatus: 'partially_refunded' });
    apply(asOrders(order));
    const refundId = one<{ id: number }>("SELECT id FROM refunds WHERE external_id = 'r1'").id;
    connection.sqlite.prepare(`INSERT INTO returns (rma_number, order_id, status, reason, currency, refund_id, requested_at,
      updated_at) VALUES ('RMA-1', ?, 'resolved', 'damaged', 'USD', ?, '2026-02-03T00:00:00.000Z', '2026-02-03T00:00:00.000Z')`)
      .run(orderId('o1'), refundId);
    apply(asOrders(later(order, { refunds: [] })));
    expect(refunds()).toEqual([{ id: 'r1', removedAt: NOW.toISOString() }]);
  });

  it('deletes a removed shipment, keeps one with tracking history or a ticket, and unmarks one listed again', () => {
    const order = remoteOrder('o1', { shipments: [shipment('s1'), shipment('s2'), shipment('s3')] });
    apply(asOrders(order));
    const id = (externalId: string) => one<{ id: number }>('SELECT id FROM shipments WHERE external_id = ?', externalId).id;
    connection.sqlite.prepare(`INSERT INTO tracking_events (shipment_id, occurred_at, status) VALUES (?, '2026-02-03T00:00:00.000Z', 'InTransit')`)
      .run(id('s2'));
    connection.sqlite.prepare(`INSERT INTO tickets (channel, subject, status, shipment_id, created_at, updated_at)
      VALUES ('email', 'Where is my parcel?', 'open', ?, '2026-02-03T00:00:00.000Z', '2026-02-03T00:00:00.000Z')`).run(id('s3'));
    const none = later(order, { shipments: [] });
    apply(asOrders(none));
    expect(shipments()).toEqual([{ id: 's2', removedAt: NOW.toISOString() }, { id: 's3', removedAt: NOW.toISOString() }]);
    expect(one('SELECT count(*) AS n FROM tracking_events')).toEqual({ n: 1 });

    apply(asOrders(later(none, { shipments: [shipment('s2')] })));
    expect(shipments()).toEqual([{ id: 's2', removedAt: null }, { id: 's3', removedAt: NOW.toISOString() }]);
  });

  it('leaves the children alone when the order itself is not newer', () => {
    const order = remoteOrder('o1', { shipments: [shipment('s1')], customerExternalId: null, refunds: [refund('r1', 100)],
      refundedMinor: 100, financialStatus: 'partially_refunded' });
    apply(asOrders(order));
    apply(asOrders({ ...order, shipments: [], refunds: [] }));
    expect(shipments()).toHaveLength(1);
    expect(refunds()).toHaveLength(1);
  });
});

describe('orders cancelled on the platform', () => {
  it('reverses what the order earned at once, once', () => {
    const order = remoteOrder('o1');
    apply(asOrders(order));
    const cancelled = later(order, { status: 'cancelled', cancelledAt: '2026-02-09T00:00:00Z' });
    apply(asOrders(cancelled));
    apply(asOrders(cancelled));
    apply(asOrders(later(cancelled, {})));
    expect(ledger()).toEqual([
      { type: 'earn', points: 45, key: `order:${orderId('o1')}:earn` },
      { type: 'reverse', points: -45, key: `order:${orderId('o1')}:cancel` },
    ]);
  });

  it('takes back only what refunds left, and nothing for an order that never earned', () => {
    const order = remoteOrder('o1');
    apply(asOrders(order));
    apply(asOrders(later(order, { financialStatus: 'partially_refunded', refundedMinor: 2600, refunds: [refund('r1', 2600)] })));
    apply(asOrders(later(order, { status: 'cancelled', financialStatus: 'partially_refunded', refundedMinor: 2600,
      refunds: [refund('r1', 2600)], cancelledAt: '2026-02-09T00:00:00Z' })));
    expect(ledger().map((e) => (e as { points: number }).points)).toEqual([45, -22, -23]);

    apply(asOrders(remoteOrder('o2', { status: 'cancelled', cancelledAt: '2026-02-01T11:00:00Z' })));
    expect(ledger()).toHaveLength(3);
  });
});

describe('RFM of the customers a page touched', () => {
  const customers = (n: number) => Array.from({ length: n }, (_, i) => ({ resource: 'customers' as const, record: remoteCustomer(`c${i}`) }));
  const ordersOf = (n: number, suffix: string) =>
    asOrders(...Array.from({ length: n }, (_, i) => remoteOrder(`o${i}-${suffix}`, { customerExternalId: `c${i}` })));
  const figures = () => all('SELECT customer_id AS id, orders_count AS n, spend_minor AS spend, segment FROM customer_rfm ORDER BY customer_id');

  it('rewrites the figures of more than ten customers in one statement, keeping their scores for the full recompute', () => {
    apply(customers(12));
    apply(ordersOf(12, 'a'));
    recomputeAllRfm(connection.sqlite, NOW);
    const scored = figures() as { segment: string | null }[];
    expect(scored.every((row) => row.segment !== null)).toBe(true);

    apply(ordersOf(12, 'b'));
    const after = figures() as { n: number; spend: number; segment: string | null }[];
    expect(after.map((row) => row.n)).toEqual(Array(12).fill(2));
    expect(after.map((row) => row.spend)).toEqual(Array(12).fill(10400));
    expect(after.map((row) => row.segment)).toEqual(scored.map((row) => row.segment));
  });

  it('re-scores a handful of customers at once, as before', () => {
    apply(customers(3));
    apply(ordersOf(3, 'a'));
    recomputeAllRfm(connection.sqlite, NOW);
    apply(ordersOf(1, 'b'));
    expect((figures() as { n: number }[]).map((row) => row.n)).toEqual([2, 1, 1]);
  });
});
