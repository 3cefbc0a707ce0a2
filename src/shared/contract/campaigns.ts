import { z } from 'zod';
import { operation } from './operation';
import { CUSTOMER_SEGMENTS, type CustomerSegment } from './customers';
import { isoDate, storeId } from './common';

/**
 * Campaigns: activities that bring members back (points multipliers and
 * bonuses, coupon drops, check-in streaks, lucky draws, member-only prices),
 * each measured against a random, stable holdout that gets nothing.
 */
export const CAMPAIGN_GOALS = ['reactivate', 'upsell', 'reward'] as const;
export type CampaignGoal = (typeof CAMPAIGN_GOALS)[number];

/** draft → launched (audience frozen, rewards posted) or cancelled; "running"/"ended" are read from the window. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'ended', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const id = z.number().int().positive();
const staffId = z.number().int().positive();
const name = z.string().trim().min(1, { message: 'is required' }).max(80, { message: 'must be at most 80 characters' });
/** An instant, ISO-8601 with a zone (the UI sends UTC). */
const instant = z.string().datetime({ offset: true, message: 'must be a date and time such as 2026-12-01T00:00:00Z' });
const points = z.number().int().min(1, { message: 'must be at least 1 point' }).max(1_000_000, { message: 'must be at most 1,000,000 points' });

/** Who a campaign is for. Customers without marketing consent are always left out, and counted. */
export const campaignAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), segments: z.array(z.enum(CUSTOMER_SEGMENTS)).min(1, { message: 'pick at least one segment' }).max(8) }).strict(),
  z.object({ kind: z.literal('tier'), tierIds: z.array(z.string().trim().min(1).max(40)).min(1, { message: 'pick at least one tier' }).max(20) }).strict(),
  z.object({ kind: z.literal('tag'), tags: z.array(z.string().trim().min(1).max(60)).min(1, { message: 'name at least one tag' }).max(20) }).strict(),
  z.object({ kind: z.literal('group'), groupId: id }).strict(),
  /** An uploaded list: customer ids, emails or phone numbers, one per entry. */
  z.object({ kind: z.literal('list'), entries: z.array(z.string().trim().min(1).max(200)).min(1, { message: 'the list is empty' }).max(200_000) }).strict(),
]);
export type CampaignAudience = z.output<typeof campaignAudience>;

const couponKind = z.enum(['fixed_amount', 'percent', 'free_shipping']);

/** What a campaign gives the treatment arm. */
export const campaignMechanic = z.discriminatedUnion('kind', [
  /** Extra points on orders placed in the window: earned × (multiplier − 1), one posting per order. */
  z.object({ kind: z.literal('multiplier'), multiplier: z.number().min(1.1, { message: 'must be at least 1.1' }).max(10, { message: 'must be at most 10' }) }).strict(),
  /** A one-off bonus for every treatment member at launch. */
  z.object({ kind: z.literal('bonus'), points }).strict(),
  /** A unique single-use code per treatment member, queued for their store. */
  z.object({
    kind: z.literal('coupon'), couponKind,
    valueMinor: z.number().int().positive().nullable(),
    percent: z.number().gt(0).max(100).nullable(),
    minOrderMinor: z.number().int().min(0).default(0),
    /** Days the code stays valid after launch; null = until the campaign ends. */
    validDays: z.number().int().min(1).max(365).nullable(),
  }).strict()
    .refine((m) => m.couponKind !== 'fixed_amount' || m.valueMinor !== null, { message: 'a fixed-amount coupon needs its amount', path: ['valueMinor'] })
    .refine((m) => m.couponKind !== 'percent' || m.percent !== null, { message: 'a percent coupon needs its percent', path: ['percent'] }),
  /** Points for N consecutive days (or weeks) with activity (a check-in or an order) in the window. */
  z.object({ kind: z.literal('streak'), unit: z.enum(['day', 'week']), length: z.number().int().min(2).max(60), points, repeatable: z.boolean().default(false) }).strict(),
  /** A lucky draw among the treatment arm; run with draws.run. */
  z.object({ kind: z.literal('draw'), winners: z.number().int().min(1).max(1000), weighting: z.enum(['none', 'tier', 'points']),
    prize: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('points'), points }).strict(),
      z.object({ kind: z.literal('coupon'), couponKind, valueMinor: z.number().int().positive().nullable(), percent: z.number().gt(0).max(100).nullable() }).strict(),
    ]) }).strict(),
  /** Member-only prices for a flash sale (exported for the marketplace). */
  z.object({ kind: z.literal('priceList'), prices: z.array(z.object({ productId: id, priceMinor: z.number().int().min(0) }).strict()).min(1, { message: 'add at least one product' }).max(5000) }).strict(),
]);
export type CampaignMechanic = z.output<typeof campaignMechanic>;

const campaignFields = {
  name,
  goal: z.enum(CAMPAIGN_GOALS),
  storeId: storeId.nullable().default(null),
  startsAt: instant,
  endsAt: instant,
  audience: campaignAudience,
  /** Share of the audience kept as a control group that gets nothing (0–50 %). */
  holdoutPercent: z.number().min(0).max(50, { message: 'must be at most 50 %' }),
  mechanics: z.array(campaignMechanic).min(1, { message: 'add at least one mechanic' }).max(6),
  note: z.string().trim().max(2000).nullable().default(null),
};

const windowInOrder = (c: { startsAt: string; endsAt: string }) => Date.parse(c.startsAt) < Date.parse(c.endsAt);
const windowMessage = { message: 'the campaign must end after it starts', path: ['endsAt'] };

export const campaignCreateInput = z.object({ ...campaignFields, staffId }).strict().refine(windowInOrder, windowMessage);
/** Only a draft can be edited; version guards against two people editing at once. */
export const campaignUpdateInput = z.object({ id, version: z.number().int().positive(), ...campaignFields, staffId }).strict().refine(windowInOrder, windowMessage);
export const campaignIdInput = z.object({ id }).strict();
/** launchKey: the same key from a retried request answers the first launch. */
export const campaignLaunchInput = z.object({ id, staffId, launchKey: z.string().trim().min(8).max(100) }).strict();
export const campaignsListInput = z.object({
  status: z.array(z.enum(CAMPAIGN_STATUSES)).max(5).optional(),
  search: z.string().trim().max(100).optional(),
}).strict();
/** What the audience would be right now (before launch): counts and a sample. */
export const audiencePreviewInput = z.object({ audience: campaignAudience, holdoutPercent: z.number().min(0).max(50), storeId: storeId.nullable().default(null) }).strict();
export const campaignReportInput = z.object({ id, confidence: z.union([z.literal(0.9), z.literal(0.95), z.literal(0.99)]).default(0.95) }).strict();
export const checkinInput = z.object({ campaignId: id, customerId: id, day: isoDate, staffId }).strict();
export const calendarInput = z.object({ from: isoDate, to: isoDate }).strict().refine((r) => r.from <= r.to, { message: 'the start date must not be after the end date', path: ['from'] });

export const drawRunInput = z.object({
  campaignId: id, staffId,
  /** Optional seed (e.g. announced beforehand); a random one is made and kept otherwise. */
  seed: z.string().trim().min(1).max(200).optional(),
  runKey: z.string().trim().min(8).max(100),
}).strict();
/** Re-run a saved draw from its seed and entrant list; optionally compare against the entrants as they would be today. */
export const drawVerifyInput = z.object({ drawId: id }).strict();
export const drawsListInput = z.object({ campaignId: id }).strict();

export interface CampaignSummary {
  id: number;
  name: string;
  goal: CampaignGoal;
  status: CampaignStatus;
  storeId: number | null;
  startsAt: string;
  endsAt: string;
  holdoutPercent: number;
  mechanicKinds: CampaignMechanic['kind'][];
  /** Frozen at launch; null for drafts. */
  audienceCount: number | null;
  treatmentCount: number | null;
  holdoutCount: number | null;
  excludedNoConsent: number | null;
  launchedAt: string | null;
  version: number;
}
export interface CampaignList { campaigns: CampaignSummary[] }

export interface CampaignDetail extends CampaignSummary {
  audience: CampaignAudience;
  mechanics: CampaignMechanic[];
  note: string | null;
  createdAt: string;
  updatedAt: string;
  launchedBy: string | null;
  /** Points posted, coupons issued, check-ins recorded so far. */
  delivered: { pointsPosted: number; postings: number; couponsIssued: number; couponsQueued: number; checkins: number };
}

export interface AudiencePreview {
  /** Customers matching the audience, consent or not. */
  matched: number;
  excludedNoConsent: number;
  eligible: number;
  expectedHoldout: number;
  /** List entries that matched no customer (uploaded lists only), first 20. */
  unmatchedEntries: string[];
  unmatchedCount: number;
  sample: { customerId: number; name: string | null; email: string | null }[];
}

export interface LaunchResult {
  campaign: CampaignDetail;
  /** False when this launch had already happened (a retry or a second click): nothing was posted again. */
  launchedNow: boolean;
  treatment: number;
  holdout: number;
  pointsPosted: number;
  couponsIssued: number;
}

/** A difference between the arms with its confidence interval (treatment − holdout). */
export interface ArmComparison {
  metric: 'repeatRate' | 'revenuePerCustomer' | 'ordersPerCustomer';
  treatment: number;
  holdout: number;
  difference: number;
  low: number;
  high: number;
  /** True when the interval excludes zero. */
  significant: boolean;
}

export interface CampaignReport {
  campaignId: number;
  /** The window measured: launch (or start) to the end or now, whichever is first. */
  measuredFrom: string;
  measuredTo: string;
  confidence: number;
  currency: string;
  arms: { arm: 'treatment' | 'holdout'; customers: number; buyers: number; orders: number; revenueMinor: number }[];
  comparisons: ArmComparison[];
  /** Revenue per treatment customer above the holdout's, times the treatment size. */
  incrementalRevenueMinor: number;
  /**
   * pointsPosted: everything the campaign's keys posted; pointsTakenBack: its extra points on orders that refunds
   * reversed since; pointsValueMinor values the difference.
   */
  cost: {
    pointsPosted: number; pointsTakenBack: number; pointsValueMinor: number; couponsIssued: number; couponsUsed: number;
    couponDiscountMinor: number; totalMinor: number;
  };
  /** (incremental revenue − cost) / cost; null when nothing was spent. */
  roi: number | null;
  /** Cumulative share of each arm that bought, per day of the window. */
  series: { day: string; treatmentRepeatRate: number; holdoutRepeatRate: number; treatmentRevenuePerCustomer: number; holdoutRevenuePerCustomer: number }[];
  /** Sentences: too small to tell, holdout 0 %, still running, ... */
  caveats: string[];
}

export interface DrawEntrant { customerId: number; weight: number }
export interface DrawView {
  id: number;
  campaignId: number;
  name: string;
  weighting: 'none' | 'tier' | 'points';
  seed: string;
  entrantsCount: number;
  /** SHA-256 of the canonical entrant list: what anyone can check. */
  entrantsHash: string;
  winners: { customerId: number; name: string | null; rank: number; prize: string }[];
  runAt: string;
  runBy: string | null;
}
export interface DrawRunResult { draw: DrawView; ranNow: boolean }
export interface DrawVerification {
  drawId: number;
  /** The saved entrants' hash still matches the saved list. */
  entrantsIntact: boolean;
  /** Re-running from the seed and saved list picks the same winners in the same order. */
  sameWinners: boolean;
  /** The entrants as the campaign would give them today differ from the saved list (added / removed / weight changed). */
  entrantsChangedSince: { added: number; removed: number; reweighted: number };
  message: string;
}

export interface CalendarItem {
  kind: 'campaign' | 'couponExpiry' | 'pointsExpiry';
  /** YYYY-MM-DD (campaigns: first day). */
  day: string;
  endDay: string | null;
  title: string;
  campaignId: number | null;
  /** Coupons expiring / points expiring that day; campaigns: audience. */
  count: number;
  points: number | null;
}
export interface CampaignCalendar { from: string; to: string; items: CalendarItem[] }

export interface CampaignCouponsExport { filename: string; csv: string; rows: number }
export interface PriceListExport { filename: string; csv: string; rows: number }

export const campaignsOperations = {
  'campaigns.list': operation<CampaignList>()(campaignsListInput, 'Campaigns, newest first, with status and audience counts'),
  'campaigns.get': operation<CampaignDetail>()(campaignIdInput, 'One campaign whole'),
  'campaigns.create': operation<CampaignDetail>()(campaignCreateInput, 'Create a draft campaign'),
  'campaigns.update': operation<CampaignDetail>()(campaignUpdateInput, 'Edit a draft campaign (version-checked)'),
  'campaigns.cancel': operation<CampaignDetail>()(z.object({ id, staffId }).strict(), 'Cancel a draft, or stop a launched campaign early (what was posted stays)'),
  'campaigns.audience.preview': operation<AudiencePreview>()(audiencePreviewInput, 'Who the audience would be now: matched, excluded for consent, holdout'),
  'campaigns.launch': operation<LaunchResult>()(campaignLaunchInput, 'Freeze the audience, split the holdout, post the rewards; once'),
  'campaigns.report': operation<CampaignReport>()(campaignReportInput, 'Treatment against holdout: repeat rate, revenue, orders, cost and ROI'),
  'campaigns.checkin': operation<{ recorded: boolean; streakPoints: number }>()(checkinInput, "Record a member's check-in for a streak campaign"),
  'campaigns.coupons.export': operation<CampaignCouponsExport>()(campaignIdInput, "The campaign's coupon codes as CSV"),
  'campaigns.prices.export': operation<PriceListExport>()(campaignIdInput, "The campaign's member-only price list as CSV for the marketplace"),
  'campaigns.calendar': operation<CampaignCalendar>()(calendarInput, 'Campaigns, coupon expiry waves and points expiry waves between two dates'),
  'draws.list': operation<{ draws: DrawView[] }>()(drawsListInput, "A campaign's draws"),
  'draws.run': operation<DrawRunResult>()(drawRunInput, 'Run the lucky draw from a kept seed and entrant list; prizes posted once'),
  'draws.verify': operation<DrawVerification>()(drawVerifyInput, 'Re-run a draw from its seed and saved entrants and compare'),
} as const;

export type { CustomerSegment };
