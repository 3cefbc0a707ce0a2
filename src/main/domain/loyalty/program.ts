import type { LoyaltyCampaign, LoyaltySettings, RfmSegment } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { statement } from './ledger';
import { addMonthsUtc } from './dates';

/**
 * What the merchant's program settings mean for one posting: when a credit
 * expires and which campaign multiplier applies. Kept apart from the ledger so
 * the rules read in one place.
 */

/**
 * When a credit posted at `fromMs` expires. Under lot lifetimes, after the
 * program's lifetime (null: never); under inactivity expiry a lot has no date
 * of its own: expireDue takes everything once the customer has been inactive.
 */
export function creditExpiry(settings: LoyaltySettings, fromMs: number): string | null {
  if (settings.earning.expiryMode === 'inactivity') return null;
  const months = settings.earning.lotLifetimeMonths;
  return months === null ? null : addMonthsUtc(fromMs, months).toISOString();
}

/**
 * The RFM segment of a customer, or null. The table belongs to the customers
 * area (migration 0004) and may not exist yet, or hold no row for this customer:
 * then segment campaigns simply do not apply.
 */
export function customerSegment(sqlite: Sqlite, customerId: number): RfmSegment | null {
  const exists = statement(sqlite, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'customer_rfm'").get();
  if (!exists) return null;
  const row = sqlite.prepare('SELECT segment FROM customer_rfm WHERE customer_id = ?').get(customerId) as
    | { segment: string | null }
    | undefined;
  return (row?.segment ?? null) as RfmSegment | null;
}

/** Campaigns running on the order's day (UTC, both ends inclusive) for this customer's segment. */
export function activeCampaigns(campaigns: readonly LoyaltyCampaign[], placedAt: string,
  segment: RfmSegment | null): LoyaltyCampaign[] {
  const day = placedAt.slice(0, 10);
  return campaigns.filter((c) => c.startsOn <= day && day <= c.endsOn && (c.segment === null || c.segment === segment));
}

/** Overlapping campaigns do not stack: the best multiplier wins (1 when none runs). */
export function bestCampaignMultiplier(campaigns: readonly LoyaltyCampaign[], placedAt: string,
  segment: RfmSegment | null): number {
  return activeCampaigns(campaigns, placedAt, segment).reduce((best, c) => Math.max(best, c.multiplier), 1);
}
