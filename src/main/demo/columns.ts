import type { ColumnSpec } from './bulk-insert';
import { LEDGER_ENTRY_TYPES, LEDGER_REASONS } from './loyalty';
import {
  FINANCIAL_STATUSES, FULFILLMENT_STATUSES, GATEWAY_NAMES, ORDER_CHANNELS, ORDER_STATUSES, PAYMENT_ERRORS,
  PAYMENT_KINDS, PAYMENT_METHODS, PAYMENT_STATUSES, REFUND_REASONS,
} from './orders';
import { SCAN_MESSAGES, SHIPMENT_STATUSES, SHIPMENT_SUB_STATUSES } from './shipments';
import { CARRIER_SERVICES, COUNTRY_CODES } from './vocabulary';

/**
 * The columns the generator fills, per table, and how each is bound (see
 * ColumnSpec). Everything else keeps its schema default. The store id and
 * currency are the same for every row of a load, so they are literals. Only
 * short lists are bound as codes: SQLite tests CASE branches one by one, and
 * past a dozen values that costs more than binding the string.
 */
export function tableColumns(storeId: number, currency: string) {
  const store = { name: 'store_id', constant: storeId };
  const money = { name: 'currency', constant: currency };
  const externalId = { name: 'external_id', integerText: true } as const;
  const oneOf = (name: string, values: readonly string[]) => ({ name, oneOf: values });

  return {
    products: ['id', store, externalId, 'title', 'sku', 'category', 'brand', 'tags', 'price_minor', money,
      'inventory_quantity', 'status', 'created_at', 'updated_at'],
    customers: ['id', store, externalId, 'email', 'phone', 'first_name',
      'last_name', oneOf('country', COUNTRY_CODES), 'region',
      'city', 'marketing_consent', 'personalization_consent', 'birthday', 'created_at',
      'updated_at'],
    orders: ['id', store, externalId, { name: 'order_number', integerText: true, prefix: '#' }, 'customer_id',
      'customer_order_seq', oneOf('channel', ORDER_CHANNELS), oneOf('status', ORDER_STATUSES),
      oneOf('financial_status', FINANCIAL_STATUSES), oneOf('fulfillment_status', FULFILLMENT_STATUSES), money,
      'subtotal_minor', 'discount_minor', 'shipping_minor', 'tax_minor', 'total_minor', 'refunded_minor',
      oneOf('payment_method', PAYMENT_METHODS), oneOf('shipping_country', COUNTRY_CODES),
      'shipping_region', 'placed_at', 'cancelled_at', 'created_at', 'updated_at'],
    order_lines: ['id', 'order_id', store, externalId, 'product_id', 'title', 'sku', 'quantity',
      'unit_price_minor', 'discount_minor', 'total_minor'],
    payments: ['id', 'order_id', store, externalId, oneOf('kind', PAYMENT_KINDS), oneOf('method', PAYMENT_METHODS),
      oneOf('gateway', GATEWAY_NAMES), oneOf('status', PAYMENT_STATUSES), 'amount_minor', money,
      oneOf('error_code', PAYMENT_ERRORS), 'processed_at'],
    refunds: ['id', 'order_id', store, externalId, 'amount_minor', money, oneOf('reason', REFUND_REASONS), 'note',
      'refunded_at'],
    shipments: ['id', 'order_id', store, externalId, 'carrier', oneOf('service', CARRIER_SERVICES),
      { name: 'tracking_number', integerText: true }, oneOf('status', SHIPMENT_STATUSES), oneOf('sub_status', SHIPMENT_SUB_STATUSES),
      oneOf('destination_country', COUNTRY_CODES), 'destination_region', 'shipped_at',
      'original_estimated_delivery_at', 'estimated_delivery_at', 'delivered_at', 'last_event_at', 'created_at',
      'updated_at'],
    tracking_events: ['id', 'shipment_id', 'occurred_at', oneOf('status', SHIPMENT_STATUSES),
      oneOf('sub_status', SHIPMENT_SUB_STATUSES), 'location', oneOf('message', SCAN_MESSAGES)],
    points_ledger: ['id', 'customer_id', oneOf('entry_type', LEDGER_ENTRY_TYPES), 'points', 'order_id',
      'idempotency_key', 'available_at', 'expires_at', oneOf('reason', LEDGER_REASONS), 'staff_id', 'created_at'],
    tickets: ['id', store, 'customer_id', 'order_id', 'channel', 'subject', 'status', 'priority', 'assignee_id',
      'tags', 'first_replied_at', 'solved_at', 'csat_score', 'created_at', 'updated_at'],
    ticket_messages: ['id', 'ticket_id', 'author_type', 'staff_id', 'visibility', 'body', 'created_at'],
    feedback: ['id', store, 'external_id', 'customer_id', 'order_id', 'product_id', 'source', 'rating', 'title',
      'body', 'status', 'ticket_id', 'created_at'],
    returns: ['id', store, 'rma_number', 'order_id', 'customer_id', 'status', 'reason', 'resolution',
      'refund_minor', money, 'requested_at', 'received_at', 'resolved_at', 'closed_at', 'updated_at', 'refund_id'],
    return_lines: ['id', 'return_id', 'order_line_id', 'quantity', 'reason'],
  } satisfies Record<string, ColumnSpec[]>;
}
