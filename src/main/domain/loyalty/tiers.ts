import type { LoyaltySettings, LoyaltyTier } from '../../../shared/contract';
import type { TierStatus } from '../../../shared/contract/loyalty-tiers';
import { recordAudit } from '../audit/log';
import { addMonthsUtc, DAY_MS, startOfYearUtc } from './dates';
import { requireCustomer, statement, type LedgerContext } from './ledger';
import { readLoyaltySettings } from './settings';

/**
 * Membership tiers. The tier a customer *qualifies* for is the highest whose
 * threshold their progress in the current period reaches; the tier they *hold*
 * is kept in customer_tiers:
 *
 * - upgrade at once: qualifying for a higher tier takes it immediately;
 * - downgrade only at period end: a held tier is kept until `held_until`, the
 *   end of the period after the one it was last qualified in:
 *     rolling12Months: 12 months after the customer last qualified for it,
 *     calendarYear: the end of the next calendar year (earned in 2026, kept through 2027),
 *     lifetime: forever (progress never resets);
 *   then the customer drops to what they qualify for.
 *
 * The status is (re)computed when asked — profile views, earning — and a change
 * is stored with an audit entry ('tier.change'), which is the tier history.
 * Held-until is extended only when the status is computed while the customer
 * still qualifies, so a customer nobody looks at for a long stretch may drop
 * earlier than the exact rule; earning always computes it first.
 */

interface HeldTier {
  tierId: string;
  since: string;
  heldUntil: string | null;
}

/** The start of the current tier period (null: lifetime, no start). */
function periodStart(settings: LoyaltySettings, now: Date): string | null {
  if (settings.tierPeriod === 'lifetime') return null;
  if (settings.tierPeriod === 'calendarYear') return startOfYearUtc(now).toISOString();
  return addMonthsUtc(now.getTime(), -12).toISOString();
}

/** Until when a tier qualified for now is kept. */
function holdUntil(settings: LoyaltySettings, now: Date): string | null {
  if (settings.tierPeriod === 'lifetime') return null;
  if (settings.tierPeriod === 'calendarYear') return startOfYearUtc(now, 2).toISOString();
  return addMonthsUtc(now.getTime(), 12).toISOString();
}

/**
 * Points earned in the period (earn and bonus, less refund reversals), or
 * spend: order totals less refunds, minor units, cancelled, voided and failed
 * orders left out.
 */
export function tierProgress(ctx: LedgerContext, settings: LoyaltySettings, customerId: number): number {
  const now = ctx.now();
  const from = periodStart(settings, now) ?? '';
  const to = now.toISOString();
  if (settings.tierBasis === 'points') {
    const row = statement(ctx.sqlite,
      `SELECT coalesce(sum(points), 0) AS n FROM points_ledger
       WHERE customer_id = ? AND created_at >= ? AND created_at <= ? AND entry_type IN ('earn', 'bonus', 'reverse')`,
    ).get(customerId, from, to) as { n: number };
    return Math.max(0, row.n);
  }
  const row = statement(ctx.sqlite,
    `SELECT coalesce(sum(total_minor - refunded_minor), 0) AS n FROM orders
     WHERE customer_id = ? AND placed_at >= ? AND placed_at <= ? AND status <> 'cancelled'
       AND financial_status NOT IN ('voided', 'failed')`,
  ).get(customerId, from, to) as { n: number };
  return Math.max(0, row.n);
}

function qualifiedIndex(tiers: readonly LoyaltyTier[], progress: number): number {
  let index = 0;
  tiers.forEach((tier, i) => {
    if (tier.threshold <= progress) index = i;
  });
  return index;
}

function readHeld(ctx: LedgerContext, customerId: number): HeldTier | undefined {
  return statement(ctx.sqlite,
    'SELECT tier_id AS tierId, since, held_until AS heldUntil FROM customer_tiers WHERE customer_id = ?',
  ).get(customerId) as HeldTier | undefined;
}

function storeHeld(ctx: LedgerContext, customerId: number, held: HeldTier, previous: string | null): void {
  ctx.sqlite.transaction(() => {
    statement(ctx.sqlite,
      `INSERT INTO customer_tiers (customer_id, tier_id, since, held_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (customer_id) DO UPDATE SET tier_id = excluded.tier_id, since = excluded.since,
         held_until = excluded.held_until`,
    ).run(customerId, held.tierId, held.since, held.heldUntil);
    if (previous !== held.tierId) {
      recordAudit(ctx.sqlite, { at: held.since, staffId: null, entityType: 'customer', entityId: customerId,
        action: 'tier.change', detail: { from: previous, to: held.tierId } });
    }
  })();
}

/** The customer's tier now; null when the program has no tiers. */
export function tierStatus(ctx: LedgerContext, customerId: number): TierStatus | null {
  const settings = readLoyaltySettings(ctx.sqlite);
  const { tiers } = settings;
  if (tiers.length === 0) return null;
  requireCustomer(ctx.sqlite, customerId);
  const now = ctx.now();
  const nowIso = now.toISOString();
  const progress = tierProgress(ctx, settings, customerId);
  const qualified = qualifiedIndex(tiers, progress);
  const stored = readHeld(ctx, customerId);
  let heldIndex = stored ? tiers.findIndex((t) => t.id === stored.tierId) : -1;
  // A tier the merchant removed, or one whose hold has ended, is held no more.
  if (stored && stored.heldUntil !== null && stored.heldUntil <= nowIso) heldIndex = -1;

  let held: HeldTier;
  if (heldIndex < 0 || qualified > heldIndex) {
    held = { tierId: tiers[qualified]!.id, since: nowIso, heldUntil: holdUntil(settings, now) };
  } else if (qualified === heldIndex) {
    // Still qualifying extends the hold; by at least a day, so that viewing a profile rarely writes.
    const extended = holdUntil(settings, now);
    const worth = extended !== null && (stored!.heldUntil === null || Date.parse(extended) - Date.parse(stored!.heldUntil) >= DAY_MS);
    held = worth ? { ...stored!, heldUntil: extended } : stored!;
  } else {
    held = stored!;
  }
  if (!stored || stored.tierId !== held.tierId || stored.heldUntil !== held.heldUntil) {
    storeHeld(ctx, customerId, held, stored?.tierId ?? null);
  }
  const index = tiers.findIndex((t) => t.id === held.tierId);
  const tier = tiers[index]!;
  const next = tiers[index + 1];
  return {
    tierId: tier.id,
    tierName: tier.name,
    multiplier: tier.multiplier,
    benefits: tier.benefits,
    basis: settings.tierBasis,
    period: settings.tierPeriod,
    progress,
    next: next ? { tierId: next.id, tierName: next.name, threshold: next.threshold,
      needed: Math.max(0, next.threshold - progress) } : null,
    neededToKeep: settings.tierPeriod === 'lifetime' ? 0 : Math.max(0, tier.threshold - progress),
    heldUntil: qualified < index ? held.heldUntil : null,
  };
}
