import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { applyRecords } from '../../src/main/sync/apply';
import type { RemoteRecord } from '../../src/main/sync/model';
import { memoryDb } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteCustomer, remoteLine, remoteOrder, remoteProduct } from './sync-apply-fixtures';

let connection: Connection;
const apply = (records: RemoteRecord[]) => applyRecords(connection.sqlite, 1, records, [], { runId: null, now: NOW });
const one = <T>(sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).get(...args) as T;
const all = <T>(sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).all(...args) as T[];

beforeEach(async () => {
  connection = await memoryDb();
  insertConnectedStore(connection.sqlite);
});
afterEach(() => connection.close());

describe('applyRecords: upserts by (store, external id)', () => {
  it('creates, then updates only what is newer, and counts each', () => {
    expect(apply(asOrders(remoteOrder('o1'), remoteOrder('o2')))).toEqual({ created: 2, updated: 0, unchanged: 0, quarantined: 0 });
    const changed = remoteOrder('o1', { updatedAt: '2026-02-02T00:00:00Z', status: 'completed', fulfillmentStatus: 'fulfilled' });
    const older = remoteOrder('o2', { updatedAt: '2026-01-31T00:00:00Z', status: 'cancelled' });
    expect(apply(asOrders(changed, older, remoteOrder('o3')))).toEqual({ created: 1, updated: 1, unchanged: 1, quarantined: 0 });
    const rows = all<{ external_id: string; status: string; remote_updated_at: string }>(
      'SELECT external_id, status, remote_updated_at FROM orders ORDER BY external_id');
    expect(rows).toEqual([
      { external_id: 'o1', status: 'completed', remote_updated_at: '2026-02-02T00:00:00.000Z' },
      { external_id: 'o2', status: 'open', remote_updated_at: '2026-02-01T10:05:00.000Z' },
      { external_id: 'o3', status: 'open', remote_updated_at: '2026-02-01T10:05:00.000Z' },
    ]);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM order_lines').n).toBe(6);
  });

  it('skips a record with the same remote time as the stored one, in another zone notation too', () => {
    apply(asOrders(remoteOrder('o1')));
    const sameInstant = remoteOrder('o1', { updatedAt: '2026-02-01T11:05:00+01:00', status: 'cancelled' });
    expect(apply(asOrders(sameInstant))).toEqual({ created: 0, updated: 0, unchanged: 1, quarantined: 0 });
    expect(one<{ status: string }>("SELECT status FROM orders WHERE external_id = 'o1'").status).toBe('open');
  });

  it('writes lines, payments and shipments, and links lines to catalogue products', () => {
    apply([{ resource: 'products', record: remoteProduct('p1') }]);
    apply(asOrders(remoteOrder('o1', {
      shipments: [{ externalId: 's1', carrier: 'UPS', service: 'Ground', trackingNumber: '1Z9', trackingUrl: null,
        status: 'InTransit', shippedAt: '2026-02-02T00:00:00Z', estimatedDeliveryAt: '2026-02-05T00:00:00Z',
        deliveredAt: null, updatedAt: '2026-02-02T00:00:00Z' }],
    })));
    const lines = all<{ external_id: string; product_title: string; quantity: number }>(
      `SELECT l.external_id, p.title AS product_title, l.quantity FROM order_lines l JOIN products p ON p.id = l.product_id
        ORDER BY l.external_id`);
    // p2 was not synced yet: a placeholder named after the line keeps the link.
    expect(lines).toEqual([
      { external_id: 'o1-l1', product_title: 'Product p1', quantity: 2 },
      { external_id: 'o1-l2', product_title: 'Red plate', quantity: 1 },
    ]);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM payments WHERE amount_minor = 5200').n).toBe(1);
    expect(one<{ status: string; destination_country: string }>('SELECT status, destination_country FROM shipments'))
      .toEqual({ status: 'InTransit', destination_country: 'GB' });
    apply([{ resource: 'products', record: remoteProduct('p2', { updatedAt: '2026-01-05T00:00:00Z' }) }]);
    expect(one<{ title: string }>("SELECT title FROM products WHERE external_id = 'p2'").title).toBe('Product p2');
  });

  it('removes a line removed on the platform, but keeps one a return refers to', () => {
    apply(asOrders(remoteOrder('o1', { lines: [remoteLine('l1'), remoteLine('l2'), remoteLine('l3')],
      subtotalMinor: 9000, totalMinor: 9200 })));
    const orderId = one<{ id: number }>("SELECT id FROM orders WHERE external_id = 'o1'").id;
    const l3 = one<{ id: number }>("SELECT id FROM order_lines WHERE external_id = 'l3'").id;
    connection.sqlite.prepare(`INSERT INTO returns (id, rma_number, order_id, status, reason, currency, requested_at, updated_at)
      VALUES (1, 'RMA-1', ?, 'requested', 'damaged', 'USD', ?, ?)`).run(orderId, NOW.toISOString(), NOW.toISOString());
    connection.sqlite.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity) VALUES (1, ?, 1)').run(l3);

    apply(asOrders(remoteOrder('o1', { lines: [remoteLine('l1')], subtotalMinor: 3000, totalMinor: 3200,
      updatedAt: '2026-02-03T00:00:00Z' })));
    expect(all<{ external_id: string }>('SELECT external_id FROM order_lines ORDER BY external_id').map((r) => r.external_id))
      .toEqual(['l1', 'l3']);
    expect(one<{ total_minor: number }>('SELECT total_minor FROM orders').total_minor).toBe(3200);
  });
});

describe('applyRecords: local fields and customers', () => {
  it('never overwrites local tags, notes or merges, and replaces the platform tags', () => {
    apply([{ resource: 'customers', record: remoteCustomer('c1') }, ...asOrders(remoteOrder('o1'))]);
    connection.sqlite.prepare(`UPDATE orders SET local_tags = '["gift"]', local_note = 'Call first'`).run();
    connection.sqlite.prepare(`UPDATE customers SET local_tags = '["friend"]', local_note = 'Prefers email',
      personalization_consent = 1, birthday = '1990-05-01'`).run();
    apply([
      { resource: 'customers', record: remoteCustomer('c1', { email: 'new@example.com', tags: ['wholesale'],
        updatedAt: '2026-02-10T00:00:00Z' }) },
      ...asOrders(remoteOrder('o1', { tags: ['b2b'], updatedAt: '2026-02-10T00:00:00Z' })),
    ]);
    expect(one('SELECT local_tags, local_note, remote_tags FROM orders')).toEqual(
      { local_tags: '["gift"]', local_note: 'Call first', remote_tags: '["b2b"]' });
    expect(one('SELECT email, local_tags, local_note, personalization_consent, birthday, remote_tags FROM customers')).toEqual({
      email: 'new@example.com', local_tags: '["friend"]', local_note: 'Prefers email', personalization_consent: 1,
      birthday: '1990-05-01', remote_tags: '["wholesale"]' });
    expect(all('SELECT tag, source FROM order_tags ORDER BY source, tag')).toEqual(
      [{ tag: 'gift', source: 'local' }, { tag: 'b2b', source: 'remote' }]);
  });

  it('gives an order an unknown customer as a placeholder the customer record later fills', () => {
    apply(asOrders(remoteOrder('o1', { customerExternalId: 'c9' })));
    const placeholder = one<{ id: number; email: string | null; remote_updated_at: string | null }>(
      "SELECT id, email, remote_updated_at FROM customers WHERE external_id = 'c9'");
    expect(placeholder).toMatchObject({ email: null, remote_updated_at: null });
    expect(one<{ customer_id: number }>('SELECT customer_id FROM orders').customer_id).toBe(placeholder.id);

    const counts = apply([{ resource: 'customers', record: remoteCustomer('c9', { updatedAt: '2025-12-01T00:00:00Z' }) }]);
    expect(counts).toEqual({ created: 1, updated: 0, unchanged: 0, quarantined: 0 });
    expect(all('SELECT id, email FROM customers')).toEqual([{ id: placeholder.id, email: 'c9@example.com' }]);
  });

  it('applies a customer embedded in the order, and sends a merged customer\'s orders to the survivor', () => {
    apply(asOrders(remoteOrder('o1', { customerExternalId: null, customer: remoteCustomer('c5') })));
    expect(one('SELECT c.external_id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id'))
      .toEqual({ external_id: 'c5', email: 'c5@example.com' });
    apply([{ resource: 'customers', record: remoteCustomer('c6') }]);
    const c5 = one<{ id: number }>("SELECT id FROM customers WHERE external_id = 'c5'").id;
    const c6 = one<{ id: number }>("SELECT id FROM customers WHERE external_id = 'c6'").id;
    connection.sqlite.prepare('UPDATE customers SET merged_into_id = ? WHERE id = ?').run(c5, c6);
    apply(asOrders(remoteOrder('o2', { customerExternalId: 'c6' })));
    expect(one<{ customer_id: number }>("SELECT customer_id FROM orders WHERE external_id = 'o2'").customer_id).toBe(c5);
  });

  it('numbers each customer\'s orders by placement, whatever order they arrive in', () => {
    apply(asOrders(remoteOrder('late', { placedAt: '2026-02-20T00:00:00Z' })));
    apply(asOrders(
      remoteOrder('early', { placedAt: '2026-02-01T00:00:00Z' }),
      remoteOrder('guest', { customerExternalId: null }),
      remoteOrder('middle', { placedAt: '2026-02-10T00:00:00Z' }),
    ));
    expect(all('SELECT external_id, customer_order_seq FROM orders ORDER BY placed_at, id')).toEqual([
      { external_id: 'early', customer_order_seq: 1 },
      { external_id: 'guest', customer_order_seq: null },
      { external_id: 'middle', customer_order_seq: 2 },
      { external_id: 'late', customer_order_seq: 3 },
    ]);
    // The customer changes on the platform: both customers are renumbered.
    apply(asOrders(remoteOrder('early', { placedAt: '2026-02-01T00:00:00Z', customerExternalId: 'c2',
      updatedAt: '2026-02-21T00:00:00Z' })));
    expect(all('SELECT external_id, customer_order_seq FROM orders WHERE customer_id IS NOT NULL ORDER BY placed_at'))
      .toEqual([
        { external_id: 'early', customer_order_seq: 1 },
        { external_id: 'middle', customer_order_seq: 1 },
        { external_id: 'late', customer_order_seq: 2 },
      ]);
    // Turned into a guest checkout: out of the sequence, and the customer's other order becomes their first.
    apply(asOrders(remoteOrder('middle', { placedAt: '2026-02-10T00:00:00Z', customerExternalId: null,
      updatedAt: '2026-02-22T00:00:00Z' })));
    expect(all("SELECT external_id, customer_order_seq FROM orders WHERE external_id IN ('middle', 'late') ORDER BY placed_at"))
      .toEqual([
        { external_id: 'middle', customer_order_seq: null },
        { external_id: 'late', customer_order_seq: 1 },
      ]);
  });
});

describe('applyRecords: one transaction per page', () => {
  it('rolls the whole page back when the database fails mid-page', () => {
    connection.sqlite.prepare(`CREATE TRIGGER fail_on_boom BEFORE INSERT ON order_lines WHEN NEW.title = 'boom'
      BEGIN SELECT RAISE(ABORT, 'disk went away'); END`).run();
    const page = asOrders(remoteOrder('o1'), remoteOrder('o2', { lines: [remoteLine('x', { title: 'boom', quantity: 1,
      totalMinor: 1500 })], subtotalMinor: 1500, totalMinor: 1700 }));
    const malformed = [{ resource: 'orders' as const, externalId: 'o3', reason: 'The order has no total.', raw: { id: 3 } }];
    expect(() => applyRecords(connection.sqlite, 1, page, malformed, { runId: null, now: NOW })).toThrow(/disk went away/);
    for (const table of ['orders', 'order_lines', 'payments', 'customers', 'products', 'points_ledger', 'sync_quarantine']) {
      expect(one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n, table).toBe(0);
    }
    expect(connection.sqlite.inTransaction).toBe(false);
  });

  it('refuses a store that does not exist', () => {
    expect(() => applyRecords(connection.sqlite, 7, asOrders(remoteOrder('o1')), [], { runId: null, now: NOW }))
      .toThrow(/no store with id 7/);
  });
});
