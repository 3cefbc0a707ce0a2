import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection, type Sqlite } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { ROLLUP_TABLES, rebuildRollups, refreshRollups } from '../../src/main/domain/insights/rollups';
import { applyRecords } from '../../src/main/sync/apply';
import { beginBulkApply, deferredIndexes, finishBulkApply } from '../../src/main/sync/apply/deferred-indexes';
import type { RemoteOrder } from '../../src/main/sync/model';
import { tempDir } from '../helpers/db';
import { tableRows } from './rollups-fixtures';
import { asOrders, insertConnectedStore, NOW, remoteOrder } from './sync-apply-fixtures';

/**
 * A first backfill pauses the rollups' change marks (paused-marks.ts): the
 * rollup_mark_* triggers on the tables it writes are dropped with the deferred
 * indexes, recorded with their DDL, and recreated when it ends (or on the next
 * open after a crash), with the rollups rebuilt to what the marks missed.
 */
const temp = tempDir('backroom-bulk-marks-');
let connection: Connection;
let dbPath: string;
let dbNumber = 0;

beforeEach(async () => {
  dbPath = join(temp.dir, `marks-${++dbNumber}.db`);
  connection = openConnection(dbPath);
  await migrate(connection);
  insertConnectedStore(connection.sqlite);
  insertConnectedStore(connection.sqlite, 2);
});
afterEach(() => connection.close());

const triggers = (sqlite: Sqlite) =>
  sqlite.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as
    { name: string; tbl_name: string; sql: string }[];
const dirty = (sqlite: Sqlite) => (sqlite.prepare('SELECT count(*) AS n FROM rollup_dirty').get() as { n: number }).n;
const apply = (sqlite: Sqlite, storeId: number, orders: RemoteOrder[]) =>
  applyRecords(sqlite, storeId, asOrders(...orders), [], { runId: null, now: NOW });

/** Orders over several days and customers, with a refund on every fifth and a shipment on every other one. */
function backfill(count: number, prefix = 'o'): RemoteOrder[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String(1 + (i % 20)).padStart(2, '0');
    const at = `2026-02-${day}T1${i % 10}:00:00Z`;
    return remoteOrder(`${prefix}${i}`, {
      customerExternalId: `c${i % 7}`, placedAt: at, updatedAt: '2026-02-28T10:00:00Z', orderNumber: `#${prefix}${i}`,
      channel: i % 3 === 0 ? 'pos' : 'online',
      refunds: i % 5 === 0 ? [{ externalId: `${prefix}${i}-r1`, amountMinor: 1000, currency: 'USD', reason: 'damaged',
        note: null, refundedAt: `2026-02-${day}T20:00:00Z` }] : [],
      shipments: i % 2 === 0 ? [{ externalId: `${prefix}${i}-s1`, carrier: 'UPS', service: null, trackingNumber: `1Z${i}`,
        trackingUrl: null, status: 'Delivered', shippedAt: `2026-02-${day}T21:00:00Z`, estimatedDeliveryAt: null,
        deliveredAt: '2026-02-27T10:00:00Z', updatedAt: '2026-02-27T10:00:00Z' }] : [],
    });
  });
}

/** The rollups as stored, and as a rebuild from the raw tables gives them (on a copy of the file). */
function rollupsAndRebuilt(sqlite: Sqlite): { stored: unknown[][][]; rebuilt: unknown[][][] } {
  const stored = ROLLUP_TABLES.map((table) => tableRows(sqlite, table));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const copyPath = `${dbPath}.copy`;
  copyFileSync(dbPath, copyPath);
  const copy = openConnection(copyPath);
  try {
    rebuildRollups(copy.sqlite, NOW);
    return { stored, rebuilt: ROLLUP_TABLES.map((table) => tableRows(copy.sqlite, table)) };
  } finally {
    copy.close();
  }
}

describe('the rollup marks during a first backfill', () => {
  it('are paused, recreated from their exact DDL, and the rollups equal a rebuild afterwards', () => {
    const { sqlite } = connection;
    // Another store's orders, already rolled up: the rebuild at the end must keep them.
    apply(sqlite, 2, backfill(12, 'other'));
    refreshRollups(sqlite, NOW);
    const before = triggers(sqlite);

    expect(beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 })).toBe(true);
    const paused = before.filter((t) => !triggers(sqlite).some((now) => now.name === t.name));
    expect(paused.map((t) => t.tbl_name).sort()).toEqual(expect.arrayContaining(['orders', 'payments', 'refunds', 'shipments']));
    expect(paused.every((t) => t.name.startsWith('rollup_mark_'))).toBe(true);
    // Marks on tables the apply does not write keep marking.
    expect(triggers(sqlite).map((t) => t.name)).toEqual(expect.arrayContaining(['rollup_mark_tickets_insert']));
    // Triggers are not indexes: the list of deferred indexes stays about indexes.
    expect(deferredIndexes(sqlite).some((d) => d.name.startsWith('rollup_mark_'))).toBe(false);

    apply(sqlite, 1, backfill(60).slice(0, 30));
    apply(sqlite, 1, backfill(60).slice(30));
    expect(sqlite.prepare("SELECT count(*) AS n FROM orders WHERE store_id = 1").get()).toEqual({ n: 60 });
    expect(dirty(sqlite)).toBe(0);
    finishBulkApply(sqlite, NOW);

    expect(triggers(sqlite)).toEqual(before);
    expect(dirty(sqlite)).toBe(0);
    const { stored, rebuilt } = rollupsAndRebuilt(sqlite);
    expect(stored).toEqual(rebuilt);
    expect(stored[0]!.length).toBeGreaterThan(0);
    // And they mark again: the next incremental page leaves its buckets to refresh.
    const changed = apply(sqlite, 1, [{ ...backfill(2)[1]!, updatedAt: '2026-02-28T11:00:00Z', channel: 'pos' }]);
    expect(changed.updated).toBe(1);
    expect(dirty(sqlite)).toBeGreaterThan(0);
  });

  it('come back, with the rollups caught up, on the next open after a crash mid-backfill', () => {
    refreshRollups(connection.sqlite, NOW);
    const before = triggers(connection.sqlite);
    beginBulkApply(connection.sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 });
    apply(connection.sqlite, 1, backfill(40));
    // The process dies: no finishBulkApply.
    connection.close();

    connection = openConnection(dbPath);
    const { sqlite } = connection;
    expect(triggers(sqlite)).toEqual(before);
    expect(sqlite.prepare('SELECT count(*) AS n FROM sync_deferred_indexes').get()).toEqual({ n: 0 });
    const { stored, rebuilt } = rollupsAndRebuilt(sqlite);
    expect(stored).toEqual(rebuilt);
    expect(stored[0]!.length).toBeGreaterThan(0);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leave a rebuild already asked for (rollups never built yet) to the next refresh, which brings everything in', () => {
    const { sqlite } = connection;
    const pending = () => sqlite.prepare("SELECT kind FROM rollup_dirty WHERE kind = 'rebuild'").all();
    expect(pending()).toEqual([{ kind: 'rebuild' }]);
    beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 });
    apply(sqlite, 1, backfill(30));
    finishBulkApply(sqlite, NOW);
    expect(pending()).toEqual([{ kind: 'rebuild' }]);
    refreshRollups(sqlite, NOW);
    const { stored, rebuilt } = rollupsAndRebuilt(sqlite);
    expect(stored).toEqual(rebuilt);
    expect(stored[0]!.length).toBeGreaterThan(0);
  });

  it('keep company with rarer WAL checkpoints, and the connection\'s own setting comes back at the end', () => {
    const { sqlite } = connection;
    const usual = sqlite.pragma('wal_autocheckpoint', { simple: true });
    beginBulkApply(sqlite, 1, 'orders', { now: NOW, expectedRecords: 5000 });
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(usual as number);
    apply(sqlite, 1, backfill(10));
    finishBulkApply(sqlite, NOW);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(usual);
  });

  it('are left alone by a backfill of customers', () => {
    const { sqlite } = connection;
    const before = triggers(sqlite);
    beginBulkApply(sqlite, 1, 'customers', { now: NOW, expectedRecords: 5000 });
    expect(triggers(sqlite)).toEqual(before);
    finishBulkApply(sqlite, NOW);
    expect(triggers(sqlite)).toEqual(before);
  });
});
