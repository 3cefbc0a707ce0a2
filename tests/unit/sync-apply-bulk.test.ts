import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection, type Sqlite } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { recomputeAllRfm } from '../../src/main/domain/customers/rfm';
import { writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { DEFAULT_LOYALTY_SETTINGS } from '../../src/shared/contract';
import { applyRecords } from '../../src/main/sync/apply';
import {
  beginBulkApply, deferredIndexes, DEFERRED_DURING_BACKFILL, finishBulkApply,
} from '../../src/main/sync/apply/deferred-indexes';
import type { RemoteOrder } from '../../src/main/sync/model';
import { tempDir } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteCustomer, remoteOrder } from './sync-apply-fixtures';

/**
 * Bulk mode for a first full sync (deferred-indexes.ts): the indexes the apply
 * never reads are dropped for the backfill and rebuilt from their exact DDL,
 * crash-safely, and an incremental sync never takes the path.
 */
const temp = tempDir('backroom-bulk-');
let connection: Connection;
let dbPath: string;
let dbNumber = 0;

beforeEach(async () => {
  dbPath = join(temp.dir, `bulk-${++dbNumber}.db`);
  connection = openConnection(dbPath);
  await migrate(connection);
  insertConnectedStore(connection.sqlite);
});
afterEach(() => connection.close());

const indexes = (sqlite: Sqlite) => sqlite
  .prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
const indexNames = (sqlite: Sqlite) => (indexes(sqlite) as { name: string }[]).map((i) => i.name);
const apply = (sqlite: Sqlite, orders: RemoteOrder[]) => applyRecords(sqlite, 1, asOrders(...orders), [], { runId: null, now: NOW });

/** Orders of three customers placed out of order, so the sequence numbers are not simply the arrival order. */
function backfill(count: number, from = 0): RemoteOrder[] {
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    const day = String(1 + ((i * 7) % 27)).padStart(2, '0');
    return remoteOrder(`o${i}`, { customerExternalId: `c${i % 3}`, placedAt: `2026-02-${day}T10:00:00Z`,
      updatedAt: '2026-02-28T10:00:00Z', orderNumber: `#${1000 + i}` });
  });
}

const sequences = (sqlite: Sqlite) => sqlite
  .prepare('SELECT external_id AS id, customer_order_seq AS seq FROM orders ORDER BY id').all();

/** What incremental applies number: each customer's orders by placement, then id. */
function expectedSequences(sqlite: Sqlite) {
  return sqlite.prepare(`SELECT external_id AS id,
      row_number() OVER (PARTITION BY customer_id ORDER BY placed_at, id) AS seq FROM orders ORDER BY id`).all();
}

describe('bulk mode for a first full sync', () => {
  it('drops only the deferrable indexes, records them, and rebuilds exactly the same DDL', () => {
    const { sqlite } = connection;
    const before = indexes(sqlite);
    const indexNamesBefore = indexNames(sqlite);
    expect(beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 })).toBe(true);
    const dropped = (before as { name: string }[]).map((i) => i.name).filter((name) => !indexNames(sqlite).includes(name));
    const deferrable = [...DEFERRED_DURING_BACKFILL.orders, 'orders_customer', 'points_ledger_customer'];
    expect(dropped.sort()).toEqual(deferrable.filter((name) => indexNamesBefore.includes(name)).sort());
    expect(dropped).toEqual(expect.arrayContaining(['orders_placed', 'orders_customer', 'order_lines_product']));
    expect(deferredIndexes(sqlite).map((d) => d.name).sort()).toEqual(dropped);
    // The keys the apply reads stay.
    expect(indexNames(sqlite)).toEqual(expect.arrayContaining(['order_lines_order', 'payments_order', 'points_ledger_order']));

    apply(sqlite, backfill(40));
    apply(sqlite, backfill(40, 40));
    // Numbered as they are written from the backfill's running counts, except the customers whose orders came out of
    // order (all three here: renumbered when the backfill ends).
    expect(sequences(sqlite).some((row) => (row as { seq: number | null }).seq !== null)).toBe(true);
    finishBulkApply(sqlite, NOW);

    expect(indexes(sqlite)).toEqual(before);
    expect(deferredIndexes(sqlite)).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
    // Every order earned once, as in an ordinary apply.
    expect(sqlite.prepare("SELECT count(*) AS n FROM points_ledger WHERE entry_type = 'earn'").get()).toEqual({ n: 80 });
  });

  it('applies an order seen twice during the backfill once, as an update', () => {
    const { sqlite } = connection;
    beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 });
    apply(sqlite, backfill(10));
    const changed = { ...backfill(1)[0]!, updatedAt: '2026-02-28T11:00:00Z', totalMinor: 5300, shippingMinor: 500 };
    expect(apply(sqlite, [changed])).toEqual({ created: 0, updated: 1, unchanged: 0, quarantined: 0 });
    finishBulkApply(sqlite, NOW);
    expect(sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 10 });
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
  });

  it('is repaired on the next open after a crash between the drop and the rebuild', () => {
    const before = indexes(connection.sqlite);
    beginBulkApply(connection.sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 });
    apply(connection.sqlite, backfill(30));
    // The process dies: the connection goes away without finishBulkApply.
    connection.close();

    connection = openConnection(dbPath);
    const { sqlite } = connection;
    expect(indexes(sqlite)).toEqual(before);
    expect(deferredIndexes(sqlite)).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
    // The resumed listing is no first sync any more: it applies incrementally, with every index.
    expect(beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 })).toBe(false);
    apply(sqlite, backfill(10, 30));
    expect(sequences(sqlite)).toEqual(expectedSequences(sqlite));
  });

  it('never takes the bulk path into a store that already has orders, nor for a small listing', () => {
    const { sqlite } = connection;
    const before = indexes(sqlite);
    expect(beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 20 })).toBe(false);
    apply(sqlite, backfill(1));
    expect(beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 50_000 })).toBe(false);
    expect(beginBulkApply(sqlite, 1, 'orders', { now: NOW })).toBe(false);
    expect(indexes(sqlite)).toEqual(before);
    expect(deferredIndexes(sqlite)).toEqual([]);
  });

  it('does not rebuild a large database\'s indexes for another store\'s unknown-sized first sync', () => {
    const { sqlite } = connection;
    insertConnectedStore(sqlite, 2);
    // Ids only grow: one order far up the id range stands for a table with many rows.
    sqlite.prepare(`INSERT INTO orders (id, store_id, external_id, order_number, status, financial_status, fulfillment_status,
        currency, subtotal_minor, total_minor, placed_at, created_at, updated_at)
      VALUES (900000, 1, 'big', '#1', 'open', 'paid', 'unfulfilled', 'USD', 0, 0, '2026-01-01T00:00:00.000Z',
        '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
    expect(beginBulkApply(sqlite, 2, 'orders', { now: NOW })).toBe(false);
    expect(beginBulkApply(sqlite, 2, 'orders', { now: NOW, expectedRecords: 1_000_000 })).toBe(true);
    finishBulkApply(sqlite, NOW);
  });

  it('keeps the customer-keyed indexes for a program with a first-order bonus, and brings them back when one gains it', () => {
    const { sqlite } = connection;
    writeLoyaltySettings(sqlite, { ...DEFAULT_LOYALTY_SETTINGS, bonusActions: { ...DEFAULT_LOYALTY_SETTINGS.bonusActions, firstOrder: 50 } }, NOW);
    beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 });
    expect(indexNames(sqlite)).toEqual(expect.arrayContaining(['orders_customer', 'points_ledger_customer']));
    finishBulkApply(sqlite, NOW);

    connection.close();
    dbPath = join(temp.dir, `bulk-${++dbNumber}.db`);
    connection = openConnection(dbPath);
    return migrate(connection).then(() => {
      const fresh = connection.sqlite;
      insertConnectedStore(fresh);
      beginBulkApply(fresh, 1, 'orders', { now: NOW, expectedRecords: 5000 });
      apply(fresh, backfill(6));
      expect(indexNames(fresh)).not.toContain('orders_customer');
      writeLoyaltySettings(fresh, { ...DEFAULT_LOYALTY_SETTINGS, bonusActions: { ...DEFAULT_LOYALTY_SETTINGS.bonusActions, firstOrder: 50 } }, NOW);
      apply(fresh, backfill(6, 6));
      expect(indexNames(fresh)).toEqual(expect.arrayContaining(['orders_customer', 'points_ledger_customer']));
      // Numbered when the index came back, and from then on as they arrive.
      expect(sequences(fresh)).toEqual(expectedSequences(fresh));
      finishBulkApply(fresh, NOW);
      // Read through orders_customer again: c2's first order (o8, placed 3 Feb) arrived after the bonus began.
      expect(fresh.prepare(`SELECT o.external_id AS id FROM points_ledger p JOIN orders o ON o.id = p.order_id
        WHERE p.entry_type = 'bonus'`).all()).toEqual([{ id: 'o8' }]);
    });
  });

  it('recomputes every customer\'s RFM when a backfill ends, instead of page by page', () => {
    const { sqlite } = connection;
    applyRecords(sqlite, 1, [0, 1, 2].map((i) => ({ resource: 'customers' as const, record: remoteCustomer(`c${i}`) })), [],
      { runId: null, now: NOW });
    recomputeAllRfm(sqlite, NOW);
    beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 });
    apply(sqlite, backfill(60));
    const during = sqlite.prepare('SELECT sum(orders_count) AS n FROM customer_rfm').get();
    expect(during).toEqual({ n: 0 });
    finishBulkApply(sqlite, new Date(NOW.getTime() + 60_000));
    expect(sqlite.prepare('SELECT sum(orders_count) AS n, count(segment) AS scored FROM customer_rfm').get())
      .toEqual({ n: 60, scored: 3 });
  });
});

afterEach(() => undefined);
process.on('exit', () => temp.cleanup());

describe('a page applied in one go', () => {
  it('writes an order listed twice in one page as its later version, lines, payments and shipments included', () => {
    const { sqlite } = connection;
    const shipment = { externalId: 's1', carrier: 'DHL', service: null, trackingNumber: 'JD1', trackingUrl: null,
      status: 'InTransit' as const, shippedAt: '2026-02-01T12:00:00Z', estimatedDeliveryAt: null, deliveredAt: null,
      updatedAt: '2026-02-01T12:00:00Z' };
    const first = remoteOrder('o1', { shipments: [shipment] });
    const second = { ...first, updatedAt: '2026-02-02T00:00:00Z', lines: [first.lines[1]!], subtotalMinor: 2000,
      discountMinor: 0, totalMinor: 2700, payments: [{ ...first.payments[0]!, externalId: 'o1-t2', amountMinor: 2700 }],
      shipments: [{ ...shipment, status: 'Delivered' as const, deliveredAt: '2026-02-02T00:00:00Z', updatedAt: '2026-02-02T00:00:00Z' }] };
    expect(apply(sqlite, [first, remoteOrder('o2'), second])).toEqual({ created: 2, updated: 1, unchanged: 0, quarantined: 0 });
    expect(sqlite.prepare(`SELECT l.external_id AS id FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.external_id = 'o1'`).all()).toEqual([{ id: 'o1-l2' }]);
    expect(sqlite.prepare(`SELECT p.external_id AS id, p.amount_minor AS amount FROM payments p JOIN orders o ON o.id = p.order_id
      WHERE o.external_id = 'o1'`).all()).toEqual([{ id: 'o1-t2', amount: 2700 }]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM order_lines').get()).toEqual({ n: 3 });
    expect(sqlite.prepare('SELECT external_id AS id, status, delivered_at AS deliveredAt FROM shipments').all())
      .toEqual([{ id: 's1', status: 'Delivered', deliveredAt: '2026-02-02T00:00:00.000Z' }]);
  });
});

describe('a first backfill\'s pages, written in batches (pending-rows.ts)', () => {
  /** Every row a sync writes, ids included: the batched orders must get exactly the ids SQLite would give them. */
  const snapshot = (sqlite: Sqlite) => ({
    orders: sqlite.prepare(`SELECT id, external_id, customer_id, status, financial_status, total_minor, refunded_minor,
      placed_at, customer_order_seq FROM orders ORDER BY id`).all(),
    tags: sqlite.prepare('SELECT order_id, tag, source FROM order_tags ORDER BY order_id, tag').all(),
    lines: sqlite.prepare('SELECT id, order_id, external_id, product_id, quantity, total_minor FROM order_lines ORDER BY id').all(),
    payments: sqlite.prepare('SELECT order_id, external_id, amount_minor FROM payments ORDER BY order_id, external_id').all(),
    refunds: sqlite.prepare('SELECT id, order_id, external_id, amount_minor FROM refunds ORDER BY id').all(),
    shipments: sqlite.prepare('SELECT order_id, external_id, status FROM shipments ORDER BY order_id, external_id').all(),
    ledger: sqlite.prepare(`SELECT customer_id, entry_type, points, order_id, idempotency_key, available_at, expires_at
      FROM points_ledger ORDER BY id`).all(),
  });

  function pages(): RemoteOrder[][] {
    const shipment = { externalId: 's1', carrier: 'DHL', service: null, trackingNumber: 'JD1', trackingUrl: null,
      status: 'InTransit' as const, shippedAt: '2026-02-01T12:00:00Z', estimatedDeliveryAt: null, deliveredAt: null,
      updatedAt: '2026-02-01T12:00:00Z' };
    const first = remoteOrder('o1', { shipments: [shipment] });
    const again = { ...first, updatedAt: '2026-02-02T00:00:00Z', financialStatus: 'partially_refunded' as const,
      refundedMinor: 1000, refunds: [{ externalId: 'r1', amountMinor: 1000, currency: 'USD', reason: null, note: null,
        refundedAt: '2026-02-02T00:00:00Z' }] };
    const refunded = remoteOrder('o3', { customerExternalId: 'c2', financialStatus: 'refunded', refundedMinor: 5200,
      refunds: [{ externalId: 'r2', amountMinor: 5200, currency: 'USD', reason: null, note: null,
        refundedAt: '2026-02-03T00:00:00Z' }] });
    // 60 more orders: more than one statement's worth of orders and lines, so batches fill mid-page.
    return [[first, remoteOrder('o2', { customerExternalId: null }), refunded, ...backfill(60, 10), again],
      [remoteOrder('o4', { customerExternalId: 'c2', placedAt: '2026-01-15T10:00:00Z' }), ...backfill(30, 100)]];
  }

  it('hold exactly what the same pages write one statement per row', async () => {
    const written: ReturnType<typeof snapshot>[] = [];
    for (const bulk of [false, true]) {
      const path = join(temp.dir, `batched-${bulk}-${++dbNumber}.db`);
      const other = openConnection(path);
      await migrate(other);
      insertConnectedStore(other.sqlite);
      writeLoyaltySettings(other.sqlite, DEFAULT_LOYALTY_SETTINGS, NOW);
      if (bulk) expect(beginBulkApply(other.sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 })).toBe(true);
      for (const page of pages()) apply(other.sqlite, page);
      if (bulk) finishBulkApply(other.sqlite, NOW);
      written.push(snapshot(other.sqlite));
      other.close();
    }
    const [oneByOne, batched] = written;
    expect(oneByOne!.orders).toHaveLength(94);
    expect(oneByOne!.ledger.length).toBeGreaterThan(90);
    expect(batched).toEqual(oneByOne);
  });
});
