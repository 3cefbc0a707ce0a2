import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../src/main/db/connection';
import { tempDir } from '../helpers/db';
import { count } from './campaigns-fixtures';
import { createVipCampaign, raceTwoCores } from './campaigns-race-fixtures';

/**
 * Two staff members run the same campaign's draw at the same moment from two
 * threads (two connections, one file): the draw's IMMEDIATE transaction makes
 * the second wait, then find the draw made. With the same run key it gets the
 * first draw back; with its own key it is told the draw has been run. Either
 * way the prizes are posted once.
 */
const temp = tempDir();
afterAll(() => temp.cleanup());

type Outcome = { ok: true; data: { ranNow: boolean; draw: { id: number } } } | { ok: false; error: { code: string; message: string } };

describe('two staff running a draw at once', () => {
  it('makes one draw and posts its prizes once, every round', async () => {
    const dbPath = join(temp.dir, 'draw-race.sqlite');
    await raceTwoCores(dbPath, 300, {}, async (a, b) => {
      for (let round = 0; round < 4; round++) {
        const id = await createVipCampaign(a, `Round ${round}`, 10,
          [{ kind: 'draw', winners: 10, weighting: 'none', prize: { kind: 'points', points: 250 } }]);
        const launched = await a.invoke('campaigns.launch', { id, staffId: 7, launchKey: `launch-${round}` });
        if (!launched.ok) throw new Error(launched.error.message);
        const sameKey = round % 2 === 0;
        const results = (await Promise.all([
          a.invoke('draws.run', { campaignId: id, staffId: 7, runKey: `draw-${round}-ana` }),
          b.invoke('draws.run', { campaignId: id, staffId: 8, runKey: sameKey ? `draw-${round}-ana` : `draw-${round}-ben` }),
        ])) as Outcome[];
        const made = results.filter((r): r is Extract<Outcome, { ok: true }> => r.ok && r.data.ranNow);
        expect(made, `round ${round}`).toHaveLength(1);
        const other = results.find((r) => r !== made[0])!;
        if (sameKey) expect(other).toMatchObject({ ok: true, data: { ranNow: false, draw: { id: made[0]!.data.draw.id } } });
        else expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
        const check = openConnection(dbPath);
        try {
          expect(count(check.sqlite, 'SELECT count(*) FROM draws WHERE campaign_id = ?', id)).toBe(1);
          expect(count(check.sqlite, "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE idempotency_key LIKE ?",
            `draw:${made[0]!.data.draw.id}:winner:%`)).toBe(10 * 250);
        } finally {
          check.close();
        }
      }
    });
  }, 60_000);
});
