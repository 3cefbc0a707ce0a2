import type { Sqlite } from '../../db/connection';
import { post, statement, type LedgerContext, type LedgerEntry } from '../loyalty/ledger';
import { readLoyaltySettings } from '../loyalty/settings';
import { parseMechanics } from './rows';
import { awardStreaks } from './streak';

/**
 * The points multiplier mechanic: an order placed in the window by a treatment
 * member earns its points × (multiplier − 1) more, rounded down, as one bonus
 * entry keyed campaign:<id>:order:<orderId> — so a re-synced order, a retried
 * launch or the hook and the launch meeting on one order post it once. The
 * extra points follow the order's own pending date and expiry.
 */
export const orderKey = (campaignId: number, orderId: number): string => `campaign:${campaignId}:order:${orderId}`;

export const extraPoints = (earned: number, multiplier: number): number =>
  // Hundredths as integers: 1.5 × 7 gives 3 more, never 3.4999… rounded to 3 by luck.
  Math.floor((earned * (Math.round(multiplier * 100) - 100)) / 100);

export type EarnFacts = Pick<LedgerEntry, 'points' | 'availableAt' | 'expiresAt'>;

/** One posting for one order of one campaign; answers the points posted now (0 when zero or already posted). */
export function postOrderExtra(ctx: LedgerContext, campaignId: number, multiplier: number, earn: EarnFacts,
  orderId: number, customerId: number): number {
  const points = extraPoints(earn.points, multiplier);
  if (points <= 0) return 0;
  const posting = post(ctx, { customerId, entryType: 'bonus', points, orderId, idempotencyKey: orderKey(campaignId, orderId),
    availableAt: earn.availableAt, expiresAt: earn.expiresAt, reason: `Campaign ×${multiplier} points` });
  return posting.replayed ? 0 : points;
}

interface MembershipRow {
  id: number;
  mechanics: string;
  startsAt: string;
  endsAt: string;
}

/**
 * The earning hook (loyalty/orders.ts calls it when an order earns): one
 * indexed query on campaign_members (customer_id, campaign_id), joined to the
 * few launched campaigns whose window holds the order. A customer in no
 * campaign costs one index probe. A multiplier posts the order's extra points;
 * a streak counts the order's day as activity and posts any streak it completes
 * (as a check-in would), so a member who buys on N days running is rewarded
 * without waiting for a check-in.
 */
export function postCampaignMultipliers(ctx: LedgerContext, order: { id: number; customerId: number; placedAt: string },
  earn: EarnFacts): void {
  const campaigns = statement(ctx.sqlite,
    `SELECT c.id, c.mechanics, c.starts_at AS startsAt, c.ends_at AS endsAt
       FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
      WHERE m.customer_id = ? AND m.arm = 'treatment' AND c.status = 'launched' AND c.starts_at <= ? AND c.ends_at > ?
        AND (instr(c.mechanics, '"multiplier"') > 0 OR instr(c.mechanics, '"streak"') > 0)`,
  ).all(order.customerId, order.placedAt, order.placedAt) as MembershipRow[];
  for (const campaign of campaigns) {
    for (const mechanic of parseMechanics(campaign.mechanics)) {
      if (mechanic.kind === 'multiplier') postOrderExtra(ctx, campaign.id, mechanic.multiplier, earn, order.id, order.customerId);
      if (mechanic.kind === 'streak') {
        awardStreaks(ctx, { id: campaign.id, startsAt: campaign.startsAt, endsAt: campaign.endsAt, rule: mechanic },
          order.customerId, readLoyaltySettings(ctx.sqlite));
      }
    }
  }
}

/**
 * Whether any launched campaign has a multiplier or a streak: the bulk earning
 * path (earn-many.ts) must then earn order by order, through the hook. Ended
 * ones count too: an order placed in the window may arrive by sync weeks later.
 * The campaigns table holds a handful of rows: a scan of it is cheaper than any index.
 */
export function launchedMultiplierExists(sqlite: Sqlite): boolean {
  return statement(sqlite,
    `SELECT EXISTS (SELECT 1 FROM campaigns WHERE status = 'launched'
       AND (instr(mechanics, '"multiplier"') > 0 OR instr(mechanics, '"streak"') > 0)) AS open`,
  ).pluck().get() === 1;
}
