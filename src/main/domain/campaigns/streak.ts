import { post, statement, type LedgerContext } from '../loyalty/ledger';
import { creditExpiry } from '../loyalty/program';
import type { LoyaltySettings } from '../../../shared/contract';

/**
 * Check-in / streak rewards. A unit (a UTC day, or an ISO week starting
 * Monday) counts as active when the member checked in or placed a
 * non-cancelled order in it, inside the campaign's window. Each run of
 * consecutive active units completes floor(run / N) streaks (repeatable) —
 * or one streak in the whole campaign (not repeatable). Streaks are numbered
 * 1, 2, … in the campaign and keyed campaign:<id>:streak:<customer>:<k>:
 * activity only ever adds units, and joining two runs never completes fewer
 * streaks than they did apart, so re-evaluating only posts the new ones.
 */
export interface StreakRule {
  unit: 'day' | 'week';
  length: number;
  points: number;
  repeatable: boolean;
}

export interface StreakCampaign {
  id: number;
  startsAt: string;
  endsAt: string;
  rule: StreakRule;
}

export const streakKey = (campaignId: number, customerId: number, k: number): string =>
  `campaign:${campaignId}:streak:${customerId}:${k}`;

const DAY_MS = 86_400_000;

/** The unit's ordinal: days since the epoch, or weeks since the Monday 1970-01-05 (ISO weeks start Monday). */
export function unitIndex(day: string, unit: 'day' | 'week'): number {
  const days = Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
  // 1970-01-01 was a Thursday: day 4 is the first Monday.
  return unit === 'day' ? days : Math.floor((days - 4) / 7);
}

/** How many streaks the active units complete under the rule. */
export function completedStreaks(unitIndexes: Iterable<number>, rule: Pick<StreakRule, 'length' | 'repeatable'>): number {
  const sorted = [...new Set(unitIndexes)].sort((a, b) => a - b);
  let total = 0;
  let run = 0;
  let previous = Number.NaN;
  const close = () => {
    total += Math.floor(run / rule.length);
  };
  for (const index of sorted) {
    if (index === previous + 1) run += 1;
    else {
      close();
      run = 1;
    }
    previous = index;
  }
  close();
  return rule.repeatable ? total : Math.min(1, total);
}

/** The member's active days in the window: check-ins and days with a non-cancelled order. */
function activeDays(ctx: LedgerContext, campaign: StreakCampaign, customerId: number): string[] {
  const rows = statement(ctx.sqlite,
    `SELECT day FROM campaign_checkins WHERE campaign_id = ? AND customer_id = ?
     UNION SELECT substr(placed_at, 1, 10) FROM orders
      WHERE customer_id = ? AND status <> 'cancelled' AND placed_at >= ? AND placed_at < ?`,
  ).all(campaign.id, customerId, customerId, campaign.startsAt, campaign.endsAt) as { day: string }[];
  const first = campaign.startsAt.slice(0, 10);
  const last = new Date(Date.parse(campaign.endsAt) - 1).toISOString().slice(0, 10);
  return rows.map((r) => r.day).filter((day) => day >= first && day <= last);
}

/** Posts the streaks the member has completed and not yet been given; answers the points posted now. */
export function awardStreaks(ctx: LedgerContext, campaign: StreakCampaign, customerId: number, settings: LoyaltySettings): number {
  const { rule } = campaign;
  const completed = completedStreaks(activeDays(ctx, campaign, customerId).map((d) => unitIndex(d, rule.unit)), rule);
  let posted = 0;
  for (let k = 1; k <= completed; k++) {
    const result = post(ctx, { customerId, entryType: 'bonus', points: rule.points, idempotencyKey: streakKey(campaign.id, customerId, k),
      expiresAt: creditExpiry(settings, ctx.now().getTime()), reason: `Campaign streak of ${rule.length} ${rule.unit}s` });
    if (!result.replayed) posted += rule.points;
  }
  return posted;
}
