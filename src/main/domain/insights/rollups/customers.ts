import type { Sqlite } from '../../../db/connection';
import { statement } from './statements';

/**
 * The customer rollups: each customer's months (orders not cancelled, net of
 * refunds, per currency), their cohort (the month of their first such order),
 * and the cohort table summed over customers.
 * A mark names a customer and a month ('customer_id|YYYY-MM'): only that month's
 * orders are read again (through orders_customer), so a new order costs one
 * month of one customer, not their whole history, and the cohort table takes
 * the difference. When a customer's cohort moves (an earlier order arrives, the
 * first one is cancelled or moved to another customer), all their months move
 * from the old cohort to the new one.
 * Reads and writes are a handful of set-based statements for all the marked
 * customers together (a sync page marks a couple of hundred, spread over the
 * whole file); the cohort differences are summed in memory.
 */

const MONTHS = (rows: string) => `INSERT INTO rollup_customer_months (customer_id, month, store_id, currency, orders, net_minor)
  SELECT o.customer_id, substr(o.placed_at, 1, 7), min(o.store_id), o.currency, count(*), sum(o.total_minor - o.refunded_minor)
    FROM ${rows}
   WHERE o.customer_id IS NOT NULL AND o.status <> 'cancelled'
   GROUP BY o.customer_id, substr(o.placed_at, 1, 7), o.currency`;

const FIRST = (rows: string) => `INSERT INTO rollup_customer_first (customer_id, store_id, cohort)
  SELECT customer_id, min(store_id), min(month) FROM rollup_customer_months WHERE ${rows} GROUP BY customer_id`;

/** Each customer-month counts once towards its cohort's active customers. */
const CONTRIBUTION = (rows: string) => `SELECT m.store_id, m.currency, f.cohort, m.month,
         count(*) AS customers, sum(m.orders) AS orders, sum(m.net_minor) AS net_minor
    FROM rollup_customer_months m JOIN rollup_customer_first f ON f.customer_id = m.customer_id
   WHERE ${rows}
   GROUP BY m.store_id, m.currency, f.cohort, m.month`;

// @marks is a JSON array of [customer_id, 'YYYY-MM'] pairs.
const PAIRS = `SELECT json_extract(value, '$[0]') AS customer_id, json_extract(value, '$[1]') AS month FROM json_each(@marks)`;
const CUSTOMERS = `SELECT DISTINCT json_extract(value, '$[0]') FROM json_each(@marks)`;

// One indexed range of orders_customer per marked customer-month.
const MARKED_ORDERS = `(${PAIRS}) AS p CROSS JOIN orders AS o
  ON o.customer_id = p.customer_id AND o.placed_at >= p.month || '-01' AND o.placed_at < date(p.month || '-01', '+1 month')`;

const ROW = 'customer_id, month, currency, store_id, orders, net_minor';

interface MonthRow {
  customer_id: number;
  month: string;
  currency: string;
  store_id: number;
  orders: number;
  net_minor: number;
}

interface First {
  customer_id: number;
  store_id: number;
  cohort: string;
}

/** A change to one rollup_cohorts row, summed over the marked customers before it is written. */
interface CohortDelta {
  key: [number, string, string, string];
  customers: number;
  orders: number;
  net: number;
}

/**
 * Recomputes the marked customer-months (keys 'customer_id|YYYY-MM' from
 * rollup_dirty). Most marks are a new order of a customer whose cohort stays
 * where it was: only the marked months' old and new rows change the cohort
 * table then. A customer whose cohort moves takes all their months along.
 */
export function recomputeCustomers(sqlite: Sqlite, keys: readonly string[]): void {
  const pairs: [number, string][] = [];
  for (const key of keys) {
    const [customer, month] = key.split('|');
    const id = Number(customer);
    if (Number.isSafeInteger(id) && month !== undefined && /^\d{4}-\d{2}$/.test(month)) pairs.push([id, month]);
  }
  if (pairs.length === 0) return;
  const marks = { marks: JSON.stringify(pairs) };
  const oldFirst = byCustomer(statement(sqlite, `SELECT customer_id, store_id, cohort FROM rollup_customer_first
    WHERE customer_id IN (${CUSTOMERS})`).all(marks) as First[]);
  const oldRows = groupByCustomer(statement(sqlite, `SELECT ${ROW} FROM rollup_customer_months
    WHERE (customer_id, month) IN (${PAIRS})`).all(marks) as MonthRow[]);
  statement(sqlite, `DELETE FROM rollup_customer_months WHERE (customer_id, month) IN (${PAIRS})`).run(marks);
  const freshRows = groupByCustomer(statement(sqlite, `${MONTHS(MARKED_ORDERS)} RETURNING ${ROW}`).all(marks) as MonthRow[]);
  const newFirst = byCustomer(statement(sqlite, `SELECT customer_id, min(store_id) AS store_id, min(month) AS cohort
    FROM rollup_customer_months WHERE customer_id IN (${CUSTOMERS}) GROUP BY customer_id`).all(marks) as First[]);

  const deltas = new Map<string, CohortDelta>();
  const moved: number[] = [];
  for (const customer of new Set(pairs.map(([id]) => id))) {
    const before = oldFirst.get(customer);
    const after = newFirst.get(customer);
    if (before && after && before.cohort === after.cohort) {
      for (const row of oldRows.get(customer) ?? []) addDelta(deltas, row, before.cohort, -1);
      for (const row of freshRows.get(customer) ?? []) addDelta(deltas, row, after.cohort, 1);
      if (before.store_id !== after.store_id) writeFirst(sqlite, customer, after);
    } else {
      moved.push(customer);
    }
  }
  if (moved.length > 0) moveCohorts(sqlite, moved, { oldFirst, newFirst, oldRows, marked: monthsByCustomer(pairs) }, deltas);
  writeCohortDeltas(sqlite, deltas);
}

/** Customers whose cohort appeared, moved or went: every month of theirs leaves the old cohort for the new. */
function moveCohorts(
  sqlite: Sqlite,
  customers: readonly number[],
  was: { oldFirst: Map<number, First>; newFirst: Map<number, First>; oldRows: Map<number, MonthRow[]>; marked: Map<number, Set<string>> },
  deltas: Map<string, CohortDelta>,
): void {
  const current = groupByCustomer(statement(sqlite, `SELECT ${ROW} FROM rollup_customer_months
    WHERE customer_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(customers)) as MonthRow[]);
  for (const customer of customers) {
    const now = current.get(customer) ?? [];
    const before = was.oldFirst.get(customer);
    const after = was.newFirst.get(customer);
    if (before) {
      const marked = was.marked.get(customer)!;
      const previous = [...now.filter((row) => !marked.has(row.month)), ...(was.oldRows.get(customer) ?? [])];
      for (const row of previous) addDelta(deltas, row, before.cohort, -1);
    }
    if (after) {
      for (const row of now) addDelta(deltas, row, after.cohort, 1);
      writeFirst(sqlite, customer, after);
    } else {
      statement(sqlite, 'DELETE FROM rollup_customer_first WHERE customer_id = ?').run(customer);
    }
  }
}

function writeFirst(sqlite: Sqlite, customer: number, first: First): void {
  statement(sqlite, 'INSERT OR REPLACE INTO rollup_customer_first (customer_id, store_id, cohort) VALUES (?, ?, ?)')
    .run(customer, first.store_id, first.cohort);
}

function addDelta(deltas: Map<string, CohortDelta>, row: MonthRow, cohort: string, sign: 1 | -1): void {
  const key: CohortDelta['key'] = [row.store_id, row.currency, cohort, row.month];
  const id = JSON.stringify(key);
  const delta = deltas.get(id) ?? { key, customers: 0, orders: 0, net: 0 };
  delta.customers += sign;
  delta.orders += sign * row.orders;
  delta.net += sign * row.net_minor;
  deltas.set(id, delta);
}

function writeCohortDeltas(sqlite: Sqlite, deltas: ReadonlyMap<string, CohortDelta>): void {
  for (const d of deltas.values()) {
    if (d.customers === 0 && d.orders === 0 && d.net === 0) continue;
    statement(sqlite, `INSERT INTO rollup_cohorts (store_id, currency, cohort, month, customers, orders, net_minor)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (store_id, currency, cohort, month) DO UPDATE SET customers = customers + excluded.customers,
          orders = orders + excluded.orders, net_minor = net_minor + excluded.net_minor`)
      .run(...d.key, d.customers, d.orders, d.net);
    // A cohort-month whose last active customer left holds nothing.
    statement(sqlite, `DELETE FROM rollup_cohorts
        WHERE store_id = ? AND currency = ? AND cohort = ? AND month = ? AND customers = 0`).run(...d.key);
  }
}

function byCustomer(rows: readonly First[]): Map<number, First> {
  return new Map(rows.map((row) => [row.customer_id, row]));
}

function groupByCustomer(rows: readonly MonthRow[]): Map<number, MonthRow[]> {
  const groups = new Map<number, MonthRow[]>();
  for (const row of rows) {
    const group = groups.get(row.customer_id);
    if (group) group.push(row);
    else groups.set(row.customer_id, [row]);
  }
  return groups;
}

function monthsByCustomer(pairs: readonly [number, string][]): Map<number, Set<string>> {
  const months = new Map<number, Set<string>>();
  for (const [customer, month] of pairs) {
    const set = months.get(customer) ?? new Set<string>();
    set.add(month);
    months.set(customer, set);
  }
  return months;
}

export function rebuildCustomers(sqlite: Sqlite): void {
  for (const table of CUSTOMER_TABLES) sqlite.exec(`DELETE FROM ${table}`);
  sqlite.exec(MONTHS('orders AS o'));
  sqlite.exec(FIRST('1'));
  sqlite.exec(`INSERT INTO rollup_cohorts (store_id, currency, cohort, month, customers, orders, net_minor) ${CONTRIBUTION('1')}`);
}

export const CUSTOMER_TABLES: readonly string[] = ['rollup_customer_months', 'rollup_customer_first', 'rollup_cohorts'];
