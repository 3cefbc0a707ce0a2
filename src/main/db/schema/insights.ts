import type { Timestamp } from './columns';

/**
 * The rollup tables of migration 0018 (kept up to date by 0019's marks and
 * domain/insights/rollups). Days are 'YYYY-MM-DD', months 'YYYY-MM'; text keys
 * that may be missing are '' rather than NULL.
 */
export interface RollupOrdersDailyTable {
  store_id: number;
  day: string;
  currency: string;
  channel: string;
  payment_method: string;
  orders: number;
  cancelled: number;
  gross_minor: number;
  refunded_minor: number;
  discount_minor: number;
  shipping_minor: number;
  tax_minor: number;
  first_orders: number;
  repeat_orders: number;
  guest_orders: number;
}

export interface RollupPaymentsDailyTable {
  store_id: number;
  day: string;
  currency: string;
  method: string;
  gateway: string;
  kind: string;
  status: string;
  payments: number;
  amount_minor: number;
}

export interface RollupRefundsDailyTable {
  store_id: number;
  day: string;
  currency: string;
  reason: string;
  refunds: number;
  amount_minor: number;
}

export interface RollupShipmentsDailyTable {
  store_id: number;
  day: string;
  carrier: string;
  country: string;
  region: string;
  status: string;
  shipments: number;
  delivered: number;
  with_estimate: number;
  on_time: number;
  disputed: number;
}

export interface RollupDeliveryDaysTable {
  store_id: number;
  day: string;
  carrier: string;
  country: string;
  region: string;
  metric: 'transit' | 'order_to_delivery';
  basis: 'calendar' | 'business';
  days: number;
  shipments: number;
}

export interface RollupTicketsDailyTable {
  day: string;
  channel: string;
  priority: string;
  created: number;
  solved: number;
  sla_judged: number;
  sla_met: number;
  csat_responses: number;
  csat_sum: number;
}

export interface RollupReturnsDailyTable {
  store_id: number;
  day: string;
  reason: string;
  returns: number;
  items: number;
}

export interface RollupCustomerMonthsTable {
  customer_id: number;
  month: string;
  store_id: number;
  currency: string;
  orders: number;
  net_minor: number;
}

export interface RollupCohortsTable {
  store_id: number;
  currency: string;
  cohort: string;
  month: string;
  customers: number;
  orders: number;
  net_minor: number;
}

export interface RollupCustomerFirstTable {
  customer_id: number;
  store_id: number;
  cohort: string;
}

export interface RollupDirtyTable {
  kind: string;
  key: string;
}

export interface RollupStateTable {
  id: number;
  refreshed_at: Timestamp | null;
  full_rebuild_at: Timestamp | null;
}

// ---- insights-core (migration retention_history) ----------------------------
/** Each customer's order days (orders not cancelled), for repeat purchase and time between orders. */
export interface RollupCustomerOrdersTable {
  customer_id: number;
  store_id: number;
  first_day: string;
  orders: number;
  /** Every order day, oldest first, comma separated. */
  days: string;
}
/** Orders by day and whole days since the customer's previous order (-1: a first order). */
export interface RollupOrderGapsTable {
  store_id: number;
  day: string;
  gap_days: number;
  orders: number;
}
export interface RollupGapMarksTable {
  customer_id: number;
}
export interface RollupGapsStateTable {
  id: number;
  built_at: Timestamp | null;
  rollups_rebuilt_at: Timestamp | null;
}
/** Every change of a customer's RFM segment, appended by a trigger on customer_rfm. */
export interface RfmSegmentHistoryTable {
  customer_id: number;
  since: Timestamp;
  segment: string | null;
}
export interface RfmComputationsTable {
  computed_at: Timestamp;
}
// ---- end insights-core ---------------------------------------------------------
