import type { LoyaltySettings } from '../../../shared/contract';
import type { OrderFacts, RefundReversal } from '../../domain/loyalty/orders';
import type { Sqlite } from '../../db/connection';
import type { RemoteOrder } from '../model';
import type { BulkIds } from './bulk-ids';
import { nextSequence, type PageSequences } from './bulk-sequence';
import { applyCustomer, customerIdForOrder } from './customers';
import { writeLines, writePayments, writeRefunds, writeShipments, type StoredShipment } from './order-children';
import {
  addOrder, ORDER_INSERT_COLUMNS, ORDER_REMOTE_COLUMNS, writePendingRows, type PendingRows,
} from './pending-rows';
import { mirrorRemovedChildren } from './order-removals';
import { earnAndReverse } from './order-points';
import { outcomeFor, prepared, tagsJson, type Outcome, type StoredRow } from './statements';
import { utcInstant } from './validate';

/**
 * Orders by (store_id, external_id), with their lines, payments, refunds and
 * shipments. The marketplace owns the order; local_tags and local_note are
 * Backroom's and never written here, and customer_order_seq is recomputed for
 * the customers a page touched once the page is written (sequence.ts).
 */
const FIND = `SELECT id, remote_updated_at AS remoteUpdatedAt, customer_id AS customerId, placed_at AS placedAt
  FROM orders WHERE store_id = ? AND external_id = ?`;
// The customer's orders so far, from the covering index orders_customer.
const CUSTOMER_ORDERS = 'SELECT count(*) AS n, max(placed_at) AS lastAt FROM orders WHERE customer_id = ?';
const REMOTE_COLUMNS = ORDER_REMOTE_COLUMNS;
const INSERT = `INSERT INTO orders (${ORDER_INSERT_COLUMNS})
  VALUES (${Array(ORDER_INSERT_COLUMNS.split(',').length).fill('?').join(', ')})`;
// A guest order has no place in anyone's sequence (the last ? is the new customer id: in SET, customer_id is the old
// one); a customer's is renumbered after the page when it may have moved.
const UPDATE = `UPDATE orders SET ${REMOTE_COLUMNS.split(',').map((c) => `${c.trim()} = ?`).join(', ')},
    customer_order_seq = CASE WHEN ? IS NULL THEN NULL ELSE customer_order_seq END
  WHERE id = ?`;

export interface StoredOrder extends StoredRow {
  customerId: number | null;
  placedAt: string;
}

/** What one page shares while it applies: lookups already made, and who needs renumbering. */
export interface PageState {
  storeId: number;
  now: Date;
  nowIso: string;
  customerIds: Map<string, number>;
  productIds: Map<string, number>;
  /** In a first backfill: the product and customer ids earlier pages' prefetch read (bulk-ids.ts); null otherwise. */
  knownIds: BulkIds | null;
  /** Customers whose orders were added, changed or moved away (for their RFM figures). */
  touchedCustomers: Set<number>;
  /** Customers whose order sequence a write may have shifted: renumbered after the page. */
  renumberCustomers: Set<number>;
  /** The page's orders as stored, read in one query (prefetch.ts); null: look each up. */
  storedOrders: Map<string, StoredOrder> | null;
  /** The loyalty settings, read once per page when the first order needs them. */
  loyaltySettings: LoyaltySettings | null;
  /**
   * Bulk mode with orders_customer deferred (deferred-indexes.ts): the index
   * that counts a customer's orders is away, so new orders are numbered from
   * the backfill's running counts (bulk-sequence.ts) and the customers those
   * cannot number are renumbered when the backfill ends, not after the page.
   */
  sequenceDeferred: boolean;
  /** The backfill's running counts, when sequenceDeferred. */
  bulkSequences: PageSequences | null;
  /**
   * Orders whose points are earned together when the page is written
   * (order-points.ts), when the program lets an order's points depend on the
   * order alone; null: each order earns as it is written.
   */
  earnLater: OrderFacts[] | null;
  /** With earnLater: the page's reversals, posted after its earnings (order-points.ts). */
  reverseLater: RefundReversal[] | null;
  /** The page's shipments as stored, read in one query (prefetch.ts); null: look each up. */
  storedShipments: Map<string, StoredShipment> | null;
  /** Lines and payments of new orders waiting to be written together (order-children.ts); null: each at once. */
  pendingRows: PendingRows | null;
}

/**
 * The sequence number of a new order, when it is simply the customer's latest
 * (the common case: a backfill comes roughly in time order, an incremental
 * sync brings new orders); null when it lands before one of theirs, and the
 * customer is renumbered after the page instead.
 */
function appendedSequence(sqlite: Sqlite, page: PageState, customerId: number | null, placedAt: string): number | null {
  if (customerId === null) return null;
  const { n, lastAt } = prepared(sqlite, CUSTOMER_ORDERS).get(customerId) as { n: number; lastAt: string | null };
  // A tie on placed_at goes by id, and the new row's id is the highest.
  if (lastAt === null || lastAt <= placedAt) return n + 1;
  page.renumberCustomers.add(customerId);
  return null;
}

function customerIdOf(sqlite: Sqlite, page: PageState, o: RemoteOrder): number | null {
  const externalId = o.customerExternalId ?? o.customer?.externalId ?? null;
  if (o.customer) applyCustomer(sqlite, page.storeId, o.customer, page.nowIso);
  if (externalId === null || externalId === '') return null;
  return customerIdForOrder(sqlite, page.storeId, externalId, page.nowIso, page.customerIds);
}

/**
 * Whether the page queues its new orders with their rows (pending-rows.ts): in
 * a first backfill, numbered from the backfill's counts and earning together
 * after the page, so nothing reads an order between its queueing and the page's
 * end but what writes the queue out first (an update, a refund).
 */
const queuesOrders = (page: PageState): boolean =>
  page.pendingRows !== null && page.bulkSequences !== null && page.earnLater !== null;

export function applyOrder(sqlite: Sqlite, page: PageState, o: RemoteOrder): Outcome {
  const stored = page.storedOrders
    ? page.storedOrders.get(o.externalId)
    : prepared(sqlite, FIND).get(page.storeId, o.externalId) as StoredOrder | undefined;
  const updatedAt = utcInstant(o.updatedAt)!;
  const outcome = outcomeFor(stored, updatedAt);
  if (outcome === 'unchanged') return outcome;
  const customerId = customerIdOf(sqlite, page, o);
  const placedAt = utcInstant(o.placedAt)!;
  const values = [o.orderNumber, customerId, o.channel || 'online', o.status, o.financialStatus, o.fulfillmentStatus,
    o.currency, o.subtotalMinor, o.discountMinor, o.shippingMinor, o.taxMinor, o.totalMinor, o.refundedMinor,
    o.paymentMethod ?? null, o.shippingCountry ?? null, o.shippingRegion ?? null, tagsJson(o.tags ?? []),
    placedAt, o.cancelledAt ? utcInstant(o.cancelledAt) : null, updatedAt, page.nowIso];
  let orderId: number;
  if (stored) {
    orderId = stored.id;
    // It may be one the page queued: written first, with everything queued before it (pending-rows.ts).
    writePendingRows(sqlite, page.pendingRows);
    prepared(sqlite, UPDATE).run(...values, customerId, orderId);
    if (stored.customerId !== null) page.touchedCustomers.add(stored.customerId);
    if (stored.customerId !== customerId || stored.placedAt !== placedAt) {
      if (stored.customerId !== null) page.renumberCustomers.add(stored.customerId);
      if (customerId !== null) page.renumberCustomers.add(customerId);
    }
  } else {
    const sequence = page.bulkSequences
      ? nextSequence(page.bulkSequences, customerId, placedAt, page.renumberCustomers)
      : page.sequenceDeferred ? null : appendedSequence(sqlite, page, customerId, placedAt);
    const row = [page.storeId, o.externalId, ...values, page.nowIso, sequence];
    orderId = queuesOrders(page) ? addOrder(sqlite, page.pendingRows!, row)
      : Number(prepared(sqlite, INSERT).run(row).lastInsertRowid);
  }
  if (customerId !== null) page.touchedCustomers.add(customerId);
  page.storedOrders?.set(o.externalId, { id: orderId, remoteUpdatedAt: updatedAt, customerId, placedAt });
  const replacing = stored !== undefined;
  writeLines(sqlite, page, orderId, o, replacing);
  writePayments(sqlite, page, orderId, o, updatedAt, replacing);
  const newRefunds = writeRefunds(sqlite, page, orderId, o, updatedAt, replacing);
  writeShipments(sqlite, page, orderId, o, replacing);
  // A shipment it deletes may be named by the page's lookups: the rest of the page looks them up again.
  if (replacing && mirrorRemovedChildren(sqlite, page.nowIso, orderId, o)) page.storedShipments = null;
  earnAndReverse(sqlite, page, { orderId, customerId, order: o, placedAt }, newRefunds);
  return outcome;
}
