import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { campaignReport } from '../../src/main/domain/campaigns/report';
import { listCampaigns } from '../../src/main/domain/campaigns/store';
import { generateDemoStore } from '../../src/main/demo';
import { memoryDb } from '../helpers/db';
import { campaignLedger, count } from './campaigns-fixtures';

/** The demo store opens with one launched win-back campaign whose report has 45 days of orders to compare. */
const NOW = new Date('2026-03-01T12:00:00.000Z');
let connection: Connection;

beforeAll(async () => {
  connection = await memoryDb();
  generateDemoStore(connection.sqlite, { size: 'small', seed: 7, now: NOW });
}, 120_000);
afterAll(() => connection.close());

describe('the demo campaign', () => {
  it('is launched 45 days before now for the at-risk and can\'t-lose customers, 10 % held out, with its bonus and coupons', () => {
    const { sqlite } = connection;
    const { campaigns } = listCampaigns(sqlite, {}, NOW);
    expect(campaigns).toHaveLength(1);
    const [campaign] = campaigns as [typeof campaigns[number]];
    expect(campaign).toMatchObject({ status: 'running', goal: 'reactivate', launchedAt: '2026-01-15T12:00:00.000Z', holdoutPercent: 10,
      mechanicKinds: ['bonus', 'coupon'] });
    expect(campaign.treatmentCount).toBeGreaterThan(0);
    expect(campaign.holdoutCount).toBeGreaterThan(0);
    expect(campaignLedger(sqlite, campaign.id)).toEqual({ rows: campaign.treatmentCount, points: (campaign.treatmentCount ?? 0) * 200 });
    expect(count(sqlite, 'SELECT count(*) FROM campaign_coupons WHERE campaign_id = ?', campaign.id)).toBe(campaign.treatmentCount);
    // The figures used to pick the audience are not left behind: the customers area computes them at first view, as before.
    expect(count(sqlite, 'SELECT count(*) FROM customer_rfm')).toBe(0);
  });

  it('has a report with buyers in both arms', () => {
    const { sqlite } = connection;
    const [campaign] = listCampaigns(sqlite, {}, NOW).campaigns;
    const report = campaignReport(sqlite, { id: campaign?.id ?? 0, confidence: 0.95 }, NOW);
    expect(report.arms.map((a) => a.arm).sort()).toEqual(['holdout', 'treatment']);
    expect(report.arms.reduce((sum, a) => sum + a.buyers, 0)).toBeGreaterThan(0);
    expect(report.cost.pointsPosted).toBe((campaign?.treatmentCount ?? 0) * 200);
  });
});
