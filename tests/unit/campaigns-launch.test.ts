import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { auditTrail } from '../../src/main/domain/audit/log';
import { launchCampaign } from '../../src/main/domain/campaigns/launch';
import { loadCampaign } from '../../src/main/domain/campaigns/load';
import { memoryDb } from '../helpers/db';
import { campaignLedger, count, createDraft, NOW, seedShop } from './campaigns-fixtures';

/** Launch: once, whatever happens around it; all or nothing. */
let connection: Connection;
const coupon = { kind: 'coupon', couponKind: 'fixed_amount', valueMinor: 500, percent: null, minOrderMinor: 0, validDays: 14 };

beforeEach(async () => {
  connection = await memoryDb();
  // Every 5th customer has declined marketing: 200 of 1,000.
  seedShop(connection.sqlite, 1_000, { noConsentEvery: 5, platform: 'shopify' });
});
afterEach(() => connection.close());

describe('campaigns.launch', () => {
  it('freezes the consenting audience, counts the rest, and gives the treatment its bonus and a coupon each', () => {
    const { sqlite } = connection;
    const campaign = createDraft(sqlite, { mechanics: [{ kind: 'bonus', points: 50 }, coupon] });
    const result = launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-0001' }, NOW);
    expect(result.launchedNow).toBe(true);
    expect(result.treatment + result.holdout).toBe(800);
    expect(result.campaign).toMatchObject({ status: 'running', audienceCount: 800, excludedNoConsent: 200, launchedBy: 'Ana',
      treatmentCount: result.treatment, holdoutCount: result.holdout });
    // Nobody without consent is enrolled.
    expect(count(sqlite, `SELECT count(*) FROM campaign_members m JOIN customers c ON c.id = m.customer_id
      WHERE m.campaign_id = ? AND c.marketing_consent = 0`, campaign.id)).toBe(0);
    expect(campaignLedger(sqlite, campaign.id)).toEqual({ rows: result.treatment, points: result.treatment * 50 });
    expect(result.pointsPosted).toBe(result.treatment * 50);
    // The holdout gets nothing: no points, no coupon.
    expect(count(sqlite, `SELECT count(*) FROM campaign_members m JOIN points_ledger l ON l.customer_id = m.customer_id
      WHERE m.campaign_id = ? AND m.arm = 'holdout'`, campaign.id)).toBe(0);
    expect(count(sqlite, `SELECT count(*) FROM campaign_coupons k JOIN campaign_members m ON m.customer_id = k.customer_id
      AND m.campaign_id = k.campaign_id WHERE k.campaign_id = ? AND m.arm = 'treatment'`, campaign.id)).toBe(result.treatment);
    expect(result.couponsIssued).toBe(result.treatment);
    // Queued for the connected store with the code and its expiry (launch + 14 days).
    const queued = sqlite.prepare("SELECT payload FROM outbox WHERE operation = 'coupon.create' ORDER BY id LIMIT 1").pluck().get() as string;
    expect(JSON.parse(queued)).toMatchObject({ kind: 'fixed_amount', valueMinor: 500, usageLimit: 1, expiresAt: '2026-05-15T00:00:00.000Z' });
    expect(count(sqlite, "SELECT count(*) FROM outbox WHERE operation = 'coupon.create'")).toBe(result.treatment);
    expect(loadCampaign(sqlite, campaign.id, NOW).delivered).toMatchObject({ couponsIssued: result.treatment, couponsQueued: result.treatment,
      pointsPosted: result.treatment * 50, postings: result.treatment });
    expect(auditTrail(sqlite, 'campaign', campaign.id).map((a) => a.action)).toEqual(['campaign.launch', 'campaign.create']);
  });

  it('launched twice, or retried with the same key, posts and issues nothing more', () => {
    const { sqlite } = connection;
    const campaign = createDraft(sqlite, { mechanics: [{ kind: 'bonus', points: 50 }, coupon] });
    const first = launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-0001' }, NOW);
    const retried = launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-0001' }, NOW);
    const other = launchCampaign(sqlite, { id: campaign.id, staffId: 8, launchKey: 'launch-by-ben' }, new Date('2026-05-02T00:00:00Z'));
    for (const again of [retried, other]) {
      expect(again).toMatchObject({ launchedNow: false, pointsPosted: 0, couponsIssued: 0, treatment: first.treatment, holdout: first.holdout });
    }
    expect(other.campaign.launchedBy).toBe('Ana');
    expect(campaignLedger(sqlite, campaign.id).rows).toBe(first.treatment);
    expect(count(sqlite, 'SELECT count(*) FROM campaign_coupons')).toBe(first.treatment);
    expect(count(sqlite, 'SELECT count(*) FROM campaign_members')).toBe(800);
  });

  it('leaves nothing behind when it fails midway: no members, points, coupons, outbox rows or status change', () => {
    const { sqlite } = connection;
    const campaign = createDraft(sqlite, { mechanics: [{ kind: 'bonus', points: 50 }, coupon] });
    // The 300th coupon fails to write, after the bonuses and 299 coupons went in.
    sqlite.exec(`CREATE TEMP TRIGGER fail_coupon BEFORE INSERT ON campaign_coupons
      WHEN (SELECT count(*) FROM campaign_coupons) >= 299 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-0001' }, NOW)).toThrow('disk full');
    expect(count(sqlite, 'SELECT count(*) FROM campaign_members')).toBe(0);
    expect(count(sqlite, 'SELECT count(*) FROM points_ledger')).toBe(0);
    expect(count(sqlite, 'SELECT count(*) FROM campaign_coupons')).toBe(0);
    expect(count(sqlite, 'SELECT count(*) FROM outbox')).toBe(0);
    expect(loadCampaign(sqlite, campaign.id, NOW)).toMatchObject({ status: 'draft', launchedAt: null, audienceCount: null });
    sqlite.exec('DROP TRIGGER temp.fail_coupon');
    const launched = launchCampaign(sqlite, { id: campaign.id, staffId: 7, launchKey: 'launch-0002' }, NOW);
    expect(launched.couponsIssued).toBe(launched.treatment);
  });

  it('saves a price list and refuses a launch with nobody to reach, a cancelled campaign, or an ended window', () => {
    const { sqlite } = connection;
    sqlite.prepare(`INSERT INTO products (id, store_id, external_id, title, sku, price_minor, currency, created_at, updated_at)
      VALUES (1, 1, 'p1', 'Mug', 'MUG-1', 1500, 'USD', ?, ?)`).run(NOW.toISOString(), NOW.toISOString());
    const sale = createDraft(sqlite, { mechanics: [{ kind: 'priceList', prices: [{ productId: 1, priceMinor: 990 }] }] });
    launchCampaign(sqlite, { id: sale.id, staffId: 7, launchKey: 'launch-sale' }, NOW);
    expect(sqlite.prepare('SELECT product_id, price_minor FROM campaign_prices WHERE campaign_id = ?').all(sale.id))
      .toEqual([{ product_id: 1, price_minor: 990 }]);

    const nobody = createDraft(sqlite, { audience: { kind: 'tag', tags: ['nobody-has-this'] } });
    expect(() => launchCampaign(sqlite, { id: nobody.id, staffId: 7, launchKey: 'launch-none' }, NOW))
      .toThrow('Nobody matches this audience yet, so there is nobody to launch the campaign for.');
    sqlite.exec("UPDATE customers SET marketing_consent = 0 WHERE id IN (5, 10)");
    const declined = createDraft(sqlite, { audience: { kind: 'list', entries: ['5', '10'] } });
    expect(() => launchCampaign(sqlite, { id: declined.id, staffId: 7, launchKey: 'launch-declined' }, NOW))
      .toThrow('All 2 customers in this audience have declined marketing, so there is nobody to launch the campaign for.');
    const ended = createDraft(sqlite, { startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-02-01T00:00:00Z' });
    expect(() => launchCampaign(sqlite, { id: ended.id, staffId: 7, launchKey: 'launch-ended' }, NOW))
      .toThrow("This campaign's window has already ended: move its end date before launching it.");
    sqlite.exec(`UPDATE campaigns SET status = 'cancelled' WHERE id = ${nobody.id}`);
    expect(() => launchCampaign(sqlite, { id: nobody.id, staffId: 7, launchKey: 'launch-none' }, NOW))
      .toThrow('This campaign was cancelled and cannot be launched.');
  });
});
