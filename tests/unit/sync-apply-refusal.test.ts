import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { Connection } from '../../src/main/db/connection';
import { applyRecords } from '../../src/main/sync/apply';
import { memoryDb } from '../helpers/db';
import { asOrders, insertConnectedStore, NOW, remoteOrder } from './sync-apply-fixtures';

// The loyalty area refusing one order (its own rules, e.g. a key reused for another posting): stand-in for a rule
// no well-formed record breaks today, so the refusal path is exercised at all.
vi.mock('../../src/main/domain/loyalty/orders', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/main/domain/loyalty/orders')>();
  return {
    ...original,
    earnForOrder: (...args: Parameters<typeof original.earnForOrder>) => {
      const [ctx, orderId] = args;
      const { ext } = ctx.sqlite.prepare('SELECT external_id AS ext FROM orders WHERE id = ?').get(orderId) as { ext: string };
      if (ext === 'refused') throw new AppError('CONFLICT', 'This idempotency key was already used for a different posting.');
      return original.earnForOrder(...args);
    },
  };
});

// The same refusal from the page's batched earnings (earnForOrders): the page is applied again record by record.
vi.mock('../../src/main/domain/loyalty/earn-many', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/main/domain/loyalty/earn-many')>();
  return {
    ...original,
    earnForOrders: (...args: Parameters<typeof original.earnForOrders>) => {
      const [ctx, orderIds] = args;
      const refused = ctx.sqlite.prepare("SELECT 1 FROM orders WHERE external_id = 'refused' AND id IN (SELECT value FROM json_each(?))")
        .get(JSON.stringify(orderIds));
      if (refused) throw new AppError('CONFLICT', 'This idempotency key was already used for a different posting.');
      return original.earnForOrders(...args);
    },
  };
});

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
