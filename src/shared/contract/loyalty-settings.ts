import { z } from 'zod';

/**
 * The merchant's loyalty program: how orders earn, what bonus actions give,
 * what a point is worth and the membership tiers. Stored whole, as one JSON
 * value, and always validated by this schema, both when the merchant saves it
 * and when it is read back (see domain/loyalty/settings.ts).
 *
 * The rewards catalog is not a setting: it is a table of its own (loyalty-rewards.ts).
 * Fields added after the first version (pendingMode, expiryMode, campaigns...)
 * carry defaults, so a program saved by an older version still reads.
 */

export const EARNING_BASES = ['subtotalAfterDiscounts', 'total'] as const;
export type EarningBasis = (typeof EARNING_BASES)[number];
export const TIER_BASES = ['points', 'spend'] as const;
export const TIER_PERIODS = ['rolling12Months', 'calendarYear', 'lifetime'] as const;
export const MAX_TIERS = 10;
export const MAX_CAMPAIGNS = 50;
/** When an order's points become spendable: N days after it is placed, or after delivery plus the return window. */
export const PENDING_MODES = ['days', 'deliveryPlusReturnWindow'] as const;
export type PendingMode = (typeof PENDING_MODES)[number];
/** When points expire: each earning lot after its lifetime, or all of them after months without activity. */
export const EXPIRY_MODES = ['lotLifetime', 'inactivity'] as const;
export type ExpiryMode = (typeof EXPIRY_MODES)[number];
/**
 * The eight RFM segments (customers area, table customer_rfm.segment holds one
 * of these ids). A campaign may target one of them.
 */
export const RFM_SEGMENTS = [
  'champions', 'loyal', 'potential', 'new', 'atRisk', 'cantLose', 'hibernating', 'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** Rates are typed by people, in hundredths at most; exact in integer hundredths (see pointsForOrder). */
const hasAtMostTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
const twoDecimals = { message: 'must have at most 2 decimal places' };

const wholePoints = z
  .number()
  .int({ message: 'must be a whole number of points' })
  .min(0, { message: 'must not be negative' });

export const earningRulesSchema = z
  .object({
    pointsPerCurrencyUnit: z
      .number()
      .min(0, { message: 'must not be negative' })
      .max(1000, { message: 'must be at most 1000' })
      .refine(hasAtMostTwoDecimals, twoDecimals),
    /** subtotalAfterDiscounts leaves out shipping and tax; total is what the customer paid. */
    basis: z.enum(EARNING_BASES),
    pendingDays: z
      .number()
      .int({ message: 'must be a whole number of days' })
      .min(0, { message: 'must not be negative' })
      .max(365, { message: 'must be at most 365 days' }),
    /** Calendar months after the order until its points expire; null: they never do. */
    lotLifetimeMonths: z
      .number()
      .int({ message: 'must be a whole number of months' })
      .min(1, { message: 'must be at least 1 month, or empty for never' })
      .max(120, { message: 'must be at most 120 months' })
      .nullable(),
    /** days: pendingDays after the order; deliveryPlusReturnWindow: returnWindowDays after its delivery. */
    pendingMode: z.enum(PENDING_MODES).default('days'),
    returnWindowDays: z
      .number()
      .int({ message: 'must be a whole number of days' })
      .min(0, { message: 'must not be negative' })
      .max(365, { message: 'must be at most 365 days' })
      .default(30),
    /** lotLifetime: each lot after lotLifetimeMonths; inactivity: everything after inactivityMonths without activity. */
    expiryMode: z.enum(EXPIRY_MODES).default('lotLifetime'),
    inactivityMonths: z
      .number()
      .int({ message: 'must be a whole number of months' })
      .min(1, { message: 'must be at least 1 month' })
      .max(120, { message: 'must be at most 120 months' })
      .default(12),
  })
  .strict();

export const BONUS_ACTIONS = ['signUp', 'firstOrder', 'review', 'birthday', 'referral', 'socialShare'] as const;
export type BonusAction = (typeof BONUS_ACTIONS)[number];

export const bonusActionsSchema = z
  .object({
    signUp: wholePoints,
    firstOrder: wholePoints,
    review: wholePoints,
    birthday: wholePoints,
    referral: wholePoints,
    socialShare: wholePoints,
  })
  .strict();

export const tierSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a slug of lower-case letters, digits and dashes' })
      .max(40, { message: 'must be at most 40 characters' }),
    name: z
      .string()
      .trim()
      .min(1, { message: 'is required' })
      .max(40, { message: 'must be at most 40 characters' }),
    /** Points or money (minor units) in the tier period, per tierBasis, from which the tier applies. */
    threshold: z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }),
    multiplier: z
      .number()
      .min(1, { message: 'must be at least 1' })
      .max(10, { message: 'must be at most 10' })
      .refine(hasAtMostTwoDecimals, twoDecimals),
    benefits: z.string().trim().max(500, { message: 'must be at most 500 characters' }),
  })
  .strict();

export type LoyaltyTier = z.output<typeof tierSchema>;

/** Date strings YYYY-MM-DD compare as dates; a bad one is reported by the field itself. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a calendar date written YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: 'must be a real calendar date',
  });

/**
 * A points multiplier for orders placed between two dates (both inclusive, UTC),
 * for everyone or one RFM segment. Campaigns may overlap: an order gets the best one.
 */
export const campaignSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a slug of lower-case letters, digits and dashes' })
      .max(40, { message: 'must be at most 40 characters' }),
    name: z
      .string()
      .trim()
      .min(1, { message: 'is required' })
      .max(80, { message: 'must be at most 80 characters' }),
    multiplier: z
      .number()
      .min(1, { message: 'must be at least 1' })
      .max(10, { message: 'must be at most 10' })
      .refine(hasAtMostTwoDecimals, twoDecimals),
    startsOn: calendarDate,
    endsOn: calendarDate,
    /** null: every customer; otherwise only customers in this RFM segment. */
    segment: z.enum(RFM_SEGMENTS).nullable(),
  })
  .strict();

export type LoyaltyCampaign = z.output<typeof campaignSchema>;

function checkCampaigns(campaigns: readonly LoyaltyCampaign[], ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  campaigns.forEach((campaign, index) => {
    if (campaign.endsOn < campaign.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['campaigns', index, 'endsOn'],
        message: `must not be before the start date (${campaign.startsOn})` });
    }
    if (ids.has(campaign.id)) {
      ctx.addIssue({ code: 'custom', path: ['campaigns', index, 'id'],
        message: `"${campaign.id}" is already used by another campaign` });
    }
    ids.add(campaign.id);
  });
}

/**
 * Tiers form one ladder: the first starts at 0 so every customer has a tier,
 * each next one starts strictly higher (no overlap, no two at the same
 * threshold), and ids and names are unique so history and the UI can name them.
 */
function checkTierLadder(tiers: readonly LoyaltyTier[], ctx: z.RefinementCtx): void {
  const issue = (index: number, field: keyof LoyaltyTier, message: string) =>
    ctx.addIssue({ code: 'custom', path: ['tiers', index, field], message });
  if (tiers[0] && tiers[0].threshold !== 0) {
    issue(0, 'threshold', 'must be 0 for the first tier, so that every customer has a tier');
  }
  const ids = new Set<string>();
  const names = new Set<string>();
  tiers.forEach((tier, index) => {
    const previous = tiers[index - 1];
    if (previous && tier.threshold <= previous.threshold) {
      issue(index, 'threshold', `must be greater than the previous tier's threshold (${previous.threshold})`);
    }
    if (ids.has(tier.id)) issue(index, 'id', `"${tier.id}" is already used by another tier`);
    const name = tier.name.toLocaleLowerCase();
    if (names.has(name)) issue(index, 'name', `"${tier.name}" is already used by another tier`);
    ids.add(tier.id);
    names.add(name);
  });
}

export const loyaltySettingsSchema = z
  .object({
    enabled: z.boolean(),
    earning: earningRulesSchema,
    bonusActions: bonusActionsSchema,
    /** What one point is worth, in minor units of the store currency (1 = one cent). */
    pointValueMinor: z
      .number()
      .gt(0, { message: 'must be greater than 0' })
      .max(1_000_000, { message: 'must be at most 1000000' }),
    tiers: z.array(tierSchema).max(MAX_TIERS, { message: `must hold at most ${MAX_TIERS} tiers` }),
    tierBasis: z.enum(TIER_BASES),
    tierPeriod: z.enum(TIER_PERIODS),
    campaigns: z
      .array(campaignSchema)
      .max(MAX_CAMPAIGNS, { message: `must hold at most ${MAX_CAMPAIGNS} campaigns` })
      .default([]),
  })
  .strict()
  .superRefine((settings, ctx) => {
    checkTierLadder(settings.tiers, ctx);
    checkCampaigns(settings.campaigns, ctx);
  });

export type LoyaltySettings = z.output<typeof loyaltySettingsSchema>;
/** What a form may send: the fields added later may be left out (they take their defaults). */
export type LoyaltySettingsInput = z.input<typeof loyaltySettingsSchema>;

/**
 * The program before the merchant changes anything: one point per currency
 * unit of the subtotal after discounts, pending 14 days, expiring after 12
 * months; no bonus points, tiers or campaigns until the merchant sets them.
 */
export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettings = {
  enabled: true,
  earning: {
    pointsPerCurrencyUnit: 1,
    basis: 'subtotalAfterDiscounts',
    pendingDays: 14,
    lotLifetimeMonths: 12,
    pendingMode: 'days',
    returnWindowDays: 30,
    expiryMode: 'lotLifetime',
    inactivityMonths: 12,
  },
  bonusActions: { signUp: 0, firstOrder: 0, review: 0, birthday: 0, referral: 0, socialShare: 0 },
  pointValueMinor: 1,
  tiers: [],
  tierBasis: 'points',
  tierPeriod: 'rolling12Months',
  campaigns: [],
};
