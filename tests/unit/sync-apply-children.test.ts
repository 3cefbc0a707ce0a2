import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { applyRecords } from '../../src/main/sync/apply';
import type { RemoteRecord, RemoteShipment } from '../../src/main/sync/model';
import { capturePlans } from '../helpers/plans';
import { memoryDb } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteOrder, remoteProduct } from './sync-apply-fixtures';

let connection: Connection;
const apply = (records: RemoteRecord[]) => applyRecords(connection.sqlite, 1, records, [], { runId: null, now: NOW });

beforeEach(async () => {
  connection = await memoryDb();
  insertConnectedStore(connection.sqlite);
});
afterEach(() => connection.close());

const shipment = (overrides: Partial<RemoteShipment> = {}): RemoteShipment => ({
  externalId: 's1', carrier: 'DHL', service: null, trackingNumber: 'JD01', trackingUrl: null, status: 'InTransit',
  shippedAt: '2026-02-02T00:00:00Z', estimatedDeliveryAt: '2026-02-06T00:00:00Z', deliveredAt: null,
  updatedAt: '2026-02-02T00:00:00Z', ...overrides,
});

describe('applyRecords: products and an order\'s children', () => {
  it('creates, updates and skips products by their remote time', () => {
    expect(apply([{ resource: 'products', record: remoteProduct('p1') }, { resource: 'products', record: remoteProduct('p2') }]))
      .toEqual({ created: 2, updated: 0, unchanged: 0, quarantined: 0 });
    expect(apply([
      { resource: 'products', record: remoteProduct('p1', { priceMinor: 1800, status: 'archived', updatedAt: '2026-01-09T00:00:00Z' }) },
      { resource: 'products', record: remoteProduct('p2', { priceMinor: 1 }) },
    ])).toEqual({ created: 0, updated: 1, unchanged: 1, quarantined: 0 });
    expect(connection.sqlite.prepare('SELECT external_id, price_minor, status FROM products ORDER BY external_id').all())
      .toEqual([
        { external_id: 'p1', price_minor: 1800, status: 'archived' },
        { external_id: 'p2', price_minor: 1500, status: 'active' },
      ]);
  });

  it('mirrors payments, and updates a shipment only from a newer version, keeping the tracking provider\'s fields', () => {
    apply(asOrders(remoteOrder('o1', { shipments: [shipment()] })));
    connection.sqlite.prepare("UPDATE shipments SET sub_status = 'InTransit_PickedUp', last_event_at = '2026-02-03T00:00:00.000Z'").run();
    const base = remoteOrder('o1');
    apply(asOrders(remoteOrder('o1', {
      updatedAt: '2026-02-05T00:00:00Z', shipments: [shipment({ status: 'Delivered', deliveredAt: '2026-02-05T00:00:00Z',
        estimatedDeliveryAt: '2026-02-05T00:00:00Z', updatedAt: '2026-02-05T00:00:00Z' })],
      payments: [{ ...base.payments[0]!, externalId: 'o1-t2', kind: 'capture' }],
    })));
    expect(connection.sqlite.prepare(`SELECT status, delivered_at, sub_status, last_event_at, estimated_delivery_at,
      original_estimated_delivery_at FROM shipments`).get()).toEqual({
      status: 'Delivered', delivered_at: '2026-02-05T00:00:00.000Z', sub_status: 'InTransit_PickedUp',
      last_event_at: '2026-02-03T00:00:00.000Z', estimated_delivery_at: '2026-02-05T00:00:00.000Z',
      original_estimated_delivery_at: '2026-02-06T00:00:00.000Z',
    });
    expect(connection.sqlite.prepare('SELECT external_id, kind FROM payments').all()).toEqual([{ external_id: 'o1-t2', kind: 'capture' }]);

    // The order changed again but the shipment did not: it keeps the newer state.
    apply(asOrders(remoteOrder('o1', { updatedAt: '2026-02-06T00:00:00Z', shipments: [shipment()] })));
    expect(connection.sqlite.prepare('SELECT status FROM shipments').get()).toEqual({ status: 'Delivered' });
  });

  it('finds every stored row through an index, never by scanning a table', () => {
    apply(asOrders(remoteOrder('o1')));
    const page = asOrders(remoteOrder('o1', { updatedAt: '2026-02-09T00:00:00Z', lines: [remoteOrder('o1').lines[0]!],
      subtotalMinor: 3000, totalMinor: 3200,
      refunds: [{ externalId: 'r1', amountMinor: 100, currency: 'USD', reason: null, note: null, refundedAt: '2026-02-09T00:00:00Z' }],
      shipments: [shipment()] }), remoteOrder('o2', { placedAt: '2026-01-01T00:00:00Z' }));
    const run = (spied: typeof connection.sqlite) => applyRecords(spied, 1, page, [], { runId: null, now: NOW });
    const reads = capturePlans(connection.sqlite, run, { selectsOnly: true });
    expect(reads.length).toBeGreaterThan(10);
    // json_each and subqueries are per-page lists; customer_rfm's is the customers area's LIMIT 1 "any rows yet?" probe;
    // campaigns is the merchant's handful of campaigns, read once a page for a launched multiplier (earn-many.ts).
    expect(reads.filter((plan) => /SCAN (?!json_each|\(subquery|ranked|customer_rfm USING COVERING INDEX|CONSTANT ROW|campaigns$)/.test(plan)))
      .toEqual([]);
  });

  it('deletes removed lines through the order\'s index', () => {
    apply(asOrders(remoteOrder('o1')));
    const page = asOrders(remoteOrder('o1', { updatedAt: '2026-02-09T00:00:00Z', lines: [remoteOrder('o1').lines[0]!],
      subtotalMinor: 3000, totalMinor: 3200 }));
    const plans = capturePlans(connection.sqlite, (spied) => applyRecords(spied, 1, page, [], { runId: null, now: NOW }));
    const deletes = plans.filter((plan) => plan.startsWith('SEARCH order_lines USING INDEX order_lines_order'));
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toContain('SEARCH r USING COVERING INDEX returns_order');
    expect(connection.sqlite.prepare('SELECT count(*) AS n FROM order_lines').get()).toEqual({ n: 1 });
  });
});
