import { z } from 'zod';
import { empty, storeId } from './common';
import { operation } from './operation';
import type { CustomerProfile, CustomerTimelinePage } from './customers-profile';

export * from './customers-profile';

/** Customers: the list, the 360° profile, RFM segments, duplicates and merges. */

/**
 * The eight RFM segments, in the order the segments page shows them (best
 * first); the same ids as RFM_SEGMENTS (loyalty campaigns target them).
 */
export const CUSTOMER_SEGMENTS = [
  'champions', 'loyal', 'potential', 'new', 'atRisk', 'cantLose', 'hibernating', 'lost',
] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

export const CUSTOMER_SORT_KEYS = ['lastOrderAt', 'spend', 'orders', 'name'] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

const id = z.number().int().positive();
const moneyMinor = z.number().int().nonnegative();

export const customerFilter = z
  .object({
    /** A name prefix ("ava", "ava sm"), an email, or a phone number. */
    search: z.string().trim().min(1).max(100).optional(),
    segments: z.array(z.enum(CUSTOMER_SEGMENTS)).min(1).max(8).optional(),
    storeId: storeId.optional(),
    marketingConsent: z.boolean().optional(),
    minOrders: z.number().int().nonnegative().optional(),
    minSpendMinor: moneyMinor.optional(),
    /** A remote or local tag, exactly. */
    tag: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const customerSort = z
  .object({ by: z.enum(CUSTOMER_SORT_KEYS), direction: z.enum(['asc', 'desc']) })
  .strict();

export const customerListQuery = z
  .object({
    filter: customerFilter.optional(),
    sort: customerSort.default({ by: 'lastOrderAt', direction: 'desc' }),
    limit: z.number().int().min(1).max(200).default(50),
    /** Opaque: the `nextCursor` of the previous page, asked with the same filter and sort. */
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

export type CustomerFilter = z.input<typeof customerFilter>;
export type CustomerListQuery = z.input<typeof customerListQuery>;

export interface CustomerRow {
  id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  storeId: number;
  /** Orders that were not cancelled, voided or failed (as of the last RFM computation). */
  ordersCount: number;
  /** Total less refunds of those orders, in `currency` (the customer's store currency). */
  spendMinor: number;
  currency: string;
  lastOrderAt: string | null;
  /** Null for a customer without orders, or added since the last RFM computation. */
  segment: CustomerSegment | null;
  /**
   * Net points on the ledger (held less debt, pending included). Cheap; the
   * profile's `points` has the exact approved/pending split.
   */
  pointsNet: number;
}

export interface CustomerPage {
  rows: CustomerRow[];
  /** Null on the last page. */
  nextCursor: string | null;
  /** When the order figures and segments were computed; null before the first computation. */
  figuresComputedAt: string | null;
}

export const customerIdInput = z.object({ id }).strict();

export const customerTimelineQuery = z
  .object({
    customerId: id,
    limit: z.number().int().min(1).max(200).default(100),
    /** The `nextBefore` of the previous page. */
    before: z.string().min(1).max(200).optional(),
  })
  .strict();

export interface SegmentSummary {
  segment: CustomerSegment;
  customers: number;
  orders: number;
  revenueMinor: number;
  /** This segment's share of all customers' revenue, 0–1. */
  revenueShare: number;
  averageOrderValueMinor: number | null;
  /** Of these customers, how many had agreed to marketing when the figures were computed. */
  marketingConsent: number;
}

export interface SegmentList {
  /** Revenue figures are in this currency (customers of stores in other currencies are counted, not summed). */
  currency: string;
  segments: SegmentSummary[];
  /** Customers with no qualifying order: in no segment. */
  withoutOrders: number;
  totalCustomers: number;
  totalRevenueMinor: number;
  computedAt: string | null;
  /** How long the last full recompute took (for the next one's progress bar); null before the first. */
  lastRecomputeMs: number | null;
}

export const segmentsListInput = z.object({ storeId: storeId.optional() }).strict();

export const segmentExportInput = z
  .object({
    segment: z.enum(CUSTOMER_SEGMENTS),
    /** Campaigns need consent: by default only customers who agreed to marketing are exported. */
    onlyMarketingConsent: z.boolean().default(true),
    storeId: storeId.optional(),
    /** Rows per chunk (as orders.export). */
    pageSize: z.number().int().min(1).max(5_000).default(2_000),
    /** The `nextCursor` of the previous chunk. */
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

/** Concatenate the `csv` of every chunk in order to get the file (same shape as orders.export). */
export interface SegmentExportChunk {
  /** CSV text; the first chunk starts with the header line. Lines end with CRLF (RFC 4180). */
  csv: string;
  /** Data rows in this chunk. */
  rows: number;
  /** Null after the last chunk. */
  nextCursor: string | null;
  /** Rows the whole export will have (for a progress bar). */
  total: number;
}

export const duplicatesQuery = z
  .object({
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

export interface DuplicateCustomer {
  id: number;
  storeId: number;
  storeName: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** Every order of this customer, whatever its status: what a merge moves. */
  ordersCount: number;
  /** Lifetime spend as the profile counts it (qualifying orders, total less refunds), in `currency`. */
  spendMinor: number;
  /** The customer's store currency. */
  currency: string;
  /** Net points on the ledger (held less debt, pending included): what a merge moves. */
  pointsNet: number;
  createdAt: string;
}

export interface DuplicateGroup {
  /** What they share: a normalized email (lower case, trimmed) or phone (digits only). */
  matchedBy: 'email' | 'phone';
  key: string;
  customers: DuplicateCustomer[];
}

export interface DuplicatePage {
  groups: DuplicateGroup[];
  nextCursor: string | null;
}

export const mergeInput = z
  .object({
    /** The customer merged away (hidden afterwards, kept for history). */
    sourceId: id,
    /** The customer that keeps everything. */
    targetId: id,
    staffId: id,
    /** The same key replays the first result instead of merging again. */
    idempotencyKey: z.string().trim().min(1).max(200),
  })
  .strict()
  .refine((m) => m.sourceId !== m.targetId, {
    message: 'a customer cannot be merged into itself',
    path: ['targetId'],
  });

export type MergeInput = z.input<typeof mergeInput>;

export interface MergeResult {
  mergeId: number;
  sourceId: number;
  targetId: number;
  mergedAt: string;
  moved: { orders: number; tickets: number; returns: number; feedback: number };
  /** Net points moved (held less debt) and the lots re-created on the target. */
  points: { lots: number; points: number; debt: number };
  /** True when the idempotency key had already merged: nothing new was done. */
  replayed: boolean;
}

export interface RfmRecomputeResult {
  customers: number;
  withOrders: number;
  computedAt: string;
  durationMs: number;
}

export const customersOperations = {
  'customers.list': operation<CustomerPage>()(customerListQuery, 'One page of customers, filtered and sorted'),
  'customers.get': operation<CustomerProfile>()(customerIdInput, 'A customer seen whole: the 360° profile'),
  'customers.timeline': operation<CustomerTimelinePage>()(
    customerTimelineQuery,
    "Older items of a customer's timeline: orders, tickets, returns, feedback, points and changes",
  ),
  'customers.merge': operation<MergeResult>()(
    mergeInput,
    'Merge a duplicate customer into another, keeping every order, point and ticket',
  ),
  'customers.duplicates': operation<DuplicatePage>()(
    duplicatesQuery,
    'Groups of customers sharing an email or phone number, across stores',
  ),
  'customers.rfm.recompute': operation<RfmRecomputeResult>()(
    empty,
    "Recompute every customer's RFM scores and segment from their orders",
  ),
  'segments.list': operation<SegmentList>()(segmentsListInput, 'The RFM segments with customers, revenue and share'),
  'segments.export': operation<SegmentExportChunk>()(
    segmentExportInput,
    "One chunk of a segment's customers as CSV, for a campaign",
  ),
} as const;
