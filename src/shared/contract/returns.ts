import { z } from 'zod';
import { operation } from './operation';
import type { AuditEntry } from './audit';
import { dateRange } from './common';
import { staffId } from './tickets';

/**
 * Returns (RMA): requested → approved | declined → in transit → received →
 * inspected → resolved (refund, store credit or exchange) → closed. Each step
 * is made by a named staff member and kept as an event. An illegal step (or a
 * second refund) answers CONFLICT and posts nothing; a stale save (version)
 * answers CONFLICT with `details.current`.
 */
export const RETURN_STATUSES = [
  'requested', 'approved', 'declined', 'in_transit', 'received', 'inspected', 'resolved', 'closed',
] as const;
export const RETURN_RESOLUTIONS = ['refund', 'store_credit', 'exchange'] as const;
/** What the policy check can find about a request; flagged requests can still be approved by a person. */
export const RETURN_POLICY_FLAGS = ['outside_window', 'final_sale', 'not_delivered', 'serial_returner'] as const;

export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export type ReturnResolution = (typeof RETURN_RESOLUTIONS)[number];
export type ReturnPolicyFlag = (typeof RETURN_POLICY_FLAGS)[number];

const id = z.number().int().positive();
const moneyMinor = z.number().int().nonnegative();

export const returnReason = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9_]{1,40}$/, { message: 'a reason code is lower-case letters, digits and _' }),
    en: z.string().trim().min(1).max(100),
    zh: z.string().trim().min(1).max(100),
    active: z.boolean().default(true),
  })
  .strict();

export const returnPolicy = z
  .object({
    /** Days from delivery (or from the order when it has no delivery date) a request is within policy. */
    windowDays: z.number().int().min(0).max(365),
    finalSaleCategories: z.array(z.string().trim().min(1).max(100)).max(100),
    finalSaleProductIds: z.array(id).max(1000),
    /** Kept from the refund, in basis points of the returned goods (1500 = 15%). */
    restockingFeeBps: z.number().int().min(0).max(10_000),
    returnShipping: z.enum(['free', 'paid']),
    /** Charged when return shipping is paid by the customer, in the order's currency minor units. */
    returnShippingFeeMinor: moneyMinor,
    /** A customer with at least this many returns in 12 months is flagged a serial returner. */
    serialReturnerThreshold: z.number().int().min(2).max(100),
    reasons: z.array(returnReason).min(1, { message: 'keep at least one return reason' }).max(50),
  })
  .strict();
export type ReturnPolicyValue = z.output<typeof returnPolicy>;
export interface ReturnPolicy extends ReturnPolicyValue {
  version: number;
  updatedAt: string | null;
}

export interface ReturnRow {
  id: number;
  rmaNumber: string;
  status: ReturnStatus;
  order: { id: number; orderNumber: string };
  customer: { id: number; name: string | null; email: string | null } | null;
  reason: string;
  resolution: ReturnResolution | null;
  refundMinor: number | null;
  currency: string;
  policyFlags: ReturnPolicyFlag[];
  requestedAt: string;
  updatedAt: string;
  version: number;
}

export interface ReturnLine {
  id: number;
  orderLineId: number;
  productId: number | null;
  title: string;
  quantity: number;
  orderedQuantity: number;
  unitPriceMinor: number;
  reason: string | null;
}

export interface ReturnEvent {
  id: number;
  from: ReturnStatus | null;
  to: ReturnStatus;
  staff: { id: number; name: string } | null;
  note: string | null;
  at: string;
}

export interface ReturnDetail extends ReturnRow {
  note: string | null;
  lines: ReturnLine[];
  events: ReturnEvent[];
  /** Value of the returned goods, the fees kept, and what a refund would pay. */
  goodsMinor: number;
  restockingFeeMinor: number;
  returnShippingMinor: number;
  refundId: number | null;
  ticketId: number | null;
  /** Steps allowed from here. */
  next: ReturnStatus[];
  /** What the refund took back from the customer's points (after resolution by refund). */
  pointsReversed: number;
  /** 'queued' when the refund waits in the outbox for the store; 'local' for demo and CSV stores. */
  delivery: 'queued' | 'local' | null;
  audit: AuditEntry[];
}

export const returnsListInput = z
  .object({
    status: z.array(z.enum(RETURN_STATUSES)).min(1).max(8).optional(),
    flagged: z.boolean().optional(),
    customerId: id.optional(),
    orderId: id.optional(),
    search: z.string().trim().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

export const returnsCreateInput = z
  .object({
    orderId: id,
    staffId,
    lines: z
      .array(z.object({ orderLineId: id, quantity: z.number().int().min(1, { message: 'return at least one unit' }), reason: z.string().trim().max(100).optional() }).strict())
      .min(1, { message: 'choose at least one item to return' })
      .max(200),
    /** A reason code of the policy. */
    reason: z.string().trim().min(1, { message: 'choose a reason' }).max(40),
    note: z.string().trim().max(2000).optional(),
    /** Also open a service ticket (channel "return") for the request. */
    openTicket: z.boolean().default(false),
    idempotencyKey: z.string().min(1).max(200),
  })
  .strict();

export const returnsTransitionInput = z
  .object({
    id,
    staffId,
    expectedVersion: z.number().int().positive(),
    to: z.enum(RETURN_STATUSES),
    /** Required when moving to resolved. */
    resolution: z.enum(RETURN_RESOLUTIONS).optional(),
    /** Refund or store credit amount; defaults to goods − restocking fee − return shipping. */
    amountMinor: moneyMinor.optional(),
    note: z.string().trim().max(2000).optional(),
    idempotencyKey: z.string().min(1).max(200),
  })
  .strict()
  .refine((t) => t.to !== 'resolved' || t.resolution !== undefined, {
    message: 'choose how the return is resolved: refund, store credit or exchange', path: ['resolution'],
  });

export const returnsPolicyUpdateInput = z
  .object({ staffId, expectedVersion: z.number().int().nonnegative(), policy: returnPolicy })
  .strict();

export interface ReturnRateRow {
  key: string;
  label: string;
  /** Units (products) or orders (reasons, customers) that could come back in the range. */
  sold: number;
  returned: number;
  rate: number | null;
}

export interface ReturnsReport {
  range: { from: string; to: string };
  /** Returns ÷ delivered orders in the range. */
  overallRate: number | null;
  byProduct: ReturnRateRow[];
  byReason: ReturnRateRow[];
  byCustomer: ReturnRateRow[];
  serialReturners: { customerId: number; name: string | null; returns: number; orders: number }[];
}

export const returnsOperations = {
  'returns.list': operation<{ rows: ReturnRow[]; nextCursor: string | null }>()(returnsListInput, 'Returns, newest first'),
  'returns.get': operation<ReturnDetail>()(z.object({ id }).strict(), 'A return with lines, steps and money'),
  'returns.create': operation<ReturnDetail>()(returnsCreateInput, 'Records a return request, checked against the policy'),
  'returns.transition': operation<ReturnDetail>()(returnsTransitionInput, 'Moves a return one step, refunding when resolved by refund'),
  'returns.policy.get': operation<ReturnPolicy>()(z.object({}).strict(), 'The return policy and reasons'),
  'returns.policy.update': operation<ReturnPolicy>()(returnsPolicyUpdateInput, 'Saves the return policy'),
  'returns.report': operation<ReturnsReport>()(z.object({ range: dateRange.optional() }).strict(), 'Return rate by product, reason and customer'),
} as const;
