import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCoreWorker } from '../../src/main/core/workerHost';
import { openConnection } from '../../src/main/db/connection';
import { tempDir } from '../helpers/db';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/**
 * Two cores (two threads, two connections) on one database redeem the same
 * points at the same moment. The posting's IMMEDIATE transaction makes the
 * second wait for the first and then see it: one succeeds, the other gets a
 * CONFLICT sentence (not a busy error, not a negative balance).
 */
const workerPath = join(__dirname, '../../src/main/core/worker.ts');
const execArgv = ['--require', require.resolve('tsx/cjs')];
const temp = tempDir();
afterAll(() => temp.cleanup());

describe('racing redemptions', () => {
  it('let exactly one of two redemptions of the same points succeed, every time', async () => {
    const dbPath = join(temp.dir, 'race.sqlite');
    const a = await startCoreWorker({ workerPath, execArgv, dbPath });
    const b = await startCoreWorker({ workerPath, execArgv, dbPath });
    const setup = openConnection(dbPath);
    insertStore(setup.sqlite);
    insertCustomer(setup.sqlite, 1);
    setup.close();
    try {
      for (let round = 0; round < 20; round++) {
        // Top up to exactly 100 spendable: room for one redemption of 60, not two.
        await a.invoke('loyalty.adjust', { customerId: 1, points: round === 0 ? 100 : 60, reason: 'Top-up' });
        const results = await Promise.all([a, b].map((core, i) =>
          core.invoke('loyalty.redeem', { customerId: 1, points: 60, idempotencyKey: `round:${round}:${i}` })));
        const codes = results.map((r) => (r.ok ? 'ok' : r.error.code)).sort();
        expect(codes, `round ${round}`).toEqual(['CONFLICT', 'ok']);
      }
      expect(await a.invoke('loyalty.balance', { customerId: 1 })).toMatchObject({
        ok: true, data: { approved: 40, debt: 0 },
      });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
