import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { applyRecords } from '../../src/main/sync/apply';
import { memoryDb } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteOrder } from './sync-apply-fixtures';

// The loyalty area refusing the order whose external id is "refused" (tests/helpers/loyalty-refusal.ts).
vi.mock('../../src/main/domain/loyalty/orders', async (importOriginal) =>
  (await import('../helpers/loyalty-refusal')).refusingOrders(await importOriginal()));
vi.mock('../../src/main/domain/loyalty/earn-many', async (importOriginal) =>
  (await import('../helpers/loyalty-refusal')).refusingEarnMany(await importOriginal()));

let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  insertConnectedStore(connection.sqlite);
});
afterEach(() => connection.close());

describe('applyRecords: a record the domain refuses', () => {
  it('is undone alone and quarantined with the reason; the rest of the page applies', () => {
    const counts = applyRecords(connection.sqlite, 1,
      asOrders(remoteOrder('ok1'), remoteOrder('refused', { customerExternalId: 'c-new' }), remoteOrder('ok2')), [],
      { runId: null, now: NOW });
    expect(counts).toEqual({ created: 2, updated: 0, unchanged: 0, quarantined: 1 });
    const rows = connection.sqlite.prepare('SELECT external_id AS ext FROM orders ORDER BY id').all();
    expect(rows).toEqual([{ ext: 'ok1' }, { ext: 'ok2' }]);
    // The placeholder customer made for the refused order went back with it.
    expect(connection.sqlite.prepare("SELECT count(*) AS n FROM customers WHERE external_id = 'c-new'").get()).toEqual({ n: 0 });
    expect(connection.sqlite.prepare("SELECT count(*) AS n FROM order_lines WHERE external_id LIKE 'refused%'").get())
      .toEqual({ n: 0 });
    expect(connection.sqlite.prepare('SELECT external_id AS ext, reason FROM sync_quarantine').get()).toEqual({
      ext: 'refused',
      reason: 'The order could not be applied: This idempotency key was already used for a different posting.',
    });
    expect(connection.sqlite.prepare('SELECT count(*) AS n FROM points_ledger').get()).toEqual({ n: 2 });
  });
});
