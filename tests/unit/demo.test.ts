import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Connection, type Sqlite } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import {
  DEMO_SIZES, DEMO_STORE_NAME, generateDemoStore, generateDemoStoreInParallel, ordersForSize,
  type DemoSize,
  type DemoStoreSummary,
} from '../../src/main/demo';
import { memoryDb, tempDir } from '../helpers/db';

/**
 * The demo store generator, checked by SQL over every row of a small store:
 * the invariants the rest of the app relies on, and the shape of the data
 * (repeat buyers, late parcels, open tickets) the console is demonstrated with.
 */
const NOW = new Date('2026-03-01T12:00:00.000Z');
const NOW_ISO = NOW.toISOString();

/** SHA-256 of every row of every table (and the schema), in rowid (or key) order. */
function contentHash(sqlite: Sqlite): string {
  const hash = createHash('sha256');
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master ORDER BY type, name").all() as { name: string; sql: string | null }[];
  for (const { name, sql } of tables) {
    hash.update(`${name}:${sql ?? ''}\n`);
    if (!sql?.startsWith('CREATE TABLE')) continue;
    // WITHOUT ROWID tables (the rollups) have no rowid: their key columns, all of them, order them instead.
    const order = /WITHOUT ROWID\s*$/i.test(sql)
      ? (sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[]).map((c) => `"${c}"`).join(', ')
      : 'rowid';
    for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw().iterate()) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}

async function demoDb(seed: number, now = NOW, size: DemoSize = 'small'): Promise<{ connection: Connection; summary: DemoStoreSummary }> {
  const connection = await memoryDb();
  const summary = generateDemoStore(connection.sqlite, { size, seed, now });
  return { connection, summary };
}

const count = (sqlite: Sqlite, sql: string, ...params: unknown[]): number =>
  sqlite.prepare(sql).pluck().get(...params) as number;

let store: { connection: Connection; summary: DemoStoreSummary };
let db: Sqlite;
let indexesBefore: unknown[];

beforeAll(async () => {
  const fresh = await memoryDb();
  indexesBefore = fresh.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
  fresh.close();
  store = await demoDb(42);
  db = store.connection.sqlite;
});
afterAll(() => store.connection.close());

describe('determinism', () => {
  it('gives the same content for the same seed and now, and different content otherwise', async () => {
    const again = await demoDb(42);
    const otherSeed = await demoDb(43);
    const otherNow = await demoDb(42, new Date('2026-03-02T12:00:00.000Z'));
    expect(contentHash(again.connection.sqlite)).toBe(contentHash(db));
    expect(contentHash(otherSeed.connection.sqlite)).not.toBe(contentHash(db));
    expect(contentHash(otherNow.connection.sqlite)).not.toBe(contentHash(db));
    for (const other of [again, otherSeed, otherNow]) other.connection.close();
  });

  it('writes the same store with worker threads as in one thread', async () => {
    const { dir, cleanup } = tempDir('backroom-demo-test-');
    try {
      const hashes: string[] = [];
      for (const parallel of [false, true]) {
        const connection = openConnection(join(dir, `${parallel ? 'parallel' : 'single'}.sqlite`));
        await migrate(connection);
        const options = { size: { orders: 6_000 }, seed: 7, now: NOW };
        const summary = parallel
          ? await generateDemoStoreInParallel(connection.sqlite, { ...options, workers: 2, chunkOrders: 1_000 })
          : generateDemoStore(connection.sqlite, options);
        expect(summary.counts.orders).toBe(6_000);
        expect(connection.sqlite.pragma('foreign_key_check')).toEqual([]);
        hashes.push(contentHash(connection.sqlite));
        connection.close();
      }
      expect(hashes[1]).toBe(hashes[0]);
    } finally {
      cleanup();
    }
  });
});

describe('size and shape', () => {
  it('makes one demo store with the orders asked for, and reports what it wrote', () => {
    expect(db.prepare('SELECT platform, name, currency FROM stores').all()).toEqual([
      { platform: 'demo', name: DEMO_STORE_NAME, currency: 'USD' },
    ]);
    expect(count(db, 'SELECT count(*) FROM orders')).toBe(DEMO_SIZES.small);
    for (const [table, rows] of Object.entries(store.summary.counts)) {
      expect(count(db, `SELECT count(*) FROM ${table}`), table).toBe(rows);
      expect(rows, table).toBeGreaterThan(0);
    }
    const customers = count(db, 'SELECT count(*) FROM customers');
    expect(customers).toBeGreaterThan(DEMO_SIZES.small * 0.25);
    expect(customers).toBeLessThan(DEMO_SIZES.small * 0.7);
    expect(() => ordersForSize({ orders: 0 })).toThrow(/at least 1/);
  });

  it('spans the 18 months before now, and nothing happens after now', () => {
    const { first, last } = db.prepare('SELECT min(placed_at) AS first, max(placed_at) AS last FROM orders').get() as { first: string; last: string };
    expect(first >= '2024-09-01T12:00:00.000Z').toBe(true);
    expect(first < '2024-09-08T00:00:00.000Z').toBe(true);
    expect(last < NOW_ISO && last > '2026-02-27').toBe(true);
    const happened: [string, string][] = [
      ['orders', 'placed_at'], ['orders', 'cancelled_at'], ['orders', 'updated_at'], ['payments', 'processed_at'],
      ['refunds', 'refunded_at'], ['shipments', 'shipped_at'], ['shipments', 'delivered_at'],
      ['shipments', 'last_event_at'], ['tracking_events', 'occurred_at'], ['points_ledger', 'created_at'],
      ['tickets', 'created_at'], ['tickets', 'solved_at'], ['ticket_messages', 'created_at'],
      ['feedback', 'created_at'], ['returns', 'requested_at'], ['returns', 'updated_at'], ['customers', 'created_at'],
    ];
    for (const [table, column] of happened) {
      expect(count(db, `SELECT count(*) FROM ${table} WHERE ${column} > ?`, NOW_ISO), `${table}.${column}`).toBe(0);
    }
  });

  it('writes every time as UTC ISO-8601 and every amount as integer minor units', () => {
    const iso = '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z';
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) {
      for (const { name } of db.pragma(`table_info(${table})`) as { name: string }[]) {
        if (name.endsWith('_at')) {
          expect(count(db, `SELECT count(*) FROM ${table} WHERE ${name} IS NOT NULL AND ${name} NOT GLOB ?`, iso), `${table}.${name}`).toBe(0);
        }
        if (name.endsWith('_minor')) {
          expect(count(db, `SELECT count(*) FROM ${table} WHERE ${name} IS NOT NULL AND typeof(${name}) <> 'integer'`), `${table}.${name}`).toBe(0);
        }
      }
    }
  });

  it('leaves the database sound: foreign keys, CHECK constraints, and the same indexes', () => {
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all()).toEqual(indexesBefore);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('ignore_check_constraints', { simple: true })).toBe(0);
  });

  it('adds a second store to a database that has one, continuing every id', () => {
    const second = generateDemoStore(db, { size: { orders: 300 }, seed: 5, now: NOW });
    try {
      expect(second.storeId).toBe(store.summary.storeId + 1);
      expect(count(db, 'SELECT count(*) FROM orders WHERE store_id = ?', second.storeId)).toBe(300);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      // Keep the other tests about one store: remove the second. Tickets, returns,
      // feedback and CSAT requests point at each other, so foreign keys are off
      // during the delete and checked once it is done.
      db.exec('DROP TRIGGER points_ledger_no_delete');
      db.pragma('foreign_keys = OFF');
      const byParent: Record<string, string> = {
        return_lines: 'return_id IN (SELECT id FROM returns WHERE store_id = ?)',
        return_events: 'return_id IN (SELECT id FROM returns WHERE store_id = ?)',
        ticket_messages: 'ticket_id IN (SELECT id FROM tickets WHERE store_id = ?)',
        csat_requests: 'ticket_id IN (SELECT id FROM tickets WHERE store_id = ?)',
        tracking_events: 'shipment_id IN (SELECT id FROM shipments WHERE store_id = ?)',
        points_ledger: 'customer_id IN (SELECT id FROM customers WHERE store_id = ?)',
      };
      for (const table of ['return_lines', 'return_events', 'ticket_messages', 'csat_requests', 'tracking_events',
        'points_ledger', 'returns', 'feedback', 'tickets', 'shipments', 'refunds', 'payments', 'order_lines', 'orders',
        'customers', 'products']) {
        db.prepare(`DELETE FROM ${table} WHERE ${byParent[table] ?? 'store_id = ?'}`).run(second.storeId);
      }
      db.prepare('DELETE FROM stores WHERE id = ?').run(second.storeId);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.pragma('foreign_keys = ON');
    }
  });
});

describe('orders and money', () => {
  it('keeps every order total = subtotal - discount + shipping + tax, with lines adding up to the subtotal', () => {
    expect(count(db, 'SELECT count(*) FROM orders WHERE total_minor <> subtotal_minor - discount_minor + shipping_minor + tax_minor')).toBe(0);
    expect(count(db, `SELECT count(*) FROM orders o WHERE subtotal_minor <>
      (SELECT coalesce(sum(total_minor), -1) FROM order_lines l WHERE l.order_id = o.id)`)).toBe(0);
    expect(count(db, 'SELECT count(*) FROM order_lines WHERE total_minor <> quantity * unit_price_minor - discount_minor')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM orders WHERE discount_minor < 0 OR discount_minor > subtotal_minor OR total_minor <= 0')).toBe(0);
  });

  it('keeps refunded_minor = the sum of refunds, at most the total, with a matching financial status', () => {
    expect(count(db, `SELECT count(*) FROM orders o WHERE refunded_minor <>
      (SELECT coalesce(sum(amount_minor), 0) FROM refunds r WHERE r.order_id = o.id)`)).toBe(0);
    expect(count(db, 'SELECT count(*) FROM orders WHERE refunded_minor > total_minor OR refunded_minor < 0')).toBe(0);
    expect(count(db, `SELECT count(*) FROM orders WHERE
      (refunded_minor = total_minor AND financial_status <> 'refunded') OR
      (refunded_minor > 0 AND refunded_minor < total_minor AND financial_status <> 'partially_refunded') OR
      (refunded_minor = 0 AND financial_status IN ('refunded', 'partially_refunded'))`)).toBe(0);
    expect(count(db, "SELECT count(*) FROM orders WHERE financial_status = 'refunded'")).toBeGreaterThan(0);
    expect(count(db, "SELECT count(*) FROM orders WHERE financial_status = 'partially_refunded'")).toBeGreaterThan(0);
  });

  it('has a few cancelled orders, several channels and payment methods', () => {
    const cancelled = count(db, "SELECT count(*) FROM orders WHERE status = 'cancelled'");
    expect(cancelled).toBeGreaterThan(5);
    expect(cancelled).toBeLessThan(DEMO_SIZES.small * 0.05);
    expect(count(db, "SELECT count(*) FROM orders WHERE status = 'cancelled' AND cancelled_at IS NULL")).toBe(0);
    expect(count(db, 'SELECT count(DISTINCT channel) FROM orders')).toBe(4);
    expect(count(db, 'SELECT count(DISTINCT payment_method) FROM orders')).toBeGreaterThanOrEqual(6);
    expect(count(db, 'SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)')).toBe(0);
  });

  it('peaks in November and December', () => {
    const perDay = (where: string) => count(db,
      `SELECT count(*) * 1.0 / count(DISTINCT substr(placed_at, 1, 10)) FROM orders WHERE ${where}`);
    expect(perDay("substr(placed_at, 6, 2) IN ('11', '12')")).toBeGreaterThan(perDay("substr(placed_at, 6, 2) NOT IN ('11', '12')") * 1.15);
  });
});

describe('customers', () => {
  it('numbers each customer\'s orders 1, 2, 3... by placed_at, and leaves guests unnumbered', () => {
    expect(count(db, `SELECT count(*) FROM (
      SELECT customer_order_seq AS seq,
             row_number() OVER (PARTITION BY customer_id ORDER BY placed_at, id) AS expected
        FROM orders WHERE customer_id IS NOT NULL) WHERE seq IS NOT expected`)).toBe(0);
    expect(count(db, 'SELECT count(*) FROM orders WHERE customer_id IS NULL AND customer_order_seq IS NOT NULL')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM orders WHERE customer_id IS NULL')).toBeGreaterThan(0);
  });

  it('has many one-time buyers, some repeat buyers and a few loyal ones', () => {
    const byOrders = (having: string) => count(db,
      `SELECT count(*) FROM (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id HAVING ${having})`);
    const once = byOrders('count(*) = 1');
    const repeat = byOrders('count(*) >= 2');
    expect(repeat).toBeGreaterThan(50);
    expect(once).toBeGreaterThan(repeat);
    expect(byOrders('count(*) >= 8')).toBeGreaterThan(0);
  });

  it('mixes consent flags, countries, and customers without e-mail', () => {
    expect(count(db, 'SELECT count(DISTINCT marketing_consent) FROM customers')).toBe(2);
    expect(count(db, 'SELECT count(DISTINCT personalization_consent) FROM customers')).toBe(2);
    expect(count(db, 'SELECT count(*) FROM customers WHERE email IS NULL')).toBeGreaterThan(0);
    expect(count(db, 'SELECT count(DISTINCT country) FROM customers')).toBeGreaterThanOrEqual(5);
  });
});

describe('loyalty', () => {
  it('never takes a balance below zero, at any moment', () => {
    expect(count(db, 'SELECT count(*) FROM (SELECT customer_id FROM points_ledger GROUP BY customer_id HAVING sum(points) < 0)')).toBe(0);
    expect(count(db, `SELECT count(*) FROM (
      SELECT sum(points) OVER (PARTITION BY customer_id ORDER BY created_at, id) AS balance FROM points_ledger)
      WHERE balance < 0`)).toBe(0);
  });

  it('earns on paid orders, redeems some, reverses refunds, each event once', () => {
    const types = db.prepare('SELECT entry_type, count(*) AS n FROM points_ledger GROUP BY entry_type').all() as { entry_type: string; n: number }[];
    expect(types.map((t) => t.entry_type).sort()).toEqual(expect.arrayContaining(['bonus', 'earn', 'redeem', 'reverse']));
    expect(count(db, "SELECT count(*) FROM points_ledger WHERE entry_type = 'earn' AND idempotency_key <> 'order:' || order_id || ':earn'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM points_ledger l JOIN orders o ON o.id = l.order_id WHERE l.entry_type = 'earn' AND o.financial_status NOT IN ('paid', 'partially_refunded', 'refunded')")).toBe(0);
    expect(count(db, "SELECT count(*) FROM points_ledger l JOIN orders o ON o.id = l.order_id WHERE l.customer_id IS NOT o.customer_id")).toBe(0);
    expect(count(db, 'SELECT count(*) - count(DISTINCT idempotency_key) FROM points_ledger')).toBe(0);
    // A refund takes back no more than its order earned.
    expect(count(db, `SELECT count(*) FROM points_ledger r JOIN points_ledger e ON e.order_id = r.order_id AND e.entry_type = 'earn'
      WHERE r.entry_type = 'reverse' AND -r.points > e.points`)).toBe(0);
  });
});

describe('logistics', () => {
  it('uses the 9-status taxonomy with some late and some failed parcels', () => {
    const statuses = db.prepare('SELECT DISTINCT status FROM shipments').pluck().all();
    expect(statuses).toEqual(expect.arrayContaining(['Delivered', 'InTransit', 'Exception']));
    expect(count(db, 'SELECT count(*) FROM shipments WHERE estimated_delivery_at > original_estimated_delivery_at')).toBeGreaterThan(0);
    expect(count(db, "SELECT count(*) FROM shipments WHERE status IN ('Exception', 'AttemptFail', 'Expired')")).toBeGreaterThan(0);
    expect(count(db, "SELECT count(*) FROM shipments WHERE status = 'Delivered' AND delivered_at IS NULL")).toBe(0);
  });

  it('gives every shipped parcel its scans, in time order, ending in its current status', () => {
    expect(count(db, `SELECT count(*) FROM shipments s WHERE s.shipped_at IS NOT NULL AND
      (SELECT count(*) FROM tracking_events e WHERE e.shipment_id = s.id) NOT BETWEEN 1 AND 5`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM shipments s WHERE s.last_event_at IS NOT NULL AND s.status <>
      (SELECT e.status FROM tracking_events e WHERE e.shipment_id = s.id ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM (SELECT occurred_at, lag(occurred_at) OVER (PARTITION BY shipment_id ORDER BY id) AS previous
      FROM tracking_events) WHERE occurred_at < previous`)).toBe(0);
  });
});

describe('service, feedback and returns', () => {
  it('has open tickets, solved ones with CSAT, and a conversation on each', async () => {
    // A 2,000-order shop answers ~7 tickets a month, so a given month may leave none
    // open; any store a few times larger always has some still being worked on.
    const bigger = await demoDb(42, NOW, { orders: 8_000 });
    expect(count(bigger.connection.sqlite, "SELECT count(*) FROM tickets WHERE status IN ('new', 'open', 'waiting_customer', 'waiting_third_party')")).toBeGreaterThan(0);
    bigger.connection.close();
    expect(count(db, "SELECT count(*) FROM tickets WHERE csat_score IS NOT NULL")).toBeGreaterThan(0);
    expect(count(db, "SELECT count(*) FROM tickets WHERE csat_score IS NOT NULL AND status NOT IN ('solved', 'closed')")).toBe(0);
    expect(count(db, 'SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = t.id)')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id WHERE m.created_at < t.created_at')).toBe(0);
  });

  it('has reviews rated 1 to 5 and NPS answers 0 to 10', () => {
    expect(count(db, "SELECT count(*) FROM feedback WHERE source = 'review' AND rating BETWEEN 1 AND 5")).toBeGreaterThan(0);
    expect(count(db, "SELECT count(*) FROM feedback WHERE source = 'review' AND rating NOT BETWEEN 1 AND 5")).toBe(0);
    expect(count(db, "SELECT count(*) FROM feedback WHERE source = 'nps' AND rating NOT BETWEEN 0 AND 10")).toBe(0);
    expect(count(db, "SELECT count(*) FROM feedback WHERE source = 'nps'")).toBeGreaterThan(0);
  });

  it('files returns with RMA numbers for lines of the same order, never more than was bought', () => {
    expect(count(db, 'SELECT count(*) FROM returns')).toBeGreaterThan(0);
    expect(count(db, "SELECT count(*) FROM returns WHERE rma_number NOT GLOB 'RMA-[0-9]*'")).toBe(0);
    expect(count(db, `SELECT count(*) FROM return_lines rl JOIN returns r ON r.id = rl.return_id
      JOIN order_lines ol ON ol.id = rl.order_line_id WHERE ol.order_id <> r.order_id OR rl.quantity > ol.quantity`)).toBe(0);
    expect(count(db, 'SELECT count(*) FROM returns r WHERE NOT EXISTS (SELECT 1 FROM return_lines rl WHERE rl.return_id = r.id)')).toBe(0);
  });
});
