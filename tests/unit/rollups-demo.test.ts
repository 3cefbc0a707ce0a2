import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { generateDemoStore } from '../../src/main/demo';
import { ROLLUP_TABLES, rebuildRollups, refreshRollups, rollupsRefreshedAt } from '../../src/main/domain/insights/rollups';
import { memoryDb } from '../helpers/db';
import { tableRows } from './rollups-fixtures';

/** A fresh demo store opens on up-to-date rollups, and its writes mark them again afterwards. */
let connection: Connection | null = null;
afterEach(() => {
  connection?.sqlite.close();
  connection = null;
});

const triggers = (sqlite: Connection['sqlite']) =>
  sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_mark_%' ORDER BY name`).pluck().all();
// other areas' indexes on the rollup tables: dropped for the rebuild, and back after it
const rollupIndexes = (sqlite: Connection['sqlite']) =>
  sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'rollup_%' AND sql IS NOT NULL
    ORDER BY name`).pluck().all();

describe('rollups of a demo store', () => {
  it('are rebuilt once at the end of the load, with the mark triggers back in place', async () => {
    connection = await memoryDb();
    const { sqlite } = connection;
    const before = triggers(sqlite);
    expect(before.length).toBeGreaterThan(10);
    const indexesBefore = rollupIndexes(sqlite);
    const now = new Date('2026-06-01T00:00:00.000Z');
    generateDemoStore(sqlite, { size: { orders: 400 }, seed: 3, now });
    expect(triggers(sqlite)).toEqual(before);
    expect(rollupIndexes(sqlite)).toEqual(indexesBefore);
    expect(sqlite.prepare('SELECT count(*) FROM rollup_dirty').pluck().get()).toBe(0);
    expect(rollupsRefreshedAt(sqlite)).toBe(now.toISOString());
    expect(sqlite.prepare('SELECT sum(orders) FROM rollup_orders_daily').pluck().get()).toBe(400);
    const copy = new Database(sqlite.serialize());
    rebuildRollups(copy);
    for (const table of ROLLUP_TABLES) expect(tableRows(sqlite, table), table).toEqual(tableRows(copy, table));
    copy.close();

    sqlite.prepare(`UPDATE orders SET status = 'cancelled' WHERE id = (SELECT min(id) FROM orders WHERE status <> 'cancelled')`).run();
    expect(refreshRollups(sqlite).marks).toBeGreaterThan(0);
  });
});
