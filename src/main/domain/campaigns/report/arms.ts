import type { Sqlite } from '../../../db/connection';
import { statement } from '../../loyalty/ledger';

/**
 * One pass over the members' orders in the measured window, through the
 * members' key and the orders' (customer_id, placed_at) index: per arm the
 * members, buyers, orders and revenue; per customer what they bought (for the
 * variances); per day the new buyers and the revenue (for the series).
 * An order counts when it is not cancelled and placed in [from, to); its
 * revenue is its total less what was refunded, as everywhere in the insights.
 */
export type Arm = 'treatment' | 'holdout';

export interface MemberOrder {
  arm: Arm;
  customerId: number;
  placedAt: string;
  currency: string;
  revenueMinor: number;
}

export interface ArmTotals {
  customers: number;
  buyers: number;
  orders: number;
  revenueMinor: number;
  /** Per buyer: revenue and orders (members who bought nothing count as 0 and are not listed). */
  buyerRevenue: number[];
  buyerOrders: number[];
}

export interface DayTotals {
  newBuyers: Record<Arm, number>;
  revenueMinor: Record<Arm, number>;
}

export function armSizes(sqlite: Sqlite, campaignId: number): Record<Arm, number> {
  const rows = statement(sqlite,
    'SELECT arm, count(*) AS n FROM campaign_members WHERE campaign_id = ? GROUP BY arm',
  ).all(campaignId) as { arm: Arm; n: number }[];
  const sizes: Record<Arm, number> = { treatment: 0, holdout: 0 };
  for (const row of rows) sizes[row.arm] = row.n;
  return sizes;
}

export function memberOrders(sqlite: Sqlite, campaignId: number, from: string, to: string): MemberOrder[] {
  return statement(sqlite,
    `SELECT m.arm, o.customer_id AS customerId, o.placed_at AS placedAt, o.currency,
       o.total_minor - o.refunded_minor AS revenueMinor
     FROM campaign_members m JOIN orders o ON o.customer_id = m.customer_id
     WHERE m.campaign_id = @campaignId AND o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled'`,
  ).all({ campaignId, from, to }) as MemberOrder[];
}

function emptyTotals(customers: number): ArmTotals {
  return { customers, buyers: 0, orders: 0, revenueMinor: 0, buyerRevenue: [], buyerOrders: [] };
}

export interface Aggregated {
  arms: Record<Arm, ArmTotals>;
  days: Map<string, DayTotals>;
}

function dayOf(map: Map<string, DayTotals>, day: string): DayTotals {
  let totals = map.get(day);
  if (!totals) {
    totals = { newBuyers: { treatment: 0, holdout: 0 }, revenueMinor: { treatment: 0, holdout: 0 } };
    map.set(day, totals);
  }
  return totals;
}

/** Totals of the orders in one currency; a customer's buying day is the UTC day of their first order. */
export function aggregate(orders: readonly MemberOrder[], sizes: Record<Arm, number>, currency: string): Aggregated {
  const perCustomer = new Map<number, { arm: Arm; revenue: number; orders: number; firstAt: string }>();
  const days = new Map<string, DayTotals>();
  for (const order of orders) {
    if (order.currency !== currency) continue;
    const seen = perCustomer.get(order.customerId);
    if (seen) {
      seen.revenue += order.revenueMinor;
      seen.orders += 1;
      if (order.placedAt < seen.firstAt) seen.firstAt = order.placedAt;
    } else {
      perCustomer.set(order.customerId, { arm: order.arm, revenue: order.revenueMinor, orders: 1, firstAt: order.placedAt });
    }
    dayOf(days, order.placedAt.slice(0, 10)).revenueMinor[order.arm] += order.revenueMinor;
  }
  const arms: Record<Arm, ArmTotals> = { treatment: emptyTotals(sizes.treatment), holdout: emptyTotals(sizes.holdout) };
  for (const customer of perCustomer.values()) {
    const totals = arms[customer.arm];
    totals.buyers += 1;
    totals.orders += customer.orders;
    totals.revenueMinor += customer.revenue;
    totals.buyerRevenue.push(customer.revenue);
    totals.buyerOrders.push(customer.orders);
    dayOf(days, customer.firstAt.slice(0, 10)).newBuyers[customer.arm] += 1;
  }
  return { arms, days };
}

/** The currency the members bought in most often (ties: alphabetical), or null when nobody bought. */
export function mostUsedCurrency(orders: readonly MemberOrder[]): string | null {
  const counts = new Map<string, number>();
  for (const order of orders) counts.set(order.currency, (counts.get(order.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [currency, n] of counts) {
    const bestN = best === null ? -1 : (counts.get(best) ?? 0);
    if (n > bestN || (n === bestN && best !== null && currency < best)) best = currency;
  }
  return best;
}
