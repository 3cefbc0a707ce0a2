import type { CampaignMechanic, LoyaltySettings } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { post, statement, type LedgerContext } from '../loyalty/ledger';
import { creditExpiry } from '../loyalty/program';
import { issueCampaignCoupon } from './coupons';
import type { LaunchProgress } from './launch';
import { postOrderExtra, type EarnFacts } from './multiplier';
import type { CampaignRow } from './rows';
import { awardStreaks } from './streak';

/**
 * What a launch gives the treatment arm, inside the launch's transaction
 * (postings join it: ctx.callerTransaction). The holdout gets nothing.
 */
export interface LaunchTotals {
  pointsPosted: number;
  couponsIssued: number;
}

type Coupon = Extract<CampaignMechanic, { kind: 'coupon' }>;
const DAY_MS = 86_400_000;
const PROGRESS_EVERY = 5_000;

export const bonusKey = (campaignId: number, customerId: number): string => `campaign:${campaignId}:bonus:${customerId}`;
export const couponKey = (campaignId: number, customerId: number): string => `campaign:${campaignId}:coupon:${customerId}`;

const POINTS_KINDS: readonly CampaignMechanic['kind'][] = ['bonus', 'multiplier', 'streak'];

export function requirePointsProgram(mechanics: readonly CampaignMechanic[], settings: LoyaltySettings): void {
  if (!settings.enabled && mechanics.some((m) => POINTS_KINDS.includes(m.kind))) {
    throw new AppError('VALIDATION', 'The loyalty program is switched off, so this campaign cannot give points: switch it on first.');
  }
}

function postBonuses(ctx: LedgerContext, row: CampaignRow, points: number, treatment: readonly number[], settings: LoyaltySettings,
  progress: LaunchProgress): number {
  const expiresAt = creditExpiry(settings, ctx.now().getTime());
  let posted = 0;
  treatment.forEach((customerId, index) => {
    const result = post(ctx, { customerId, entryType: 'bonus', points, idempotencyKey: bonusKey(row.id, customerId), expiresAt,
      reason: `Campaign bonus: ${row.name}` });
    if (!result.replayed) posted += points;
    if ((index + 1) % PROGRESS_EVERY === 0) progress(index + 1, treatment.length, 'bonus');
  });
  return posted;
}

function issueCoupons(sqlite: Sqlite, row: CampaignRow, mechanic: Coupon, now: Date, progress: LaunchProgress,
  makeCode: (() => string) | undefined): number {
  const expiresAt = mechanic.validDays === null ? row.ends_at : new Date(now.getTime() + mechanic.validDays * DAY_MS).toISOString();
  // Each member's code goes to the campaign's store, or to the member's own store when the campaign has none.
  const members = sqlite.prepare(
    `SELECT m.customer_id AS customerId, s.id AS storeId, s.currency FROM campaign_members m
       JOIN customers c ON c.id = m.customer_id JOIN stores s ON s.id = coalesce(?, c.store_id)
      WHERE m.campaign_id = ? AND m.arm = 'treatment' ORDER BY m.customer_id`,
  ).all(row.store_id, row.id) as { customerId: number; storeId: number; currency: string }[];
  let issued = 0;
  members.forEach((member, index) => {
    const coupon = issueCampaignCoupon(sqlite, { campaignId: row.id, customerId: member.customerId, storeId: member.storeId,
      kind: mechanic.couponKind, valueMinor: mechanic.couponKind === 'fixed_amount' ? mechanic.valueMinor : null,
      percent: mechanic.couponKind === 'percent' ? mechanic.percent : null, minOrderMinor: mechanic.minOrderMinor,
      currency: member.currency, expiresAt, idempotencyKey: couponKey(row.id, member.customerId) }, now, makeCode);
    if (!coupon.replayed) issued += 1;
    if ((index + 1) % PROGRESS_EVERY === 0) progress(index + 1, members.length, 'coupons');
  });
  return issued;
}

/** Orders the treatment already placed in the window (up to now) earn the multiplier's extra points at launch. */
function multiplyPlacedOrders(ctx: LedgerContext, row: CampaignRow, multiplier: number): number {
  const orders = statement(ctx.sqlite,
    `SELECT o.id AS orderId, o.customer_id AS customerId, l.points, l.available_at AS availableAt, l.expires_at AS expiresAt
       FROM campaign_members m
       JOIN orders o ON o.customer_id = m.customer_id AND o.placed_at >= ? AND o.placed_at < ? AND o.placed_at <= ?
       JOIN points_ledger l ON l.idempotency_key = 'order:' || o.id || ':earn'
      WHERE m.campaign_id = ? AND m.arm = 'treatment' AND o.status <> 'cancelled'`,
  ).all(row.starts_at, row.ends_at, ctx.now().toISOString(), row.id) as (EarnFacts & { orderId: number; customerId: number })[];
  return orders.reduce((sum, order) => sum + postOrderExtra(ctx, row.id, multiplier, order, order.orderId, order.customerId), 0);
}

/** Streaks already completed by orders placed in the window before the launch. */
function streaksFromOrders(ctx: LedgerContext, row: CampaignRow, mechanic: Extract<CampaignMechanic, { kind: 'streak' }>,
  settings: LoyaltySettings): number {
  const buyers = statement(ctx.sqlite,
    `SELECT DISTINCT m.customer_id AS id FROM campaign_members m
       JOIN orders o ON o.customer_id = m.customer_id AND o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'
      WHERE m.campaign_id = ? AND m.arm = 'treatment'`,
  ).all(row.starts_at, row.ends_at, row.id) as { id: number }[];
  const campaign = { id: row.id, startsAt: row.starts_at, endsAt: row.ends_at, rule: mechanic };
  return buyers.reduce((sum, buyer) => sum + awardStreaks(ctx, campaign, buyer.id, settings), 0);
}

function savePrices(sqlite: Sqlite, campaignId: number, prices: readonly { productId: number; priceMinor: number }[]): void {
  const insert = sqlite.prepare('INSERT OR REPLACE INTO campaign_prices (campaign_id, product_id, price_minor) VALUES (?, ?, ?)');
  for (const price of prices) insert.run(campaignId, price.productId, price.priceMinor);
}

export function postMechanics(sqlite: Sqlite, row: CampaignRow, mechanics: readonly CampaignMechanic[], treatment: readonly number[],
  settings: LoyaltySettings, now: Date, progress: LaunchProgress, makeCode?: () => string): LaunchTotals {
  requirePointsProgram(mechanics, settings);
  const ctx: LedgerContext = { sqlite, now: () => now, callerTransaction: true };
  const totals: LaunchTotals = { pointsPosted: 0, couponsIssued: 0 };
  for (const mechanic of mechanics) {
    if (mechanic.kind === 'bonus') totals.pointsPosted += postBonuses(ctx, row, mechanic.points, treatment, settings, progress);
    else if (mechanic.kind === 'coupon') totals.couponsIssued += issueCoupons(sqlite, row, mechanic, now, progress, makeCode);
    else if (mechanic.kind === 'multiplier') totals.pointsPosted += multiplyPlacedOrders(ctx, row, mechanic.multiplier);
    else if (mechanic.kind === 'streak') totals.pointsPosted += streaksFromOrders(ctx, row, mechanic, settings);
    else if (mechanic.kind === 'priceList') savePrices(sqlite, row.id, mechanic.prices);
    // A draw is run later, with draws.run, among the frozen treatment arm.
  }
  progress(treatment.length, treatment.length, 'done');
  return totals;
}
