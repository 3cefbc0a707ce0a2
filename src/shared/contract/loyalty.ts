import { z } from 'zod';
import { empty } from './common';
import { BONUS_ACTIONS, loyaltySettingsSchema, type LoyaltySettings } from './loyalty-settings';
import type { TierStatus } from './loyalty-tiers';
import {
  couponsQuery, redeemInput, rewardArchiveInput, rewardSaveInput, rewardsListQuery,
  type CouponsList, type CouponView, type RewardsList, type RewardView,
} from './loyalty-rewards';
import { expiringQuery, liabilityQuery, type ExpiringList, type LiabilityReport } from './loyalty-reports';
import { loyaltyMaintenanceOperations } from './loyalty-maintenance';
import { operation } from './operation';

export * from './loyalty-settings';
export * from './loyalty-tiers';
export * from './loyalty-rewards';
export * from './loyalty-reports';
export * from './loyalty-maintenance';

export const LEDGER_ENTRY_KINDS = ['earn', 'bonus', 'redeem', 'expire', 'adjust', 'reverse'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

const customerId = z.number().int().positive();

export const balanceQuery = z.object({ customerId }).strict();

export const historyQuery = z
  .object({
    customerId,
    limit: z.number().int().min(1).max(500).optional(),
    /** An entry id: the page holds entries older than it (keyset pagination). */
    before: z.number().int().positive().optional(),
  })
  .strict();

export const adjustInput = z
  .object({
    customerId,
    points: z
      .number()
      .int({ message: 'must be a whole number' })
      .refine((n) => n !== 0, { message: 'must not be zero' }),
    reason: z.string().trim().min(1, { message: 'is required' }).max(500),
    /** The named, active staff member making the change (the acting staff member in the UI). */
    staffId: z.number({ message: 'is required: choose who is making the change' }).int().positive(),
    /** Lets a retried request post once: the UI makes one per adjustment attempt. */
    idempotencyKey: z.string().min(1).max(200),
  })
  .strict();

export type AdjustInput = z.input<typeof adjustInput>;

/**
 * A bonus action: the points the program gives for it (settings.bonusActions),
 * once per event. signUp and firstOrder: once per customer; birthday: once per
 * customer per calendar year (of `at`, or now); review, referral and
 * socialShare: once per reference (the review, referral or share id).
 */
export const bonusInput = z
  .object({
    customerId,
    action: z.enum(BONUS_ACTIONS),
    /** Required for review, referral and socialShare; ignored for the others. */
    reference: z.string().trim().min(1).max(200).optional(),
    staffId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((b) => !['review', 'referral', 'socialShare'].includes(b.action) || b.reference !== undefined, {
    message: 'is required for this action (the review, referral or share it is for)',
    path: ['reference'],
  });

export type BonusInput = z.input<typeof bonusInput>;

export const tierQuery = z.object({ customerId }).strict();

export interface PointsBalance {
  customerId: number;
  /** The moment the figures are for (UTC ISO-8601). */
  at: string;
  /** Spendable now. */
  approved: number;
  /** Earned but not yet spendable (an order's pending period). */
  pending: number;
  /** Points refunds took back after they were spent; future earning repays this first. */
  debt: number;
  /** Approved or pending points expiring within 30, 60 and 90 days (each includes the shorter). */
  expiringSoon: { days30: number; days60: number; days90: number };
}

export interface LedgerEntryView {
  id: number;
  type: LedgerEntryKind;
  points: number;
  orderId: number | null;
  reason: string | null;
  staffId: number | null;
  availableAt: string;
  expiresAt: string | null;
  createdAt: string;
  /** Points the customer held (approved, pending or awaiting expiry) after this entry. */
  balanceAfter: number;
  /** Debt after this entry. */
  debtAfter: number;
}

export interface PointsHistory {
  customerId: number;
  /** Newest first. */
  entries: LedgerEntryView[];
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: number | null;
}

export interface LedgerPostingResult {
  entry: LedgerEntryView;
  /** True when the idempotency key had already posted this event: nothing new was written. */
  replayed: boolean;
  balance: PointsBalance;
}

/** A redemption: the redeem entry and balance as for any posting, and the coupon it issued. */
export interface RedemptionResult extends LedgerPostingResult {
  coupon: CouponView;
}

export const loyaltyOperations = {
  'loyalty.balance': operation<PointsBalance>()(
    balanceQuery,
    "A customer's approved, pending and owed points, and what expires soon",
  ),
  'loyalty.history': operation<PointsHistory>()(
    historyQuery,
    "A customer's ledger entries, newest first, with the balance after each",
  ),
  'loyalty.adjust': operation<LedgerPostingResult>()(
    adjustInput,
    'Give or take points by hand, with a reason, by a named staff member (audited)',
  ),
  'loyalty.bonus': operation<LedgerPostingResult>()(
    bonusInput,
    'Give the points of a bonus action once (sign-up, first order, review, birthday, referral, social share)',
  ),
  'loyalty.redeem': operation<RedemptionResult>()(
    redeemInput,
    'Redeem a reward: spend its points (oldest-expiring first) and issue a coupon',
  ),
  'loyalty.coupons': operation<CouponsList>()(couponsQuery, "A customer's coupons, newest first"),
  'loyalty.rewards.list': operation<RewardsList>()(rewardsListQuery, 'The rewards catalog, active ones unless asked'),
  'loyalty.rewards.save': operation<RewardView>()(rewardSaveInput, 'Create or update a reward; returns it as saved'),
  'loyalty.rewards.archive': operation<RewardView>()(
    rewardArchiveInput,
    'Take a reward out of the catalog (issued coupons stay valid)',
  ),
  'loyalty.tier': operation<TierStatus | null>()(
    tierQuery,
    "A customer's tier, progress and what is needed to reach the next or keep it; null without tiers",
  ),
  'loyalty.liability': operation<LiabilityReport>()(
    liabilityQuery,
    'Outstanding points, their value, expected redemption rate and what expires by month',
  ),
  'loyalty.expiring': operation<ExpiringList>()(
    expiringQuery,
    'Customers with points expiring within 30, 60 or 90 days, soonest first',
  ),
  'loyalty.settings.get': operation<LoyaltySettings>()(
    empty,
    'The loyalty program: earning rules, bonus actions, point value and tiers',
  ),
  // Takes the whole program, not a patch: the tier rules span fields, so the
  // form sends what the merchant sees and is checked as one.
  'loyalty.settings.update': operation<LoyaltySettings>()(
    loyaltySettingsSchema,
    'Replace the loyalty program settings; returns what was saved',
  ),
  ...loyaltyMaintenanceOperations,
} as const;
