import type {
  OrderDetail, OrderLine, OrderPayment, OrderPointsEntry, OrderRefund, OrderReturn, OrderReturnLine,
  OrderPointsSummary, OrderShipment, OrderTicket, OrderTrackingEvent,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { auditTrail } from '../audit/log';
import { trackingUrlFor } from '../logistics/tracking-links';
import { customerName } from './list';
import { localShipmentPushes, withPush } from './shipment-push';

/**
 * `orders.get`: the order and everything that happened to it, for the detail
 * drawer. Each part is one indexed lookup by order id (tickets_order and
 * return_lines_return come with migration 0003; see tests/unit/orders-plan.test.ts).
 */
type OrderHead = Omit<OrderDetail,
  'customer' | 'customerSummary' | 'remoteTags' | 'localTags' | 'lines' | 'payments' | 'refunds'
  | 'shipments' | 'tickets' | 'returns' | 'points' | 'tags' | 'pointsSummary' | 'audit'> & { customerId: number | null; remoteTags: string; localTags: string };

function head(sqlite: Sqlite, id: number): OrderHead | undefined {
  return sqlite.prepare<[number], OrderHead>(
    `SELECT id, store_id AS storeId, external_id AS externalId, order_number AS orderNumber,
            placed_at AS placedAt, customer_id AS customerId, status, financial_status AS financialStatus,
            fulfillment_status AS fulfillmentStatus, channel, payment_method AS paymentMethod, currency,
            subtotal_minor AS subtotalMinor, discount_minor AS discountMinor, shipping_minor AS shippingMinor,
            tax_minor AS taxMinor, total_minor AS totalMinor, refunded_minor AS refundedMinor,
            shipping_country AS shippingCountry, shipping_region AS shippingRegion,
            remote_tags AS remoteTags, local_tags AS localTags, local_note AS localNote, cancelled_at AS cancelledAt
       FROM orders WHERE id = ?`,
  ).get(id);
}

function all<T>(sqlite: Sqlite, sql: string, id: number): T[] {
  return sqlite.prepare<[number], T>(sql).all(id);
}

function tags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return []; // a malformed tag list from a marketplace is shown as none, not as a crash
  }
}

interface CustomerRow {
  id: number; firstName: string | null; lastName: string | null; email: string | null; phone: string | null;
  country: string | null; marketingConsent: number; orderCount: number;
}

function customer(sqlite: Sqlite, customerId: number): CustomerRow | undefined {
  return sqlite.prepare<[number], CustomerRow>(
    `SELECT id, first_name AS firstName, last_name AS lastName, email, phone, country,
            marketing_consent AS marketingConsent,
            (SELECT count(*) FROM orders WHERE customer_id = customers.id) AS orderCount
       FROM customers WHERE id = ?`,
  ).get(customerId);
}

function shipments(sqlite: Sqlite, orderId: number): OrderShipment[] {
  const rows = all<Omit<OrderShipment, 'trackingEvents'> & { externalId: string }>(sqlite,
    `SELECT id, external_id AS externalId, carrier, service, tracking_number AS trackingNumber, tracking_url AS trackingUrl, status,
            sub_status AS subStatus, shipped_at AS shippedAt, estimated_delivery_at AS estimatedDeliveryAt,
            original_estimated_delivery_at AS originalEstimatedDeliveryAt, delivered_at AS deliveredAt
       FROM shipments WHERE order_id = ? ORDER BY coalesce(shipped_at, created_at), id`, orderId);
  const events = sqlite.prepare<[number], OrderTrackingEvent>(
    `SELECT id, occurred_at AS occurredAt, status, sub_status AS subStatus, location, message
       FROM tracking_events WHERE shipment_id = ? ORDER BY occurred_at, id`,
  );
  const pushes = localShipmentPushes(sqlite, orderId);
  // The link as the logistics lists give it: the platform's, else one built for well-known carriers.
  return rows.map(({ externalId: _externalId, ...s }) => withPush({ ...s, trackingUrl: trackingUrlFor(s.trackingUrl, s.carrier, s.trackingNumber),
    trackingEvents: events.all(s.id) }, _externalId, pushes));
}

function returns(sqlite: Sqlite, orderId: number): OrderReturn[] {
  const rows = all<Omit<OrderReturn, 'lines'>>(sqlite,
    `SELECT id, rma_number AS rmaNumber, status, reason, resolution, refund_minor AS refundMinor, currency,
            requested_at AS requestedAt, closed_at AS closedAt
       FROM returns WHERE order_id = ? ORDER BY requested_at, id`, orderId);
  const lines = sqlite.prepare<[number], OrderReturnLine>(
    `SELECT id, order_line_id AS orderLineId, quantity, reason FROM return_lines WHERE return_id = ? ORDER BY id`,
  );
  return rows.map((r) => ({ ...r, lines: lines.all(r.id) }));
}

/** Summed from the entries already read: no second trip to the ledger. */
function pointsSummary(entries: readonly OrderPointsEntry[]): OrderPointsSummary {
  const total = (type: string) => entries.filter((e) => e.entryType === type).reduce((sum, e) => sum + e.points, 0);
  const redeemed = entries.some((e) => e.entryType === 'redeem');
  return { earned: total('earn'), reversed: -total('reverse'), spentOnOrder: redeemed ? -total('redeem') : null };
}

export function getOrder(sqlite: Sqlite, id: number): OrderDetail {
  const order = head(sqlite, id);
  if (!order) throw new AppError('NOT_FOUND', `There is no order with id ${id}.`);
  const { customerId, remoteTags, localTags, ...rest } = order;
  const c = customerId === null ? undefined : customer(sqlite, customerId);
  const name = c ? customerName(c.firstName, c.lastName) : null;
  const remote = tags(remoteTags);
  const local = tags(localTags);
  const points = all<OrderPointsEntry>(sqlite,
    `SELECT id, entry_type AS entryType, points, available_at AS availableAt, expires_at AS expiresAt,
            reason, created_at AS createdAt
       FROM points_ledger WHERE order_id = ? ORDER BY created_at, id`, id);
  return {
    ...rest,
    remoteTags: remote,
    localTags: local,
    tags: [...new Set([...remote, ...local])].sort(),
    customer: c ? { id: c.id, name, email: c.email } : null,
    customerSummary: c
      ? { id: c.id, name, email: c.email, phone: c.phone, country: c.country,
          orderCount: c.orderCount, marketingConsent: c.marketingConsent === 1 }
      : null,
    lines: all<OrderLine>(sqlite,
      `SELECT id, product_id AS productId, title, sku, quantity, unit_price_minor AS unitPriceMinor,
              discount_minor AS discountMinor, total_minor AS totalMinor
         FROM order_lines WHERE order_id = ? ORDER BY id`, id),
    payments: all<OrderPayment>(sqlite,
      `SELECT id, kind, method, gateway, status, amount_minor AS amountMinor, currency, error_code AS errorCode,
              processed_at AS processedAt
         FROM payments WHERE order_id = ? ORDER BY processed_at, id`, id),
    refunds: all<OrderRefund>(sqlite,
      `SELECT id, amount_minor AS amountMinor, currency, reason, note, refunded_at AS refundedAt
         FROM refunds WHERE order_id = ? ORDER BY refunded_at, id`, id),
    shipments: shipments(sqlite, id),
    tickets: all<OrderTicket>(sqlite,
      `SELECT id, channel, subject, status, priority, created_at AS createdAt, solved_at AS solvedAt
         FROM tickets WHERE order_id = ? ORDER BY created_at, id`, id),
    returns: returns(sqlite, id),
    points,
    pointsSummary: pointsSummary(points),
    audit: auditTrail(sqlite, 'order', id, 100),
  };
}
