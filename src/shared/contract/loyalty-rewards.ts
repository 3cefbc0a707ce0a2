import { z } from 'zod';

/**
 * The rewards catalog and the coupons a redemption creates. A reward is what
 * the merchant offers for points; redeeming it spends the points (ledger entry)
 * and issues a coupon with a code the customer types at checkout.
 */
export const REWARD_KINDS = ['fixed_amount', 'percent', 'free_shipping', 'gift_product'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

export const COUPON_STATUSES = ['issued', 'used', 'void'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

const id = z.number().int().positive();
const minorUnits = z
  .number()
  .int({ message: 'must be a whole number of minor units (cents)' })
  .min(0, { message: 'must not be negative' });

/**
 * One reward as the catalog form sends it. Which value fields apply depends on
 * the kind: fixed_amount needs valueMinor, percent needs percent, gift_product
 * needs productId, free_shipping needs none; the others must be null.
 */
export const rewardSaveInput = z
  .object({
    /** Absent: a new reward. */
    id: id.optional(),
    name: z.string().trim().min(1, { message: 'is required' }).max(80, { message: 'must be at most 80 characters' }),
    kind: z.enum(REWARD_KINDS),
    pointsCost: z
      .number()
      .int({ message: 'must be a whole number of points' })
      .gt(0, { message: 'must be greater than 0' })
      .max(10_000_000, { message: 'must be at most 10000000' }),
    /** fixed_amount: the discount in minor units. */
    valueMinor: minorUnits.gt(0, { message: 'must be greater than 0' }).nullable().default(null),
    /** percent: 1 to 100, whole percent. */
    percent: z
      .number()
      .int({ message: 'must be a whole percentage' })
      .min(1, { message: 'must be at least 1' })
      .max(100, { message: 'must be at most 100' })
      .nullable()
      .default(null),
    /** gift_product: the product given. */
    productId: id.nullable().default(null),
    /** The smallest order (minor units) the coupon applies to; 0: any order. */
    minOrderMinor: minorUnits.default(0),
    /** How many times one customer may redeem it; null: no limit. */
    limitPerCustomer: z
      .number()
      .int({ message: 'must be a whole number' })
      .min(1, { message: 'must be at least 1, or empty for no limit' })
      .nullable()
      .default(null),
    active: z.boolean().default(true),
  })
  .strict()
  .superRefine((reward, ctx) => {
    const need = (field: 'valueMinor' | 'percent' | 'productId', message: string) => {
      if (reward[field] === null) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    const forbid = (field: 'valueMinor' | 'percent' | 'productId') => {
      if (reward[field] !== null) {
        ctx.addIssue({ code: 'custom', path: [field], message: `must be empty for a ${reward.kind} reward` });
      }
    };
    if (reward.kind === 'fixed_amount') need('valueMinor', 'is required for a fixed-amount reward');
    else forbid('valueMinor');
    if (reward.kind === 'percent') need('percent', 'is required for a percent reward');
    else forbid('percent');
    if (reward.kind === 'gift_product') need('productId', 'is required for a gift product reward');
    else forbid('productId');
  });

export type RewardSaveInput = z.input<typeof rewardSaveInput>;

export const rewardsListQuery = z.object({ includeInactive: z.boolean().optional() }).strict();
export const rewardArchiveInput = z.object({ id }).strict();

export interface RewardView {
  id: number;
  name: string;
  kind: RewardKind;
  pointsCost: number;
  valueMinor: number | null;
  percent: number | null;
  productId: number | null;
  /** The gift product's title, for display; null for other kinds. */
  productTitle: string | null;
  minOrderMinor: number;
  limitPerCustomer: number | null;
  active: boolean;
  /** Coupons issued for it so far (all customers, void ones excluded). */
  issuedCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface RewardsList {
  rewards: RewardView[];
}

export const redeemInput = z
  .object({
    customerId: id,
    rewardId: id,
    /** Lets a retried request redeem once: the UI makes one per redemption attempt. */
    idempotencyKey: z.string().min(1).max(200),
    staffId: id.optional(),
  })
  .strict();

export type RedeemInput = z.input<typeof redeemInput>;

export interface CouponView {
  id: number;
  /** What the customer types at checkout, e.g. BR-7KQ2-MX9D. */
  code: string;
  customerId: number;
  rewardId: number;
  rewardName: string;
  /** The redeem entry in the points ledger that paid for it. */
  ledgerEntryId: number;
  /** Points it cost (positive). */
  pointsSpent: number;
  storeId: number;
  kind: RewardKind;
  valueMinor: number | null;
  percent: number | null;
  productId: number | null;
  minOrderMinor: number;
  status: CouponStatus;
  issuedAt: string;
  /** True when the coupon was queued for a connected store; false when it stays local (demo or CSV store). */
  queuedForStore: boolean;
}

export const couponsQuery = z.object({ customerId: id }).strict();

export interface CouponsList {
  customerId: number;
  /** Newest first. */
  coupons: CouponView[];
}
