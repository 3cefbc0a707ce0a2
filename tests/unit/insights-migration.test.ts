import { afterEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

let connection: Connection | undefined;
afterEach(() => connection?.close());

/** The retention-history migration (found by name: the lead may renumber it). */
describe('migration retention_history', () => {
  it('takes the segments already computed as the first snapshot and marks orders’ customers from then on', async () => {
    const index = migrations.findIndex((m) => m.name.endsWith('_retention_history'));
    expect(index).toBeGreaterThan(0);
    connection = openConnection(':memory:');
    await migrate(connection, migrations.slice(0, index));
    const sqlite = connection.sqlite;
    insertStore(sqlite);
    for (const id of [1, 2, 3]) insertCustomer(sqlite, id);
    const at = '2026-03-01T00:00:00.000Z';
    const rfm = sqlite.prepare('INSERT INTO customer_rfm (customer_id, store_id, segment, computed_at) VALUES (?, 1, ?, ?)');
    rfm.run(1, 'champions', at);
    rfm.run(2, 'lost', at);
    rfm.run(3, null, at);
    sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('customers.rfmComputedAt', ?, ?)`).run(JSON.stringify(at), at);

    await migrate(connection);
    expect(sqlite.prepare('SELECT customer_id, since, segment FROM rfm_segment_history ORDER BY customer_id').all()).toEqual([
      { customer_id: 1, since: at, segment: 'champions' }, { customer_id: 2, since: at, segment: 'lost' },
    ]);
    expect(sqlite.prepare('SELECT computed_at FROM rfm_computations').pluck().all()).toEqual([at]);
    expect(sqlite.prepare('SELECT built_at FROM rollup_gaps_state').pluck().get()).toBeNull();

    // Orders mark their customers (a guest's marks nothing); an update marks the old and the new one.
    insertOrder(sqlite, { id: 1, customerId: 1, seq: 1, placedAt: at, totalMinor: 100 });
    insertOrder(sqlite, { id: 2, customerId: null, seq: null, placedAt: at, totalMinor: 100 });
    sqlite.prepare('UPDATE orders SET customer_id = 2 WHERE id = 1').run();
    sqlite.prepare('UPDATE orders SET total_minor = 5 WHERE id = 2').run();
    expect(sqlite.prepare('SELECT customer_id FROM rollup_gap_marks ORDER BY 1').pluck().all()).toEqual([1, 2]);
    // Re-writing the same segment appends nothing; a changed one is appended with its time.
    sqlite.prepare(`UPDATE customer_rfm SET segment = 'champions', computed_at = '2026-04-01T00:00:00.000Z' WHERE customer_id = 1`).run();
    sqlite.prepare(`UPDATE customer_rfm SET segment = 'atRisk', computed_at = '2026-04-01T00:00:00.000Z' WHERE customer_id = 2`).run();
    expect(sqlite.prepare('SELECT count(*) FROM rfm_segment_history').pluck().get()).toBe(3);
  });
});
