import type { ReturnPolicyFlag, ReturnPolicyValue } from '../../../shared/contract/returns';
import type { Sqlite } from '../../db/connection';
import type { ReturnableLine } from './quantities';

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365;

/**
 * The policy check of a request. A flag is advice for the person who
 * approves: flagged requests are still recorded as requested.
 *
 * The window counts elapsed time from the first delivery: a 30-day window
 * delivered at 10:00 on the 1st is open until 10:00 on the 31st, inclusive.
 * Without a delivery the request is flagged not_delivered and the window
 * counts from when the order was placed.
 */
export interface PolicyCheckInput {
  orderId: number;
  placedAt: string;
  customerId: number | null;
  lines: readonly ReturnableLine[];
  now: Date;
}

export function firstDeliveryAt(sqlite: Sqlite, orderId: number): string | null {
  return sqlite.prepare<[number], { at: string | null }>(
    'SELECT min(delivered_at) AS at FROM shipments WHERE order_id = ? AND delivered_at IS NOT NULL',
  ).get(orderId)?.at ?? null;
}

export function isOutsideWindow(startAt: string, windowDays: number, now: Date): boolean {
  return now.getTime() > Date.parse(startAt) + windowDays * DAY_MS;
}

export function isFinalSale(policy: ReturnPolicyValue, line: Pick<ReturnableLine, 'productId' | 'category'>): boolean {
  if (line.productId !== null && policy.finalSaleProductIds.includes(line.productId)) return true;
  const category = line.category?.trim().toLowerCase();
  return category !== undefined && category !== '' &&
    policy.finalSaleCategories.some((c) => c.trim().toLowerCase() === category);
}

/** Returns the customer asked for in the 12 months before `now` (declined ones too: asking is the habit). */
export function returnsInLastYear(sqlite: Sqlite, customerId: number, now: Date): number {
  const since = new Date(now.getTime() - YEAR_DAYS * DAY_MS).toISOString();
  return sqlite.prepare<[number, string, string], { n: number }>(
    'SELECT count(*) AS n FROM returns WHERE customer_id = ? AND requested_at > ? AND requested_at <= ?',
  ).get(customerId, since, now.toISOString())!.n;
}

export function checkPolicy(sqlite: Sqlite, policy: ReturnPolicyValue, request: PolicyCheckInput): ReturnPolicyFlag[] {
  const flags: ReturnPolicyFlag[] = [];
  const deliveredAt = firstDeliveryAt(sqlite, request.orderId);
  if (isOutsideWindow(deliveredAt ?? request.placedAt, policy.windowDays, request.now)) flags.push('outside_window');
  if (request.lines.some((line) => isFinalSale(policy, line))) flags.push('final_sale');
  if (deliveredAt === null) flags.push('not_delivered');
  // This request is one of them: the threshold-th return in a year is the one flagged.
  if (request.customerId !== null &&
    returnsInLastYear(sqlite, request.customerId, request.now) + 1 >= policy.serialReturnerThreshold) {
    flags.push('serial_returner');
  }
  return flags;
}
