import { z } from 'zod';

/** Program-wide loyalty reports: the points liability and who has points expiring soon. */

export const liabilityQuery = z
  .object({
    /** The moment the figures are for (UTC ISO-8601); now when absent. */
    at: z.iso.datetime({ message: 'must be a UTC date and time such as 2026-05-01T00:00:00Z' }).optional(),
  })
  .strict();

export interface LiabilityMonth {
  /** YYYY-MM (UTC). */
  month: string;
  /** Approved or pending points that expire in this month unless spent first. */
  points: number;
  /** Those points at the point value, in minor units. */
  valueMinor: number;
  /** Points expiring from the report date up to the end of this month (for a cumulative chart). */
  cumulativePoints: number;
}

export interface LiabilityReport {
  at: string;
  /** Spendable points all customers hold. */
  approvedPoints: number;
  /** Earned but still pending points. */
  pendingPoints: number;
  /** Points refunds took back after they were spent, owed by customers (not a liability). */
  debtPoints: number;
  /** Customers holding approved or pending points. */
  customersWithPoints: number;
  /** What one point is worth, in minor units of the store currency (settings). */
  pointValueMinor: number;
  /** The currency of the first store; null when there is no store yet. */
  currency: string | null;
  /** Share (0..1) of points expected to be redeemed rather than expire. */
  redemptionRate: number;
  /**
   * history: redeemed / (redeemed + expired) over the 12 months before `at`;
   * fallback: no redemption or expiry in that window, so every point is assumed
   * to be redeemed (rate 1), the prudent figure for a liability.
   */
  redemptionRateSource: 'history' | 'fallback';
  redeemedPoints12Months: number;
  expiredPoints12Months: number;
  /** (approved + pending) × point value: what the points would cost if all were redeemed. */
  faceValueMinor: number;
  /** (approved + pending) × redemption rate × point value, rounded to the minor unit. */
  liabilityMinor: number;
  /** The next 12 calendar months, the current one first (a series for the chart). */
  expiringByMonth: LiabilityMonth[];
  /** Held points with no expiry date (lots without lifetime). */
  neverExpiringPoints: number;
}

export const EXPIRING_WINDOWS = [30, 60, 90] as const;

export const expiringQuery = z
  .object({
    days: z.union([z.literal(30), z.literal(60), z.literal(90)], { message: 'must be 30, 60 or 90 days' }),
    limit: z.number().int().min(1).max(500).default(50),
    /** The nextCursor of the previous page. */
    cursor: z.string().min(1).max(200).optional(),
  })
  .strict();

export interface ExpiringCustomer {
  customerId: number;
  name: string | null;
  email: string | null;
  /** Approved or pending points expiring within the window. */
  points: number;
  /** When the first of them expires (UTC ISO-8601). */
  firstExpiry: string;
}

export interface ExpiringList {
  days: number;
  at: string;
  /** Soonest first expiry first, then customer id. */
  customers: ExpiringCustomer[];
  /** Pass as cursor for the next page; null on the last page. */
  nextCursor: string | null;
}
