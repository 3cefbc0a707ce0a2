import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { campaignHandlers } from '../../src/main/domain/campaigns/handlers';
import { drawHandlers } from '../../src/main/domain/campaigns/draws/handlers';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { count, createDraft, insertPaidOrder, seedShop } from './campaigns-fixtures';

/**
 * The report and the draw over a campaign launched the real way
 * (campaigns.create + campaigns.launch): whatever the launch posts under the
 * campaign's keys is the report's cost, the draw's prizes are added to it,
 * and the holdout neither gets points nor enters the draw.
 */
const LAUNCH = new Date('2026-04-02T00:00:00.000Z');
const LATER = new Date('2026-04-20T00:00:00.000Z');
let connection: Connection;

beforeEach(async () => {
  connection = await memoryDb();
  seedShop(connection.sqlite, 400);
});
afterEach(() => connection.close());

describe('a launched campaign, reported and drawn', () => {
  it('counts what the launch and the draw posted as the cost, and reads the arms the launch froze', async () => {
    const draft = createDraft(connection.sqlite, {
      holdoutPercent: 20,
      mechanics: [{ kind: 'bonus', points: 50 }, { kind: 'draw', winners: 5, weighting: 'none', prize: { kind: 'points', points: 1000 } }],
    }, LAUNCH);
    const launch = await campaignHandlers['campaigns.launch']({ id: draft.id, staffId: 7, launchKey: 'launch-key-1' },
      handlerContext(connection, LAUNCH));
    const { treatment, holdout } = launch;
    expect(treatment + holdout).toBe(400);
    expect(holdout).toBeGreaterThan(40);

    const drawn = drawHandlers['draws.run']({ campaignId: draft.id, staffId: 8, runKey: 'draw-key-1', seed: 'spring' },
      handlerContext(connection, LATER));
    expect(drawn.draw.entrantsCount).toBe(treatment);
    const arms = new Map((connection.sqlite.prepare('SELECT customer_id, arm FROM campaign_members WHERE campaign_id = ?')
      .all(draft.id) as { customer_id: number; arm: string }[]).map((m) => [m.customer_id, m.arm]));
    expect(drawn.draw.winners.every((w) => arms.get(w.customerId) === 'treatment')).toBe(true);

    // One holdout and two treatment members buy after the launch.
    const inArm = (arm: string) => [...arms].filter(([, a]) => a === arm).map(([id]) => id);
    insertPaidOrder(connection.sqlite, 1, inArm('treatment')[0]!, '2026-04-05T10:00:00.000Z', 12_000);
    insertPaidOrder(connection.sqlite, 2, inArm('treatment')[1]!, '2026-04-06T10:00:00.000Z', 8_000);
    insertPaidOrder(connection.sqlite, 3, inArm('holdout')[0]!, '2026-04-07T10:00:00.000Z', 5_000);

    const report = await campaignHandlers['campaigns.report']({ id: draft.id, confidence: 0.95 }, handlerContext(connection, LATER));
    expect(report.arms).toEqual([
      { arm: 'treatment', customers: treatment, buyers: 2, orders: 2, revenueMinor: 20_000 },
      { arm: 'holdout', customers: holdout, buyers: 1, orders: 1, revenueMinor: 5_000 },
    ]);
    expect(report.cost.pointsPosted).toBe(50 * treatment + 5 * 1000);
    expect(report.cost.pointsValueMinor).toBe(50 * treatment + 5 * 1000); // the default program: a point is worth 1 minor unit
    expect(count(connection.sqlite, `SELECT count(*) FROM points_ledger l JOIN campaign_members m ON m.customer_id = l.customer_id
      WHERE m.campaign_id = ? AND m.arm = 'holdout'`, draft.id)).toBe(0);
    expect(report.incrementalRevenueMinor).toBe(Math.round((20_000 / treatment - 5_000 / holdout) * treatment));
    expect(report.caveats).toContain('The campaign is still running until 2026-06-01: the figures cover the days so far and will change.');
    expect(report.series[0]!.day).toBe('2026-04-02');
    expect(report.series.at(-1)!.day).toBe('2026-04-19');
  });
});
