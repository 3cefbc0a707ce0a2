import { afterEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { refreshRollups, rollupsRefreshedAt } from '../../src/main/domain/insights/rollups';
import { insertCustomerRow, insertOrderRow, insertShipmentRow, insertStores } from './rollups-fixtures';

/**
 * The rollup marks migration on a database that already holds orders: what
 * predates the triggers has no marks, so the migration asks for one full
 * rebuild, which the first refresh does. Found by name, never by number (the
 * lead may renumber migrations).
 */
let connection: Connection | null = null;
afterEach(() => {
  connection?.sqlite.close();
  connection = null;
});

const MARKS = migrations.findIndex((m) => m.name.endsWith('_rollup_marks'));

describe('the rollup marks migration', () => {
  it('marks a database with history for one full rebuild, then marks each change', async () => {
    expect(MARKS).toBeGreaterThan(0);
    connection = openConnection(':memory:');
    await migrate(connection, migrations.slice(0, MARKS));
    const { sqlite } = connection;
    insertStores(sqlite);
    insertCustomerRow(sqlite, 1, 1);
    insertOrderRow(sqlite, { id: 1, customerId: 1, placedAt: '2026-01-10T10:00:00.000Z', totalMinor: 1200 });
    insertShipmentRow(sqlite, { id: 1, orderId: 1, status: 'Delivered', shippedAt: '2026-01-11T10:00:00.000Z',
      deliveredAt: '2026-01-13T10:00:00.000Z' });
    await migrate(connection);

    expect(sqlite.prepare('SELECT kind, key FROM rollup_dirty').all()).toEqual([{ kind: 'rebuild', key: 'all' }]);
    expect(rollupsRefreshedAt(sqlite)).toBeNull();
    const now = new Date('2026-02-01T00:00:00.000Z');
    expect(refreshRollups(sqlite, now).marks).toBe(1);
    expect(rollupsRefreshedAt(sqlite)).toBe(now.toISOString());
    expect(sqlite.prepare('SELECT day, orders, gross_minor FROM rollup_orders_daily').all())
      .toEqual([{ day: '2026-01-10', orders: 1, gross_minor: 1200 }]);
    expect(sqlite.prepare('SELECT cohort FROM rollup_customer_first WHERE customer_id = 1').pluck().get()).toBe('2026-01');

    insertOrderRow(sqlite, { id: 2, customerId: 1, placedAt: '2026-01-20T10:00:00.000Z', totalMinor: 800 });
    expect(sqlite.prepare('SELECT kind, key FROM rollup_dirty ORDER BY kind').all())
      .toEqual([{ kind: 'customer', key: '1|2026-01' }, { kind: 'orders', key: '1|2026-01-20' }]);
    // a change the rollups do not read marks nothing
    sqlite.prepare(`UPDATE shipments SET tracking_checked_at = '2026-01-21T00:00:00.000Z', last_event_at = '2026-01-21T00:00:00.000Z'`).run();
    sqlite.prepare(`UPDATE orders SET local_note = 'gift wrap' WHERE id = 1`).run();
    expect(sqlite.prepare('SELECT count(*) FROM rollup_dirty').pluck().get()).toBe(2);
  });
});

describe('a refresh after a bulk write', () => {
  it('rebuilds everything instead when the marks outnumber half the orders', async () => {
    connection = openConnection(':memory:');
    await migrate(connection);
    const { sqlite } = connection;
    refreshRollups(sqlite, new Date('2026-01-01T00:00:00.000Z'));
    insertStores(sqlite);
    for (let id = 1; id <= 20; id++) {
      insertOrderRow(sqlite, { id, placedAt: `2026-01-${String(id).padStart(2, '0')}T10:00:00.000Z`, totalMinor: 100 * id });
    }
    const rebuiltBefore = sqlite.prepare('SELECT full_rebuild_at FROM rollup_state').pluck().get();
    // a few marks are refreshed one by one
    refreshRollups(sqlite, new Date('2026-02-01T00:00:00.000Z'));
    expect(sqlite.prepare('SELECT full_rebuild_at FROM rollup_state').pluck().get()).toBe(rebuiltBefore);
    // more than 10,000 marks over 20 orders (as a bulk write leaves them): one rebuild
    const mark = sqlite.prepare(`INSERT INTO rollup_dirty (kind, key) VALUES ('payments', ?)`);
    for (let day = 1; day <= 10001; day++) mark.run(`1|${new Date(Date.UTC(1990, 0, day)).toISOString().slice(0, 10)}`);
    const now = new Date('2026-03-01T00:00:00.000Z');
    expect(refreshRollups(sqlite, now).marks).toBe(10001);
    expect(sqlite.prepare('SELECT full_rebuild_at FROM rollup_state').pluck().get()).toBe(now.toISOString());
    expect(sqlite.prepare('SELECT count(*) FROM rollup_dirty').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT sum(gross_minor) FROM rollup_orders_daily').pluck().get()).toBe(21000);
  });
});
