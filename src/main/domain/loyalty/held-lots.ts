/**
 * What every customer holds, lot by lot, in one set-based SQL pass over the
 * ledger (for the liability report and the expiring lists), instead of
 * replaying each customer's entries in JavaScript.
 *
 * The method. Per customer, at `@at`:
 *  1. Each credit (points > 0) is a lot. An order's earn lot is first reduced
 *     by the reversals of its own order, because a refund takes its own
 *     order's points first; such a reversal then asks nothing of other lots
 *     (reverseForRefund never takes back more than the order earned).
 *  2. Every other debit (redeem, expire, negative adjust, a reversal without
 *     an earning) is demand, and demand is met by the lots a FIFO spender
 *     takes first: approved lots earliest-expiring first (never-expiring
 *     last), older before newer, then pending lots.
 *  3. A customer without demand keeps every lot whole (most customers: no
 *     window needed). For the others, one window in FIFO order: a lot keeps
 *     its points less what the demand left after the lots before it, and the
 *     demand no lot can meet is debt (the ledger invariant: held − debt = sum
 *     of entries, debt only when nothing is held).
 *
 * Totals (held, debt, approved + pending) are exact. Which lot holds the
 * points matches the replay whenever spending took the earliest-expiring lots
 * among all those held at the time, which is what happens when lots get one
 * lifetime from the day they are earned. It can differ when a lot was still
 * pending at a redemption yet expires before a lot spent instead (a few days'
 * worth of points moved between neighbouring expiry dates).
 * tests/unit/loyalty-liability.test.ts checks the totals against a replay on
 * random ledgers, and the split where exact. Cost: two sequential scans
 * of the ledger and a window over the lots of customers who ever spent.
 *
 * `customerFilter` narrows the customers: a subquery giving customer ids.
 * `withLastActivity` adds last_at (the customer's last entry), for inactivity
 * expiry. `scanWhole` reads the table in order instead of through the customer
 * index (the default without a filter; the caller decides with one).
 * Parameters are named: @at.
 * CTEs: `held`, one row per lot with its remaining points (0 when spent);
 * `owed`, one row per customer with demand: the points owed (debt).
 */
export function heldLotsCte(customerFilter?: string, withLastActivity = false, scanWhole = !customerFilter): string {
  const only = (alias: string) => (customerFilter ? `AND ${alias}customer_id IN (${customerFilter})` : '');
  // Over many customers, reading the table in order beats walking an index with a lookup per row.
  const whole = scanWhole ? 'NOT INDEXED' : '';
  const activity = withLastActivity
    ? `LEFT JOIN (SELECT customer_id, max(created_at) AS last_at FROM points_ledger
         WHERE created_at <= @at ${only('')} GROUP BY customer_id) a ON a.customer_id = l.customer_id`
    : '';
  return `
  reversed AS (
    SELECT order_id, -sum(points) AS points FROM points_ledger ${whole}
    WHERE entry_type = 'reverse' AND created_at <= @at ${only('')} GROUP BY order_id
  ),
  demand AS (
    SELECT p.customer_id, sum(-p.points) AS points FROM points_ledger p ${whole}
    WHERE p.points < 0 AND p.created_at <= @at ${only('p.')}
      AND NOT (p.entry_type = 'reverse' AND p.order_id IS NOT NULL AND EXISTS (SELECT 1 FROM points_ledger e
        WHERE e.idempotency_key = 'order:' || p.order_id || ':earn' AND e.created_at <= @at))
    GROUP BY p.customer_id
  ),
  lots AS MATERIALIZED (
    SELECT l.id, l.customer_id, l.expires_at, ${withLastActivity ? 'a.last_at' : 'NULL'} AS last_at,
      CASE WHEN l.available_at > @at THEN 1 ELSE 0 END AS pending,
      max(0, l.points - CASE WHEN l.entry_type = 'earn' THEN coalesce(r.points, 0) ELSE 0 END) AS credit,
      coalesce(d.points, 0) AS demand
    FROM points_ledger l ${whole}
      LEFT JOIN reversed r ON r.order_id = l.order_id AND l.entry_type = 'earn'
      LEFT JOIN demand d ON d.customer_id = l.customer_id
      ${activity}
    WHERE l.points > 0 AND l.created_at <= @at ${only('l.')}
  ),
  spent AS (
    SELECT customer_id, expires_at, last_at, pending,
      credit - max(0, min(credit, demand - (sum(credit) OVER fifo - credit))) AS remaining
    FROM lots WHERE demand > 0
    WINDOW fifo AS (PARTITION BY customer_id ORDER BY pending, coalesce(expires_at, '9999'), id)
  ),
  held AS (
    SELECT customer_id, expires_at, last_at, pending, credit AS remaining FROM lots WHERE demand = 0
    UNION ALL
    SELECT customer_id, expires_at, last_at, pending, remaining FROM spent
  ),
  owed AS (
    SELECT d.customer_id, max(0, d.points - coalesce(c.points, 0)) AS points
    FROM demand d LEFT JOIN (SELECT customer_id, sum(credit) AS points FROM lots WHERE demand > 0
      GROUP BY customer_id) c ON c.customer_id = d.customer_id
  )`;
}
