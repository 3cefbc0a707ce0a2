import type { LoyaltySettings } from '../../../shared/contract';
import type { LedgerContext } from './ledger';
import { statement } from './ledger';
import { addMonthsUtc, DAY_MS } from './dates';
import {
  EARNING_STATUSES, earnKey, earningRulesOf, pointsForOrder, reverseForRefund, type OrderFacts, type RefundReversal,
} from './orders';
import { readLoyaltySettings } from './settings';
import { launchedMultiplierExists } from '../campaigns/multiplier';

/**
 * earnForOrder for many orders at once (a sync page of a first backfill earns
 * hundreds): the same entries — key `order:<id>:earn`, the same points, pending
 * and expiry dates, created now — found with one read (or none, when the
 * caller has the orders' facts: earnForOrderFacts) and written with a few
 * multi-row inserts, instead of six statements per order.
 *
 * Only for programs where what an order earns depends on the order alone: no
 * tiers or campaigns (the program's or a launched multiplier campaign of the
 * campaigns area: their multipliers depend on the customer and the day),
 * no first-order bonus (it depends on the customer's other orders), and
 * pending by days (not by delivery). For any other program, and for anything
 * this cannot decide, the ids come back and the caller earns them one by one
 * with earnForOrder. Orders that already earned, guest, unpaid or cancelled
 * orders and orders worth no point earn nothing, as with earnForOrder.
 * Must run inside the caller's transaction (all or nothing with its page).
 */
const EARNING = new Set(EARNING_STATUSES);
const ROWS_PER_INSERT = 50;

const FACTS = `SELECT o.id, o.customer_id AS customerId, o.status, o.financial_status AS financialStatus, o.currency,
    o.subtotal_minor AS subtotalMinor, o.discount_minor AS discountMinor, o.total_minor AS totalMinor,
    o.placed_at AS placedAt
  FROM orders o WHERE o.id IN (SELECT value FROM json_each(?))`;

// An order that already earned keeps its entry: the key is unique, and the conflict posts nothing.
// Built once per row count: a new string per statement would be hashed anew for every cache lookup.
const INSERT_SQL = Array.from({ length: ROWS_PER_INSERT + 1 }, (_, rows) => `INSERT INTO points_ledger (customer_id,
    entry_type, points, order_id, idempotency_key, available_at, expires_at, created_at)
  VALUES ${Array(rows).fill("(?, 'earn', ?, ?, ?, ?, ?, ?)").join(', ')}
  ON CONFLICT (idempotency_key) DO NOTHING`);
const insertSql = (rows: number): string => INSERT_SQL[rows]!;

/** Per day an order was placed ('YYYY-MM-DD'): the days its points become available and expire. */
type LotDays = Map<string, readonly [string, string | null]>;

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * When an order's points become available (placed + pending days) and expire
 * (placed + the lot's lifetime in calendar months), as earnForOrder computes
 * them. Both move the date alone and keep the time of day, so for a stored
 * instant (…T10:00:00.000Z) the days are worked out once per day placed, not
 * with four Date objects per order (a tenth of a first sync's earning).
 */
function lotDates(placedAt: string, rules: { pendingDays: number; lifetimeMonths: number | null },
  days: LotDays): readonly [string, string | null] {
  const exact = (placedMs: number) => [new Date(placedMs + rules.pendingDays * DAY_MS).toISOString(),
    rules.lifetimeMonths === null ? null : addMonthsUtc(placedMs, rules.lifetimeMonths).toISOString()] as const;
  if (!CANONICAL.test(placedAt)) return exact(Date.parse(placedAt));
  const day = placedAt.slice(0, 10);
  let shifted = days.get(day);
  if (shifted === undefined) {
    const [available, expires] = exact(Date.parse(`${day}T00:00:00.000Z`));
    // A year past 9999 is written with six digits and a sign: not a date part to reuse.
    shifted = available.length === 24 && (expires === null || expires.length === 24)
      ? [available.slice(0, 10), expires === null ? null : expires.slice(0, 10)] : ['', null];
    days.set(day, shifted);
  }
  if (shifted[0] === '') return exact(Date.parse(placedAt));
  const time = placedAt.slice(10);
  return [shifted[0] + time, shifted[1] === null ? null : shifted[1] + time];
}

/** Whether every order's earning under this program depends on the order alone. */
export function earnsPerOrderAlone(settings: LoyaltySettings): boolean {
  return settings.tiers.length === 0 && settings.campaigns.length === 0 && settings.bonusActions.firstOrder <= 0 &&
    settings.earning.pendingMode !== 'deliveryPlusReturnWindow';
}

/** Earns the orders it can; answers the ids the caller must earn one by one with earnForOrder. */
export function earnForOrders(ctx: LedgerContext, orderIds: readonly number[],
  options: { settings?: LoyaltySettings } = {}): number[] {
  if (orderIds.length === 0) return [];
  const settings = options.settings ?? readLoyaltySettings(ctx.sqlite);
  if (!settings.enabled) return [];
  if (!earnsPerOrderAlone(settings) || launchedMultiplierExists(ctx.sqlite)) return [...orderIds];
  return earnForOrderFacts(ctx, statement(ctx.sqlite, FACTS).all(JSON.stringify(orderIds)) as OrderFacts[], { settings });
}

/**
 * earnForOrders with the orders' facts in hand, as stored (a sync page has
 * just written them, and reading them back was a third of its earning time).
 * An order listed twice earns from its last facts.
 */
export function earnForOrderFacts(ctx: LedgerContext, orders: readonly OrderFacts[],
  options: { settings?: LoyaltySettings } = {}): number[] {
  if (orders.length === 0) return [];
  const settings = options.settings ?? readLoyaltySettings(ctx.sqlite);
  if (!settings.enabled) return [];
  // Campaigns (issue 8): a launched multiplier campaign adds to an order's points through earnForOrder's hook,
  // which depends on the customer and the day; while one exists, every order is earned one by one.
  if (!earnsPerOrderAlone(settings) || launchedMultiplierExists(ctx.sqlite)) {
    return [...new Set(orders.map((order) => order.id))];
  }
  const days: LotDays = new Map();
  const latest = new Map<number, OrderFacts>();
  for (const order of orders) latest.set(order.id, order);
  const rules = earningRulesOf(settings);
  const now = ctx.now().toISOString();
  const values: unknown[] = [];
  let rows = 0;
  const flush = () => {
    if (rows > 0) statement(ctx.sqlite, insertSql(rows)).run(...values);
    values.length = 0;
    rows = 0;
  };
  for (const order of latest.values()) {
    if (order.customerId === null || order.status === 'cancelled') continue;
    if (!EARNING.has(order.financialStatus)) continue;
    const points = pointsForOrder(order, rules);
    if (points <= 0) continue;
    const [availableAt, expiresAt] = lotDates(order.placedAt, rules, days);
    values.push(order.customerId, points, order.id, earnKey(order.id), availableAt, expiresAt, now);
    if (++rows === ROWS_PER_INSERT) flush();
  }
  flush();
  return [];
}

/**
 * reverseForRefund for a page's reversals, in their order: the same entries
 * (floor(earned × refunded / total) less what the order's reversals already
 * took, keyed by the refund, posted now to the customer who earned), found with
 * two reads and written with multi-row inserts instead of eight statements
 * each. A reversal this cannot decide alone (a key already posted, an order or
 * an earning customer merged away, a figure out of range) goes through
 * reverseForRefund itself, after what is gathered is written, as do the later
 * reversals of its order. Must run inside the caller's transaction.
 */
// earnedPoints: the earning plus any campaign's extra on the order (reverseForRefund's CAMPAIGN_EXTRA); null when it never earned.
const REVERSAL_FACTS = `SELECT o.id, o.total_minor AS totalMinor,
    e.points + (SELECT coalesce(sum(b.points), 0) FROM points_ledger b
      WHERE b.order_id = o.id AND b.entry_type = 'bonus' AND b.idempotency_key LIKE 'campaign:%') AS earnedPoints,
    e.customer_id AS customerId,
    c.merged_into_id IS NOT NULL AS merged,
    (SELECT coalesce(sum(r.points), 0) FROM points_ledger r WHERE r.order_id = o.id AND r.entry_type = 'reverse') AS reversed
  FROM orders o
  LEFT JOIN points_ledger e ON e.idempotency_key = 'order:' || o.id || ':earn'
  LEFT JOIN customers c ON c.id = e.customer_id
  WHERE o.id IN (SELECT value FROM json_each(?))`;
const POSTED_KEYS = 'SELECT idempotency_key AS key FROM points_ledger WHERE idempotency_key IN (SELECT value FROM json_each(?))';

interface ReversalFacts {
  id: number;
  totalMinor: number;
  earnedPoints: number | null;
  customerId: number | null;
  merged: number;
  /** The sum of the order's reversals so far (zero or negative). */
  reversed: number;
}

const REVERSE_SQL = Array.from({ length: ROWS_PER_INSERT + 1 }, (_, rows) => `INSERT INTO points_ledger (customer_id,
    entry_type, points, order_id, idempotency_key, available_at, expires_at, reason, created_at)
  VALUES ${Array(rows).fill("(?, 'reverse', ?, ?, ?, ?, NULL, 'Order refunded', ?)").join(', ')}`);
const reverseSql = (rows: number): string => REVERSE_SQL[rows]!;

export function reverseForRefunds(ctx: LedgerContext, reversals: readonly RefundReversal[]): void {
  if (reversals.length === 0) return;
  const facts = new Map((statement(ctx.sqlite, REVERSAL_FACTS).all(JSON.stringify([...new Set(reversals.map((r) => r.orderId))])) as
    ReversalFacts[]).map((row) => [row.id, row]));
  const posted = new Set((statement(ctx.sqlite, POSTED_KEYS).all(JSON.stringify(reversals.map((r) => r.refundKey))) as
    { key: string }[]).map((row) => row.key));
  const now = ctx.now().toISOString();
  const oneByOne = new Set<number>();
  const values: unknown[] = [];
  let rows = 0;
  const flush = () => {
    if (rows > 0) statement(ctx.sqlite, reverseSql(rows)).run(...values);
    values.length = 0;
    rows = 0;
  };
  for (const reversal of reversals) {
    const order = facts.get(reversal.orderId);
    if (order === undefined || order.merged || oneByOne.has(reversal.orderId) || posted.has(reversal.refundKey) ||
      !Number.isSafeInteger(reversal.refundedTotalMinor) || reversal.refundedTotalMinor < 0 ||
      reversal.refundKey.trim() === '') {
      flush();
      oneByOne.add(reversal.orderId);
      reverseForRefund(ctx, reversal);
      continue;
    }
    posted.add(reversal.refundKey);
    if (order.earnedPoints === null || order.customerId === null || order.totalMinor <= 0) continue;
    const refunded = Math.min(reversal.refundedTotalMinor, order.totalMinor);
    const points = Math.floor((order.earnedPoints * refunded) / order.totalMinor) + order.reversed;
    if (points <= 0) continue;
    values.push(order.customerId, -points, order.id, reversal.refundKey, now, now);
    order.reversed -= points;
    if (++rows === ROWS_PER_INSERT) flush();
  }
  flush();
}
