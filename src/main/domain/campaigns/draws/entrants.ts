import type { DrawEntrant } from '../../../../shared/contract';
import type { Sqlite } from '../../../db/connection';
import { heldLotsCte } from '../../loyalty/held-lots';
import { effectiveExpirySql } from '../../loyalty/liability';
import { statement } from '../../loyalty/ledger';
import { readLoyaltySettings } from '../../loyalty/settings';

/**
 * Who enters a campaign's draw, and with what weight, as of `now`: the
 * treatment members frozen at launch (the holdout gets nothing, draws
 * included), less any merged into another customer since.
 * - none: everyone weighs 1;
 * - tier: the held tier's rank in the program's ladder + 1 (the first tier 1,
 *   the next 2, …); no tier held, a hold that ran out, or a tier the merchant
 *   removed weighs 1;
 * - points: the spendable points balance, at least 1, counted the way the
 *   liability report counts held lots (held-lots.ts), in one pass for all of
 *   them rather than a ledger replay per member.
 * Sorted by customer id: the canonical order (algorithm.ts).
 */
export type DrawWeighting = 'none' | 'tier' | 'points';

/** From this many entrants on, one ordered read of the whole ledger beats a walk of each one's entries (as expiring.ts). */
const MANY_ENTRANTS = 2000;

const TREATMENT = `SELECT m.customer_id FROM campaign_members m JOIN customers c ON c.id = m.customer_id
  WHERE m.campaign_id = @campaignId AND m.arm = 'treatment' AND c.merged_into_id IS NULL`;

function treatmentIds(sqlite: Sqlite, campaignId: number): number[] {
  return (statement(sqlite, `${TREATMENT} ORDER BY m.customer_id`).all({ campaignId }) as { customer_id: number }[])
    .map((row) => row.customer_id);
}

function tierWeights(sqlite: Sqlite, campaignId: number, at: string): Map<number, number> {
  const ladder = readLoyaltySettings(sqlite).tiers.map((tier) => tier.id);
  const rows = statement(sqlite,
    `SELECT t.customer_id AS customerId, t.tier_id AS tierId FROM campaign_members m
       JOIN customer_tiers t ON t.customer_id = m.customer_id
     WHERE m.campaign_id = @campaignId AND m.arm = 'treatment' AND (t.held_until IS NULL OR t.held_until > @at)`,
  ).all({ campaignId, at }) as { customerId: number; tierId: string }[];
  const weights = new Map<number, number>();
  for (const row of rows) {
    const rank = ladder.indexOf(row.tierId);
    if (rank >= 0) weights.set(row.customerId, rank + 1);
  }
  return weights;
}

function pointsWeights(sqlite: Sqlite, campaignId: number, at: string, entrants: number): Map<number, number> {
  const settings = readLoyaltySettings(sqlite);
  const inactivity = settings.earning.expiryMode === 'inactivity';
  const expiry = effectiveExpirySql(settings);
  const candidates = `SELECT customer_id FROM campaign_members WHERE campaign_id = @campaignId AND arm = 'treatment'`;
  const rows = statement(sqlite,
    `WITH ${heldLotsCte(candidates, inactivity, entrants >= MANY_ENTRANTS)}
     SELECT customer_id AS customerId, sum(remaining) AS points FROM held
     WHERE remaining > 0 AND pending = 0 AND (${expiry} IS NULL OR ${expiry} > @at)
     GROUP BY customer_id`,
  ).all({ campaignId, at }) as { customerId: number; points: number }[];
  return new Map(rows.map((row) => [row.customerId, row.points]));
}

export function currentEntrants(sqlite: Sqlite, campaignId: number, weighting: DrawWeighting, now: Date): DrawEntrant[] {
  const ids = treatmentIds(sqlite, campaignId);
  const at = now.toISOString();
  const weights = weighting === 'tier' ? tierWeights(sqlite, campaignId, at)
    : weighting === 'points' ? pointsWeights(sqlite, campaignId, at, ids.length) : new Map<number, number>();
  return ids.map((customerId) => ({ customerId, weight: Math.max(1, weights.get(customerId) ?? 1) }));
}
