import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../src/main/db/connection';
import { tempDir } from '../helpers/db';
import { campaignLedger, count } from './campaigns-fixtures';
import { createVipCampaign, raceTwoCores } from './campaigns-race-fixtures';

/**
 * Two staff members launch the same campaign at the same moment from two
 * cores (two threads, two connections, one database file). The launch's
 * IMMEDIATE transaction makes the second wait and then find it launched:
 * exactly one launchedNow, the points and coupons posted once.
 */
const temp = tempDir();
afterAll(() => temp.cleanup());

describe('two staff launching at once', () => {
  it('posts the bonus and issues the coupons once, every round', async () => {
    const dbPath = join(temp.dir, 'race.sqlite');
    await raceTwoCores(dbPath, 600, { noConsentEvery: 4 }, async (a, b) => {
      for (let round = 0; round < 5; round++) {
        const id = await createVipCampaign(a, `Round ${round}`, 20, [{ kind: 'bonus', points: 25 },
          { kind: 'coupon', couponKind: 'percent', valueMinor: null, percent: 10, minOrderMinor: 0, validDays: null }]);
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
    });
  }, 60_000);
});
