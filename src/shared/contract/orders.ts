import { z } from 'zod';
import { operation } from './operation';
import type { AuditEntry } from './audit';
import { dateRange, storeId } from './common';

export const ORDER_STATUSES = ['open', 'completed', 'cancelled'] as const;
export const FINANCIAL_STATUSES = [
  'pending', 'authorized', 'paid', 'partially_refunded', 'refunded', 'voided', 'failed',
] as const;
export const FULFILLMENT_STATUSES = ['unfulfilled', 'partial', 'fulfilled', 'returned'] as const;
export const ORDER_SORT_KEYS = ['placedAt', 'total', 'orderNumber'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type FinancialStatus = (typeof FINANCIAL_STATUSES)[number];
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];
export type OrderSortKey = (typeof ORDER_SORT_KEYS)[number];

const moneyMinor = z.number().int().nonnegative();
const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(50);

/** A tag as marketplaces store it: 1–40 characters, compared exactly. */
export const orderTag = z
  .string()
  .trim()
  .min(1, { message: 'a tag must not be empty' })
  .max(40, { message: 'a tag must be at most 40 characters' });
export const MAX_ORDER_TAGS = 50;
export const MAX_ORDER_NOTE = 2000;

export const orderFilter = z
  .object({
    status: nonEmptyList(z.enum(ORDER_STATUSES)).optional(),
    financialStatus: nonEmptyList(z.enum(FINANCIAL_STATUSES)).optional(),
    fulfillmentStatus: nonEmptyList(z.enum(FULFILLMENT_STATUSES)).optional(),
    /** Inclusive UTC days of `placedAt`. */
    range: dateRange.optional(),
    storeId: storeId.optional(),
    channel: nonEmptyList(z.string().min(1).max(50)).optional(),
    paymentMethod: nonEmptyList(z.string().min(1).max(50)).optional(),
    minTotalMinor: moneyMinor.optional(),
    maxTotalMinor: moneyMinor.optional(),
    /** Orders carrying any of these tags, remote or local. */
    tag: nonEmptyList(orderTag).optional(),
    /** An order number ("#1234" or "1234", exact or prefix), or a customer's email, phone or name. */
    search: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine(
    (f) => f.minTotalMinor === undefined || f.maxTotalMinor === undefined || f.minTotalMinor <= f.maxTotalMinor,
    { message: 'the minimum total must not be above the maximum total', path: ['minTotalMinor'] },
  );

export const orderSort = z
  .object({ by: z.enum(ORDER_SORT_KEYS), direction: z.enum(['asc', 'desc']) })
  .strict();

export const orderListQuery = z
  .object({
    filter: orderFilter.optional(),
    sort: orderSort.default({ by: 'placedAt', direction: 'desc' }),
    limit: z.number().int().min(1).max(200).default(50),
    /** Opaque: the `nextCursor` of the previous page, asked with the same filter and sort. */
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

export type OrderFilter = z.input<typeof orderFilter>;
export type OrderSort = z.output<typeof orderSort>;
export type OrderListQuery = z.input<typeof orderListQuery>;

export interface OrderCustomer {
  id: number;
  name: string | null;
  email: string | null;
}

export interface OrderRow {
  id: number;
  orderNumber: string;
  placedAt: string;
  customer: OrderCustomer | null;
  status: OrderStatus;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  channel: string;
  paymentMethod: string | null;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
}

/** The header's count stops at this many matching orders ("10,000+ orders"). */
export const ORDER_COUNT_CAP = 10_000;
/** …and looks at no more than this many candidate orders (the newest of the filter's date range or tags). */
export const ORDER_COUNT_SCAN = 50_000;

export interface OrderPage {
  rows: OrderRow[];
  /** Null on the last page. */
  nextCursor: string | null;
  /** First page only (no cursor): how many orders match, exactly or as a lower bound (see totalExact). */
  totalEstimate?: number;
  /**
   * First page only. False when totalEstimate is a lower bound: counting stopped at
   * ORDER_COUNT_CAP matches, or after ORDER_COUNT_SCAN candidates with fewer matches.
   */
  totalExact?: boolean;
}

export interface OrderDetail extends OrderRow {
  storeId: number;
  externalId: string;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  shippingCountry: string | null;
  shippingRegion: string | null;
  remoteTags: string[];
  localTags: string[];
  localNote: string | null;
  cancelledAt: string | null;
  customerSummary: OrderCustomerSummary | null;
  lines: OrderLine[];
  payments: OrderPayment[];
  refunds: OrderRefund[];
  shipments: OrderShipment[];
  tickets: OrderTicket[];
  returns: OrderReturn[];
  points: OrderPointsEntry[];
  /** Every tag of the order, remote and local, distinct and sorted. */
  tags: string[];
  pointsSummary: OrderPointsSummary;
  /** Local changes to this order (notes, tags, local refunds), newest first. */
  audit: AuditEntry[];
}

/** The order's points at a glance: all positive numbers of points. */
export interface OrderPointsSummary {
  /** Points this order earned (0 when it earned none). */
  earned: number;
  /** Points taken back by refunds of this order so far. */
  reversed: number;
  /** Points redeemed against this order, when the ledger ties a redemption to it; null otherwise. */
  spentOnOrder: number | null;
}

export interface OrderCustomerSummary extends OrderCustomer {
  phone: string | null;
  country: string | null;
  /** Orders this customer has placed, this one included. */
  orderCount: number;
  marketingConsent: boolean;
}

export interface OrderLine {
  id: number; productId: number | null; title: string; sku: string | null;
  quantity: number; unitPriceMinor: number; discountMinor: number; totalMinor: number;
}
export interface OrderPayment {
  id: number; kind: string; method: string; gateway: string; status: string;
  amountMinor: number; currency: string; errorCode: string | null; processedAt: string;
}
export interface OrderRefund {
  id: number; amountMinor: number; currency: string; reason: string | null; note: string | null; refundedAt: string;
}
export interface OrderTrackingEvent {
  id: number; occurredAt: string; status: string; subStatus: string | null; location: string | null; message: string | null;
}
export interface OrderShipment {
  id: number; carrier: string; service: string | null; trackingNumber: string | null; trackingUrl: string | null;
  status: string; subStatus: string | null; shippedAt: string | null; estimatedDeliveryAt: string | null;
  /** The first promise made to the customer: a parcel still on its way after it is late, whatever the carrier now says. */
  originalEstimatedDeliveryAt: string | null;
  deliveredAt: string | null; trackingEvents: OrderTrackingEvent[];
  /**
   * Shipments recorded in Backroom (shipments.create): where the tracking went. 'local' when the store
   * has no marketplace to tell; otherwise its outbox message's state and store. Absent for the marketplace's own.
   */
  push?: OrderShipmentPush;
}
export type OrderShipmentPush =
  | { state: 'local' }
  | { state: 'pending' | 'sending' | 'done' | 'failed' | 'discarded'; storeName: string; lastError: string | null };
export interface OrderTicket {
  id: number; channel: string; subject: string; status: string; priority: string; createdAt: string; solvedAt: string | null;
}
export interface OrderReturnLine { id: number; orderLineId: number; quantity: number; reason: string | null }
export interface OrderReturn {
  id: number; rmaNumber: string; status: string; reason: string; resolution: string | null;
  refundMinor: number | null; currency: string; requestedAt: string; closedAt: string | null; lines: OrderReturnLine[];
}
export interface OrderPointsEntry {
  id: number; entryType: string; points: number; availableAt: string; expiresAt: string | null;
  reason: string | null; createdAt: string;
}

/** Where a local change went: queued for the marketplace, or kept here (demo or CSV store, or nothing to send). */
export interface OrderDelivery {
  /** The store's name when this request queued an outbox message for it; null when the change stays local. */
  queuedFor: string | null;
}

/** orders.update and orders.refund answer with the order as it now is and where the change went. */
export interface OrderWriteResult extends OrderDetail {
  delivery: OrderDelivery;
}

export const orderFacetsInput = z
  .object({ storeId: storeId.optional() })
  .strict();

/** One value of a filter picker and how many orders carry it. */
export interface OrderFacetValue {
  value: string;
  orders: number;
}

/** The tag picker lists at most this many tags, the most used first. */
export const ORDER_FACET_MAX_TAGS = 200;

/** The values in use for the channel, payment method and tag pickers, most used first. */
export interface OrderFacets {
  channels: OrderFacetValue[];
  paymentMethods: OrderFacetValue[];
  /** At most ORDER_FACET_MAX_TAGS; `tagsTruncated` says whether more exist. */
  tags: OrderFacetValue[];
  tagsTruncated: boolean;
}

export const orderIdInput = z.object({ id: z.number().int().positive() }).strict();

const staffId = z.number().int().positive();
/** Chosen by the caller once per user action; a retried request with the same key changes nothing twice. */
const idempotencyKey = z.string().trim().min(8, { message: 'the idempotency key must be at least 8 characters' }).max(100);

export const orderUpdateInput = z
  .object({
    id: z.number().int().positive(),
    /** The local note; null clears it. Absent: unchanged. */
    note: z.string().max(MAX_ORDER_NOTE, { message: `a note must be at most ${MAX_ORDER_NOTE} characters` }).nullable().optional(),
    /** The complete list of local tags (replaces the previous list). Absent: unchanged. */
    tags: z.array(orderTag).max(MAX_ORDER_TAGS, { message: `an order can carry at most ${MAX_ORDER_TAGS} local tags` }).optional(),
    staffId,
    idempotencyKey,
  })
  .strict()
  .refine((u) => u.note !== undefined || u.tags !== undefined, { message: 'give a note or tags to change', path: ['note'] });

export const orderRefundInput = z
  .object({
    id: z.number().int().positive(),
    /** Minor units; at most the refundable amount (total − already refunded). */
    amountMinor: z.number().int({ message: 'the amount must be a whole number of minor units' })
      .positive({ message: 'the amount must be more than zero' }),
    reason: z.string().trim().min(1).max(200).optional(),
    note: z.string().max(MAX_ORDER_NOTE).optional(),
    staffId,
    idempotencyKey,
  })
  .strict();

export const ORDER_EXPORT_MAX_PAGE = 5000;

export const orderExportInput = z
  .object({
    filter: orderFilter.optional(),
    sort: orderSort.default({ by: 'placedAt', direction: 'desc' }),
    /** Rows per chunk. */
    pageSize: z.number().int().min(1).max(ORDER_EXPORT_MAX_PAGE).default(1000),
    /** The `nextCursor` of the previous chunk, asked with the same filter and sort. */
    cursor: z.string().min(1).max(1000).optional(),
  })
  .strict();

export type OrderUpdateInput = z.input<typeof orderUpdateInput>;
export type OrderRefundInput = z.input<typeof orderRefundInput>;
export type OrderExportInput = z.input<typeof orderExportInput>;

/** One chunk of the CSV export; concatenate the `csv` of every chunk in order to get the file. */
export interface OrderExportChunk {
  /** RFC 4180 lines ending in CRLF; the header line only in the first chunk. */
  csv: string;
  /** Data rows in this chunk. */
  rows: number;
  /** Null after the last chunk. */
  nextCursor: string | null;
  /** Orders the filter matches (counted exactly on the first call, carried by the cursor after). */
  totalEstimate: number;
}

export const ordersOperations = {
  'orders.list': operation<OrderPage>()(orderListQuery, 'One page of orders, filtered and sorted'),
  'orders.get': operation<OrderDetail>()(orderIdInput, 'One order with everything that happened to it'),
  'orders.update': operation<OrderWriteResult>()(orderUpdateInput, "Sets an order's local note and tags"),
  'orders.refund': operation<OrderWriteResult>()(orderRefundInput, 'Refunds an order locally and takes back its points pro rata'),
  'orders.facets': operation<OrderFacets>()(orderFacetsInput, 'The channels, payment methods and tags in use, with order counts'),
  'orders.export': operation<OrderExportChunk>()(orderExportInput, 'One chunk of the CSV export of the current filter and sort'),
} as const;
