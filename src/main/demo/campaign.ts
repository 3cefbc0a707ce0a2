import type BetterSqlite3 from 'better-sqlite3';
import { campaignCreateInput } from '../../shared/contract/campaigns';
import { COUPON_ALPHABET } from '../domain/loyalty/coupons';
import { createCampaign } from '../domain/campaigns/store';
import { launchCampaign } from '../domain/campaigns/launch';
import { recomputeAllRfm } from '../domain/customers/rfm';
import { resolveAudience } from '../domain/campaigns/audience';
import { Random } from './random';
import { DAY, isoAt } from './time';

/**
 * The demo store's one launched campaign (issue 8): win back the at-risk and
 * can't-lose customers with a bonus and a coupon, 10 % held out, launched 45
 * days before the demo's "now" so its report has 45 days of orders to compare.
 *
 * The audience is the segments as they stood AT the launch: the RFM figures
 * are computed over the orders placed before it (a temp view named `orders`
 * shadows the table for that one statement — SQLite resolves temp names
 * first), the campaign is launched through the real launch, then the figures
 * are dropped again: the demo leaves them to be computed at first view, as it
 * always did (and their recompute time, which is a measurement, out of the
 * seeded content). Salt and coupon codes come from the seed, so the same seed
 * and now still give the same database. Only the first store of a database
 * gets the campaign: a second demo store is added beside data it must not touch.
 * Answers the ledger entries it posted (the summary counts them).
 */
const LAUNCH_DAYS_BEFORE_NOW = 45;
const RUNS_DAYS_AFTER_NOW = 15;
const CAMPAIGN_STREAM = 61;

const RFM_SETTINGS = ['customers.rfmComputedAt', 'customers.rfmRecomputeMs'];

export function launchDemoCampaign(sqlite: BetterSqlite3.Database, demo: { seed: number; nowMs: number; storeId: number }): number {
  if ((sqlite.prepare('SELECT count(*) FROM stores').pluck().get() as number) > 1) return 0;
  if (sqlite.prepare('SELECT 1 FROM customer_rfm LIMIT 1').get() !== undefined) return 0;
  const staffId = sqlite.prepare("SELECT id FROM staff WHERE active = 1 ORDER BY role <> 'owner', id LIMIT 1").pluck().get() as number | undefined;
  if (staffId === undefined) return 0;
  const launchMs = demo.nowMs - LAUNCH_DAYS_BEFORE_NOW * DAY;
  const launchAt = new Date(launchMs);
  sqlite.exec(`CREATE TEMP VIEW orders AS SELECT * FROM main.orders WHERE placed_at < '${isoAt(launchMs)}'`);
  try {
    recomputeAllRfm(sqlite, launchAt);
  } finally {
    sqlite.exec('DROP VIEW temp.orders');
  }
  const input = campaignCreateInput.parse({
    name: 'Win back: 200 points and $10 off', goal: 'reactivate', storeId: demo.storeId, startsAt: isoAt(launchMs),
    endsAt: isoAt(demo.nowMs + RUNS_DAYS_AFTER_NOW * DAY), audience: { kind: 'segment', segments: ['atRisk', 'cantLose'] },
    holdoutPercent: 10, staffId, note: 'Demo campaign: compare the treatment with the 10 % holdout in its report.',
    mechanics: [
      { kind: 'bonus', points: 200 },
      { kind: 'coupon', couponKind: 'fixed_amount', valueMinor: 1_000, percent: null, minOrderMinor: 5_000, validDays: 30 },
    ],
  });
  const random = Random.stream(demo.seed, CAMPAIGN_STREAM, 0);
  const group = () => Array.from({ length: 4 }, () => random.pick([...COUPON_ALPHABET])).join('');
  try {
    // A tiny store may have nobody at risk yet: then there is no campaign to show.
    if (resolveAudience(sqlite, input.audience, demo.storeId, launchAt).eligibleIds.length === 0) return 0;
    const campaign = createCampaign(sqlite, input, launchAt, { salt: `demo-${demo.seed}` });
    const result = launchCampaign(sqlite, { id: campaign.id, staffId, launchKey: `demo-launch-${demo.seed}` }, launchAt,
      { couponCode: () => `BR-${group()}-${group()}` });
    return result.campaign.delivered.postings;
  } finally {
    sqlite.exec('DELETE FROM customer_rfm');
    sqlite.prepare('DELETE FROM settings WHERE key IN (SELECT value FROM json_each(?))').run(JSON.stringify(RFM_SETTINGS));
  }
}
