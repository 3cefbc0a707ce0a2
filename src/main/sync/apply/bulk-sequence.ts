import type { Sqlite } from '../../db/connection';
import { renumberCustomerOrders, renumberStoreOrders } from './sequence';
import { prepared } from './statements';

/**
 * customer_order_seq during a first backfill in bulk mode, when the index that
 * counts a customer's orders (orders_customer) is deferred. Instead of writing
 * every order without a number and renumbering the whole store at the end (a
 * fifth of the bulk finish: an UPDATE of every order), each new order is
 * numbered as it is written from a running count per customer kept in memory
 * for the backfill: the common case, an order that is its customer's latest so
 * far, gets count + 1. A customer for whom that does not hold (an order older
 * than one already written, an order moved between customers or re-dated) is
 * remembered and renumbered once at the end.
 *
 * The counts are only a shortcut, never trusted: when the backfill ends
 * (settleBulkSequences) every number is checked against the rule in one read,
 * and the store is renumbered whole if any differs (a page rolled back after
 * its counts were kept, a customer with orders from before the backfill, a
 * crash that lost the counts). A page's counts join the backfill's only when
 * the page applied (commitPageSequences), so the usual retry of a page record
 * by record does not count its orders twice, and a record refused in that
 * retry gives its count back (undoSequences).
 */
interface CustomerCount {
  count: number;
  /** placed_at of the customer's latest order so far (ISO text: text order is time order). */
  lastAt: string;
}

interface StoreSequences {
  customers: Map<number, CustomerCount>;
  /** Customers whose numbers the counts could not give: renumbered when the backfill ends. */
  renumber: Set<number>;
}

/** A page's view: its own changes over the backfill's counts, kept apart until the page applied. */
export interface PageSequences {
  store: StoreSequences;
  changed: Map<number, CustomerCount>;
  /** What each change replaced, newest last: a record undone in its savepoint takes its own back (undoSequences). */
  undo: { customerId: number; before: CustomerCount | undefined }[];
}

const backfills = new WeakMap<Sqlite, Map<number, StoreSequences>>();

function storeSequences(sqlite: Sqlite, storeId: number): StoreSequences {
  let stores = backfills.get(sqlite);
  if (!stores) backfills.set(sqlite, (stores = new Map()));
  let store = stores.get(storeId);
  if (!store) stores.set(storeId, (store = { customers: new Map(), renumber: new Set() }));
  return store;
}

/** Forgets any counts of an earlier backfill of the store (a new one starts from nothing). */
export function resetBulkSequences(sqlite: Sqlite, storeId: number): void {
  backfills.get(sqlite)?.delete(storeId);
}

export function pageSequences(sqlite: Sqlite, storeId: number): PageSequences {
  return { store: storeSequences(sqlite, storeId), changed: new Map(), undo: [] };
}

/**
 * The number of a new order of this customer; null for a guest order (no
 * sequence) and for an order placed before one of theirs already written
 * (the customer is renumbered at the end; `renumber` collects them).
 */
export function nextSequence(page: PageSequences, customerId: number | null, placedAt: string,
  renumber: Set<number>): number | null {
  if (customerId === null) return null;
  const known = page.changed.get(customerId) ?? page.store.customers.get(customerId);
  page.undo.push({ customerId, before: page.changed.get(customerId) });
  // A tie on placed_at goes by id, and the new row's id is the highest.
  if (known !== undefined && known.lastAt > placedAt) {
    page.changed.set(customerId, { count: known.count + 1, lastAt: known.lastAt });
    renumber.add(customerId);
    return null;
  }
  const count = (known?.count ?? 0) + 1;
  page.changed.set(customerId, { count, lastAt: placedAt });
  return count;
}

/** Where a record starts, for undoSequences. */
export const sequencesMark = (page: PageSequences): number => page.undo.length;

/** A record rolled back in its savepoint: the counts it took are given back. */
export function undoSequences(page: PageSequences, mark: number): void {
  for (const { customerId, before } of page.undo.splice(mark).reverse()) {
    if (before === undefined) page.changed.delete(customerId);
    else page.changed.set(customerId, before);
  }
}

/** Once the page applied: its counts, and the customers it could not number, join the backfill's. */
export function commitPageSequences(page: PageSequences, renumber: ReadonlySet<number>): void {
  for (const [customerId, count] of page.changed) page.store.customers.set(customerId, count);
  for (const customerId of renumber) page.store.renumber.add(customerId);
  page.changed.clear();
  page.undo = [];
}

/** Whether any customer's order has a number other than the rule gives (by placement, then id, per customer). */
const ANY_WRONG = `SELECT 1 FROM (
    SELECT customer_order_seq AS stored,
           row_number() OVER (PARTITION BY customer_id ORDER BY placed_at, id) AS seq
      FROM orders WHERE customer_id IS NOT NULL)
  WHERE stored IS NOT seq LIMIT 1`;

/**
 * When the backfill's orders_customer comes back (the end of the backfill, or
 * the next open after a crash): renumbers the customers the counts could not
 * number, then checks every number, and renumbers the store whole when any is
 * still wrong. Forgets the counts.
 */
export function settleBulkSequences(sqlite: Sqlite, storeId: number): void {
  const store = backfills.get(sqlite)?.get(storeId);
  resetBulkSequences(sqlite, storeId);
  if (store) renumberCustomerOrders(sqlite, store.renumber);
  if (prepared(sqlite, ANY_WRONG).get() !== undefined) renumberStoreOrders(sqlite, storeId);
}
