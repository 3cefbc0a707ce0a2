import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCoreWorker } from '../../src/main/core/workerHost';
import { openConnection } from '../../src/main/db/connection';
import { tempDir } from '../helpers/db';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/**
 * Two cores (two threads, two connections) on one database redeem the same
 * points at the same moment, each redeeming a reward that costs 60 of the 100
 * the customer holds. The redemption's IMMEDIATE transaction makes the second
 * wait for the first and then see it: one succeeds with a coupon, the other
 * gets a VALIDATION sentence naming both numbers (not a busy error, not a
 * negative balance, not a second coupon).
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
    setup.sqlite.prepare("INSERT INTO staff (id, name, created_at) VALUES (7, 'Ana', '2026-01-01T00:00:00.000Z')").run();
    setup.close();
    try {
      const saved = await a.invoke('loyalty.rewards.save', { name: '5 off', kind: 'fixed_amount', pointsCost: 60,
        valueMinor: 500 });
      if (!saved.ok) throw new Error(saved.error.message);
      const rewardId = (saved.data as { id: number }).id;
      for (let round = 0; round < 20; round++) {
        // Top up to exactly 100 spendable: room for one redemption of 60, not two.
        await a.invoke('loyalty.adjust', { customerId: 1, points: round === 0 ? 100 : 60, reason: 'Top-up',
          staffId: 7, idempotencyKey: `top-up:${round}` });
        const results = await Promise.all([a, b].map((core, i) =>
          core.invoke('loyalty.redeem', { customerId: 1, rewardId, idempotencyKey: `round:${round}:${i}` })));
        const codes = results.map((r) => (r.ok ? 'ok' : r.error.code)).sort();
        expect(codes, `round ${round}`).toEqual(['VALIDATION', 'ok']);
        const refused = results.find((r) => !r.ok);
        expect(refused && !refused.ok && refused.error.message).toBe(
          'The customer has 40 spendable points; "5 off" costs 60.');
      }
      expect(await a.invoke('loyalty.balance', { customerId: 1 })).toMatchObject({
        ok: true, data: { approved: 40, debt: 0 },
      });
      const coupons = await b.invoke('loyalty.coupons', { customerId: 1 });
      expect(coupons.ok && (coupons.data as { coupons: unknown[] }).coupons).toHaveLength(20);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
