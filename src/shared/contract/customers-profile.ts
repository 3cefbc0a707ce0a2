import type { CustomerSegment } from './customers';
import type { TierStatus } from './loyalty-tiers';

/** What `customers.get` and `customers.timeline` answer: the 360° profile and its timeline. */

export interface RfmScores {
  /** 1–5 each; 5 is best (most recent, most frequent, highest spend). */
  r: number;
  f: number;
  m: number;
  segment: CustomerSegment;
  recencyDays: number;
  computedAt: string;
}

/**
 * When the next order is likely: the last order plus the median gap between
 * this customer's orders, give or take the interquartile range of the gaps.
 * Null with fewer than two orders.
 */
export interface NextPurchaseWindow {
  expectedAt: string;
  earliestAt: string;
  latestAt: string;
  medianGapDays: number;
  /** How many gaps it is based on (orders − 1). */
  basedOnGaps: number;
}

export interface CustomerOrderSummary {
  id: number;
  orderNumber: string;
  placedAt: string;
  status: string;
  financialStatus: string;
  fulfillmentStatus: string;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
}

export type CustomerTimelineItem =
  | { kind: 'order'; id: number; at: string; orderNumber: string; status: string; financialStatus: string;
      currency: string; totalMinor: number; refundedMinor: number }
  | { kind: 'ticket'; id: number; at: string; subject: string; status: string; channel: string; priority: string;
      orderId: number | null }
  | { kind: 'return'; id: number; at: string; rmaNumber: string; status: string; reason: string;
      refundMinor: number | null; currency: string; orderId: number }
  | { kind: 'feedback'; id: number; at: string; source: string; rating: number | null; title: string | null;
      body: string | null; orderId: number | null }
  | { kind: 'points'; id: number; at: string; entryType: string; points: number; orderId: number | null;
      reason: string | null;
      /** Moved in or out by a customer merge (a transfer, not an earning or a reversal). */
      viaMerge: boolean }
  | { kind: 'audit'; id: number; at: string; action: string; staff: { id: number; name: string } | null;
      detail: Record<string, unknown> };

export type CustomerTimelineKind = CustomerTimelineItem['kind'];

export interface CustomerTimelinePage {
  /** Newest first. */
  items: CustomerTimelineItem[];
  /** Pass as `before` to `customers.timeline` for older items; null when there are none. */
  nextBefore: string | null;
}

export interface CustomerPoints {
  approved: number;
  pending: number;
  debt: number;
  expiringSoon: { days30: number; days60: number; days90: number };
}

export interface CustomerProfile {
  id: number;
  storeId: number;
  storeName: string;
  externalId: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  birthday: string | null;
  consent: { marketing: boolean; personalization: boolean };
  remoteTags: string[];
  localTags: string[];
  localNote: string | null;
  createdAt: string;
  /** Customers merged into this one (hidden from lists, kept for history). */
  mergedFrom: { id: number; name: string | null; email: string | null; mergedAt: string }[];
  /** Set when this customer was merged into another: the profile is read-only history. */
  mergedIntoId: number | null;
  /** Live figures over orders not cancelled, voided or failed. */
  figures: {
    ordersCount: number;
    currency: string;
    lifetimeSpendMinor: number;
    averageOrderValueMinor: number | null;
    firstOrderAt: string | null;
    lastOrderAt: string | null;
  };
  nextPurchase: NextPurchaseWindow | null;
  rfm: RfmScores | null;
  points: CustomerPoints;
  /** Null when the program has no tiers. */
  tier: TierStatus | null;
  /** The 20 newest orders. */
  recentOrders: CustomerOrderSummary[];
  /** The newest timeline items; more through `customers.timeline` with `nextBefore`. */
  timeline: CustomerTimelinePage;
}

