import { describe, expect, it } from 'vitest';
import { openConnection } from '../../src/main/db/connection';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * Migration 0008 rebuilds `staff` and `returns` (new CHECK constraints) with
 * foreign keys off: rows that point at them must survive, the old statuses and
 * roles map to the new ones, and foreign keys are back on afterwards.
 */
const T = '2026-01-01T00:00:00.000Z';

async function v7WithServiceData() {
  const connection = openConnection(':memory:');
  await migrate(connection, migrations.filter((m) => m.version <= 7));
  const { sqlite } = connection;
  insertStore(sqlite);
  insertCustomer(sqlite, 1);
  insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, totalMinor: 5000, placedAt: T });
  sqlite.prepare(`INSERT INTO order_lines (id, order_id, store_id, external_id, title, quantity,
    unit_price_minor, total_minor) VALUES (1, 1, 1, 'l1', 'Mug', 2, 2500, 5000)`).run();
  sqlite.prepare(`INSERT INTO staff (id, name, email, role, created_at) VALUES (1, 'Jo', 'jo@x.example', 'admin', ?),
    (2, 'Al', 'al@x.example', 'agent', ?)`).run(T, T);
  sqlite.prepare(`INSERT INTO tickets (id, channel, subject, status, assignee_id, created_at, updated_at)
    VALUES (1, 'email', 'Hi', 'open', 1, ?, ?)`).run(T, T);
  const ret = sqlite.prepare(`INSERT INTO returns (id, rma_number, order_id, customer_id, status, reason, resolution,
    refund_minor, currency, requested_at, updated_at) VALUES (?, ?, 1, 1, ?, 'Too small', ?, ?, 'USD', ?, ?)`);
  ret.run(1, 'RMA-1', 'rejected', null, null, T, T);
  ret.run(2, 'RMA-2', 'refunded', 'refund', 2500, T, T);
  ret.run(3, 'RMA-3', 'in_transit', null, null, T, T);
  sqlite.prepare(`INSERT INTO return_lines (return_id, order_line_id, quantity) VALUES (2, 1, 1), (3, 1, 1)`).run();
  return connection;
}

describe('migration 0008', () => {
  it('maps old return statuses and staff roles, keeping every reference', async () => {
    const connection = await v7WithServiceData();
    await migrate(connection);
    const { sqlite } = connection;
    expect(schemaVersion(connection)).toBe(LATEST_SCHEMA_VERSION);
    expect(sqlite.prepare('SELECT id, role FROM staff ORDER BY id').all()).toEqual([
      { id: 1, role: 'manager' }, { id: 2, role: 'agent' },
    ]);
    expect(sqlite.prepare('SELECT id, status, resolved_at FROM returns ORDER BY id').all()).toEqual([
      { id: 1, status: 'declined', resolved_at: null },
      { id: 2, status: 'resolved', resolved_at: T },
      { id: 3, status: 'in_transit', resolved_at: null },
    ]);
    expect(sqlite.prepare('SELECT return_id FROM return_lines ORDER BY return_id').pluck().all()).toEqual([2, 3]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    connection.close();
  });

  it('leaves foreign keys enforced on the rebuilt tables', async () => {
    const connection = await v7WithServiceData();
    await migrate(connection);
    const { sqlite } = connection;
    expect(() => sqlite.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity) VALUES (99, 1, 1)').run())
      .toThrow(/FOREIGN KEY/);
    expect(() => sqlite.prepare('DELETE FROM staff WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    expect(() => sqlite.prepare(`UPDATE returns SET status = 'refunded' WHERE id = 3`).run()).toThrow(/CHECK/);
    connection.close();
  });

  it('refuses to commit an upgrade that would leave a broken reference, changing nothing', async () => {
    const connection = await v7WithServiceData();
    const breaking = [...migrations, {
      version: LATEST_SCHEMA_VERSION + 1, name: 'breaks', rebuildsTables: true,
      up: async () => { connection.sqlite.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity) VALUES (99, 1, 1)').run(); },
    }];
    await expect(migrate(connection, breaking)).rejects.toThrow(/broken reference/);
    expect(schemaVersion(connection)).toBe(7);
    expect(connection.sqlite.prepare("SELECT role FROM staff WHERE id = 1").pluck().get()).toBe('admin');
    expect(connection.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    connection.close();
  });
});
