import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { applyRecords } from '../../src/main/sync/apply';
import type { RemoteRecord, RemoteRefund } from '../../src/main/sync/model';
import { memoryDb } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteOrder } from './sync-apply-fixtures';

let connection: Connection;
const apply = (records: RemoteRecord[]) => applyRecords(connection.sqlite, 1, records, [], { runId: null, now: NOW });
const ledger = () => connection.sqlite
  .prepare('SELECT entry_type AS type, points, idempotency_key AS key FROM points_ledger ORDER BY id').all();

beforeEach(async () => {
  connection = await memoryDb();
  insertConnectedStore(connection.sqlite);
});
afterEach(() => connection.close());

const refund = (externalId: string, amountMinor: number, refundedAt: string): RemoteRefund =>
  ({ externalId, amountMinor, currency: 'USD', reason: 'damaged', note: null, refundedAt });

describe('applyRecords: loyalty points through the loyalty area', () => {
  it('earns a paid order\'s points once, however often the page is applied', () => {
    const page = asOrders(remoteOrder('o1'), remoteOrder('o2', { financialStatus: 'pending' }),
      remoteOrder('o3', { customerExternalId: null }));
    apply(page);
    apply(page);
    const o1 = connection.sqlite.prepare("SELECT id FROM orders WHERE external_id = 'o1'").get() as { id: number };
    // 1 point per dollar of subtotal after discounts: 50.00 − 5.00 = 45 points; the pending and guest orders earn none.
    expect(ledger()).toEqual([{ type: 'earn', points: 45, key: `order:${o1.id}:earn` }]);
    // Paid later on the platform: earns then, once.
    const paid = remoteOrder('o2', { updatedAt: '2026-02-05T00:00:00Z' });
    apply(asOrders(paid));
    apply(asOrders({ ...paid, updatedAt: '2026-02-06T00:00:00Z' }));
    expect(ledger()).toHaveLength(2);
  });

  it('reverses each platform refund once, pro rata of the money refunded so far', () => {
    apply(asOrders(remoteOrder('o1')));
    const half = remoteOrder('o1', { financialStatus: 'partially_refunded', refundedMinor: 2600,
      refunds: [refund('r1', 2600, '2026-02-04T00:00:00Z')], updatedAt: '2026-02-04T00:00:00Z' });
    apply(asOrders(half));
    apply(asOrders(half));
    apply(asOrders({ ...half, updatedAt: '2026-02-04T01:00:00Z' }));
    const r1 = connection.sqlite.prepare("SELECT id FROM refunds WHERE external_id = 'r1'").get() as { id: number };
    expect(ledger().slice(1)).toEqual([{ type: 'reverse', points: -22, key: `refund:${r1.id}:reverse` }]);

    // The rest refunded, together with an echo of the first refund: only the remainder goes back.
    const full = { ...half, financialStatus: 'refunded' as const, refundedMinor: 5200, updatedAt: '2026-02-06T00:00:00Z',
      refunds: [refund('r1', 2600, '2026-02-04T00:00:00Z'), refund('r2', 2600, '2026-02-06T00:00:00Z')] };
    apply(asOrders(full));
    apply(asOrders(full));
    expect(ledger().slice(1).map((e) => (e as { points: number }).points)).toEqual([-22, -23]);
  });

  it('earns and reverses an order first seen already refunded, and takes back a cancelled order\'s refund', () => {
    apply(asOrders(remoteOrder('o1', { financialStatus: 'refunded', refundedMinor: 5200,
      refunds: [refund('r1', 5200, '2026-02-02T00:00:00Z')] })));
    expect(ledger().map((e) => (e as { points: number }).points)).toEqual([45, -45]);

    apply(asOrders(remoteOrder('o2')));
    apply(asOrders(remoteOrder('o2', { status: 'cancelled', financialStatus: 'refunded', refundedMinor: 5200,
      cancelledAt: '2026-02-03T00:00:00Z', refunds: [refund('r2', 5200, '2026-02-03T00:00:00Z')],
      updatedAt: '2026-02-03T00:00:00Z' })));
    expect(ledger().map((e) => (e as { points: number }).points)).toEqual([45, -45, 45, -45]);
  });

  it('does not count a refund recorded here twice when the platform sends it back', () => {
    apply(asOrders(remoteOrder('o1')));
    const orderId = (connection.sqlite.prepare('SELECT id FROM orders').get() as { id: number }).id;
    // What orders.refund writes: the refund under a local id, and its reversal.
    const local = connection.sqlite.prepare(`INSERT INTO refunds (order_id, store_id, external_id, amount_minor, currency,
      refunded_at) VALUES (?, 1, 'local:k1', 2600, 'USD', '2026-02-03T00:00:00.000Z')`).run(orderId);
    connection.sqlite.prepare(`INSERT INTO points_ledger (customer_id, entry_type, points, order_id, idempotency_key,
      available_at, created_at) SELECT customer_id, 'reverse', -22, id, ?, ?, ? FROM orders`)
      .run(`refund:${local.lastInsertRowid}:reverse`, NOW.toISOString(), NOW.toISOString());
    apply(asOrders(remoteOrder('o1', { financialStatus: 'partially_refunded', refundedMinor: 2600,
      refunds: [refund('shopify-r1', 2600, '2026-02-03T00:00:05Z')], updatedAt: '2026-02-03T00:01:00Z' })));
    expect(ledger().map((e) => (e as { points: number }).points)).toEqual([45, -22]);
  });
});
