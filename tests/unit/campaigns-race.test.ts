import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCoreWorker } from '../../src/main/core/workerHost';
import { openConnection } from '../../src/main/db/connection';
import { tempDir } from '../helpers/db';
import { campaignLedger, count, seedShop } from './campaigns-fixtures';

/**
 * Two staff members launch the same campaign at the same moment from two
 * cores (two threads, two connections, one database file). The launch's
 * IMMEDIATE transaction makes the second wait and then find it launched:
 * exactly one launchedNow, the points and coupons posted once.
 */
const workerPath = join(__dirname, '../../src/main/core/worker.ts');
const execArgv = ['--require', require.resolve('tsx/cjs')];
const temp = tempDir();
afterAll(() => temp.cleanup());

describe('two staff launching at once', () => {
  it('posts the bonus and issues the coupons once, every round', async () => {
    const dbPath = join(temp.dir, 'race.sqlite');
    const a = await startCoreWorker({ workerPath, execArgv, dbPath });
    const b = await startCoreWorker({ workerPath, execArgv, dbPath });
    const setup = openConnection(dbPath);
    seedShop(setup.sqlite, 600, { noConsentEvery: 4 });
    setup.close();
    try {
      for (let round = 0; round < 5; round++) {
        const created = await a.invoke('campaigns.create', {
          name: `Round ${round}`, goal: 'reward', startsAt: '2026-01-01T00:00:00Z', endsAt: '2099-01-01T00:00:00Z',
          audience: { kind: 'tag', tags: ['vip'] }, holdoutPercent: 20, staffId: 7,
          mechanics: [{ kind: 'bonus', points: 25 }, { kind: 'coupon', couponKind: 'percent', valueMinor: null, percent: 10, minOrderMinor: 0, validDays: null }],
        });
        if (!created.ok) throw new Error(created.error.message);
        const id = (created.data as { id: number }).id;
        const results = await Promise.all([
          a.invoke('campaigns.launch', { id, staffId: 7, launchKey: `round-${round}-ana` }),
          b.invoke('campaigns.launch', { id, staffId: 8, launchKey: `round-${round}-ben` }),
        ]);
        const outcomes = results.map((r) => {
          if (!r.ok) throw new Error(r.error.message);
          return r.data as { launchedNow: boolean; treatment: number; holdout: number };
        });
        expect(outcomes.map((o) => o.launchedNow).sort(), `round ${round}`).toEqual([false, true]);
        const [first, second] = outcomes as [typeof outcomes[number], typeof outcomes[number]];
        expect(first.treatment).toBe(second.treatment);
        const check = openConnection(dbPath);
        try {
          expect(first.treatment + first.holdout).toBe(450);
          expect(campaignLedger(check.sqlite, id)).toEqual({ rows: first.treatment, points: first.treatment * 25 });
          expect(count(check.sqlite, 'SELECT count(*) FROM campaign_coupons WHERE campaign_id = ?', id)).toBe(first.treatment);
          expect(count(check.sqlite, 'SELECT count(*) FROM campaign_members WHERE campaign_id = ?', id)).toBe(450);
        } finally {
          check.close();
        }
      }
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});
