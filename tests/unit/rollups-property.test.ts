import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { ROLLUP_TABLES, rebuildRollups, refreshRollups } from '../../src/main/domain/insights/rollups';
import { memoryDb } from '../helpers/db';
import { insertCustomerRow, insertStores, rng, tableRows } from './rollups-fixtures';
import { CHANGE_WEIGHTS, randomChanges } from './rollups-random-ops';

/**
 * THE acceptance property of issue 7's rollups: whatever sequence of changes
 * the raw tables go through, refreshing the marked buckets leaves every rollup
 * table exactly equal to recomputing everything from scratch on a copy.
 */
let connection: Connection | null = null;
afterEach(() => {
  connection?.sqlite.close();
  connection = null;
});

function expectEqualToRebuild(sqlite: Connection['sqlite']): void {
  const copy = new Database(sqlite.serialize());
  try {
    rebuildRollups(copy);
    for (const table of ROLLUP_TABLES) {
      expect(tableRows(sqlite, table), table).toEqual(tableRows(copy, table));
    }
  } finally {
    copy.close();
  }
}

describe('rollups kept up to date by marks', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`equal a full rebuild after random changes (seed ${seed})`, async () => {
      connection = await memoryDb();
      const { sqlite } = connection;
      insertStores(sqlite);
      for (let id = 1; id <= 12; id++) insertCustomerRow(sqlite, id, id <= 8 ? 1 : 2);
      refreshRollups(sqlite); // the migration's one-off rebuild mark
      const random = rng(seed);
      const changes = randomChanges(sqlite, random);
      const weighted = Object.entries(CHANGE_WEIGHTS).flatMap(([name, weight]) => Array<string>(weight).fill(name));
      let refreshes = 0;
      for (let step = 0; step < 400; step++) {
        const name = weighted[Math.floor(random() * weighted.length)] as string;
        changes[name]!();
        if (random() < 0.08) {
          refreshRollups(sqlite);
          refreshes++;
          if (refreshes % 5 === 0) expectEqualToRebuild(sqlite);
        }
      }
      changes['addOrder']!(); // at least one change since the last refresh
      const { marks } = refreshRollups(sqlite);
      expect(marks).toBeGreaterThan(0);
      expect(sqlite.prepare('SELECT count(*) FROM rollup_dirty').pluck().get()).toBe(0);
      // the comparison means something only if the shop has a bit of everything
      for (const table of ROLLUP_TABLES) expect(tableRows(sqlite, table).length, table).toBeGreaterThan(0);
      expectEqualToRebuild(sqlite);
    });
  }

  it('refreshes nothing and writes nothing when nothing changed', async () => {
    connection = await memoryDb();
    const { sqlite } = connection;
    refreshRollups(sqlite);
    const changesBefore = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    expect(refreshRollups(sqlite).marks).toBe(0);
    expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
  });
});
