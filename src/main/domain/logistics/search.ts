import type { Sqlite } from '../../db/connection';
import { customerSearch } from '../customers/search';
import { SqlParams } from '../orders/sql-params';

/**
 * The shipments search box: a tracking number (by prefix, as typed or in
 * capitals), an order number ("#1234" or "1234", by prefix) or a customer (name
 * prefix, email or phone, as the customer search reads them). Each part finds
 * shipment ids through its own index. A handful travels as a literal id list;
 * a broad search (thousands of shipments) becomes a per-row test that the
 * sorted walk applies as it goes, finding a page long before it could have
 * collected every match.
 */
const MAX_LISTED = 2000;
const ORDER_NUMBER = /^#?\s*(\d+)$/;

export type ShipmentHits = { ids: number[] } | { condition: string } | null;

function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function prefixRange(column: string, prefix: string, params: SqlParams): string {
  return `(${column} >= ${params.add('from', prefix)} AND ${column} < ${params.add('to', prefixEnd(prefix))})`;
}

interface SearchParts {
  /** Tracking numbers: a condition on `shipments` (unqualified). */
  tracking: string;
  /** Orders or customers: the SELECT of their shipments' ids, and the same test on one order `o`. */
  orders: { select: string; condition: string } | null;
}

// CROSS JOIN keeps the left side outside: the matches through their index, then each one's orders or shipments.
const SHIPMENTS_OF_ORDERS = 'CROSS JOIN shipments s ON s.order_id = o.id';

function searchParts(sqlite: Sqlite, search: string, params: SqlParams): SearchParts {
  const numbers = [...new Set([search, search.toUpperCase()])];
  const tracking = `tracking_number IS NOT NULL AND (${numbers.map((p) => prefixRange('tracking_number', p, params)).join(' OR ')})`;
  const orderNumber = ORDER_NUMBER.exec(search);
  if (orderNumber) {
    // Platforms store "#1234" (Shopify, demo) or "1234" (WooCommerce): both, as prefixes.
    const ranges = [`#${orderNumber[1]}`, orderNumber[1]!].map((p) => prefixRange('o.order_number', p, params));
    const condition = `(${ranges.join(' OR ')})`;
    return { tracking, orders: { select: `SELECT s.id FROM orders o ${SHIPMENTS_OF_ORDERS} WHERE ${condition}`, condition } };
  }
  const customers = customerSearch(sqlite, search, params);
  if (customers === null) return { tracking, orders: null };
  if ('ids' in customers) {
    const condition = `o.customer_id IN (${customers.ids.join(', ')})`;
    return { tracking, orders: { select: `SELECT s.id FROM orders o ${SHIPMENTS_OF_ORDERS} WHERE ${condition}`, condition } };
  }
  return {
    tracking,
    orders: {
      select: `SELECT s.id FROM (${customers.select}) m CROSS JOIN orders o ON o.customer_id = m.id ${SHIPMENTS_OF_ORDERS}`,
      // Checked per order by the customer's key, not collected first.
      condition: `EXISTS (${customers.select} AND id = o.customer_id)`,
    },
  };
}

/** The shipments a search finds; null when it finds none (the caller answers an empty page). */
export function searchShipments(sqlite: Sqlite, search: string): { hits: ShipmentHits; params: SqlParams } {
  const params = new SqlParams();
  const parts = searchParts(sqlite, search, params);
  const selects = [`SELECT id FROM shipments WHERE ${parts.tracking}`];
  if (parts.orders) selects.push(parts.orders.select);
  // UNION ALL streams and stops at the limit (UNION would sort every arm whole first); a shipment
  // found twice (its number and its customer) is one id.
  const found = sqlite
    .prepare<Record<string, string | number>, number>(`SELECT id FROM (${selects.join(' UNION ALL ')}) LIMIT ${2 * MAX_LISTED + 1}`)
    .pluck()
    .all(params.values);
  const ids = [...new Set(found)];
  if (ids.length === 0) return { hits: null, params };
  if (ids.length <= MAX_LISTED && found.length <= 2 * MAX_LISTED) return { hits: { ids }, params: new SqlParams() };
  const onShipment = parts.tracking.replace(/\btracking_number\b/g, 's.tracking_number');
  const onOrder = parts.orders ? ` OR EXISTS (SELECT 1 FROM orders o WHERE o.id = s.order_id AND ${parts.orders.condition})` : '';
  return { hits: { condition: `(${onShipment}${onOrder})` }, params };
}
