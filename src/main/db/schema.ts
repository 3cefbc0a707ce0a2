import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Row shapes of the SQLite schema as Kysely sees them. These are storage types:
 * areas map them to the models the contract returns, never return them as-is.
 */
type Timestamp = string; // UTC ISO-8601
type Flag = 0 | 1;

export type AuditEntityType =
  | 'order' | 'customer' | 'loyalty' | 'settings' | 'ticket' | 'return' | 'feedback' | 'staff' | 'macro' | 'kb_article' | 'store';

export interface StoresTable {
  id: Generated<number>;
  platform: 'demo' | 'shopify' | 'woocommerce' | 'vendure' | 'csv';
  name: string;
  domain: string | null;
  currency: string;
  timezone: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  // 0013: how the store connects (its secret is never here)
  shop_url: string | null;
  sync_resources: Generated<string>;
  sync_interval_minutes: Generated<number>;
  connected_at: Timestamp | null;
  disconnected_at: Timestamp | null;
  secret_store: 'os' | 'file' | null;
}

export interface StaffTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  role: Generated<'owner' | 'manager' | 'agent'>;
  capacity: Generated<number>;
  active: Generated<Flag>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface ProductsTable {
  id: Generated<number>;
  store_id: number;
  external_id: string;
  title: string;
  sku: string | null;
  category: string | null;
  brand: string | null;
  tags: Generated<string>;
  price_minor: number;
  currency: string;
  inventory_quantity: number | null;
  status: Generated<'active' | 'draft' | 'archived'>;
  remote_created_at: Timestamp | null;
  remote_updated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomersTable {
  id: Generated<number>;
  store_id: number;
  external_id: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  marketing_consent: Generated<Flag>;
  personalization_consent: Generated<Flag>;
  birthday: string | null;
  remote_tags: Generated<string>;
  local_tags: Generated<string>;
  local_note: string | null;
  remote_created_at: Timestamp | null;
  remote_updated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** customers-core (0004): set when merged into another customer; hidden from lists. */
  merged_into_id: Generated<number | null>;
}

export type OrderStatus = 'open' | 'completed' | 'cancelled';
export type FinancialStatus =
  | 'pending'
  | 'authorized'
  | 'paid'
  | 'partially_refunded'
  | 'refunded'
  | 'voided'
  | 'failed';
export type FulfillmentStatus = 'unfulfilled' | 'partial' | 'fulfilled' | 'returned';

export interface OrdersTable {
  id: Generated<number>;
  store_id: number;
  external_id: string;
  order_number: string;
  customer_id: number | null;
  customer_order_seq: number | null;
  channel: Generated<string>;
  status: OrderStatus;
  financial_status: FinancialStatus;
  fulfillment_status: FulfillmentStatus;
  currency: string;
  subtotal_minor: number;
  discount_minor: Generated<number>;
  shipping_minor: Generated<number>;
  tax_minor: Generated<number>;
  total_minor: number;
  refunded_minor: Generated<number>;
  payment_method: string | null;
  shipping_country: string | null;
  shipping_region: string | null;
  remote_tags: Generated<string>;
  local_tags: Generated<string>;
  local_note: string | null;
  placed_at: Timestamp;
  cancelled_at: Timestamp | null;
  remote_updated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  store_id: number;
  external_id: string;
  product_id: number | null;
  title: string;
  sku: string | null;
  quantity: number;
  unit_price_minor: number;
  discount_minor: Generated<number>;
  total_minor: number;
}

export interface PaymentsTable {
  id: Generated<number>;
  order_id: number;
  store_id: number;
  external_id: string;
  kind: Generated<'authorization' | 'capture' | 'sale' | 'void' | 'refund'>;
  method: string;
  gateway: string;
  status: 'pending' | 'success' | 'failure' | 'error';
  amount_minor: number;
  currency: string;
  error_code: string | null;
  processed_at: Timestamp;
  remote_updated_at: Timestamp | null;
}

export interface RefundsTable {
  id: Generated<number>;
  order_id: number;
  store_id: number;
  external_id: string;
  amount_minor: number;
  currency: string;
  reason: string | null;
  note: string | null;
  refunded_at: Timestamp;
  remote_updated_at: Timestamp | null;
}

export const SHIPMENT_STATUSES = [
  'Pending',
  'InfoReceived',
  'InTransit',
  'OutForDelivery',
  'AttemptFail',
  'Delivered',
  'AvailableForPickup',
  'Exception',
  'Expired',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export interface ShipmentsTable {
  id: Generated<number>;
  order_id: number;
  store_id: number;
  external_id: string;
  carrier: string;
  service: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  status: ShipmentStatus;
  sub_status: string | null;
  destination_country: string | null;
  destination_region: string | null;
  shipped_at: Timestamp | null;
  original_estimated_delivery_at: Timestamp | null;
  estimated_delivery_at: Timestamp | null;
  delivered_at: Timestamp | null;
  last_event_at: Timestamp | null;
  remote_updated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrackingEventsTable {
  id: Generated<number>;
  shipment_id: number;
  occurred_at: Timestamp;
  status: string;
  sub_status: string | null;
  location: string | null;
  message: string | null;
}

export type LedgerEntryType = 'earn' | 'bonus' | 'redeem' | 'expire' | 'adjust' | 'reverse';

export interface PointsLedgerTable {
  id: Generated<number>;
  customer_id: number;
  entry_type: LedgerEntryType;
  points: number;
  order_id: number | null;
  idempotency_key: string;
  available_at: Timestamp;
  expires_at: Timestamp | null;
  reason: string | null;
  staff_id: number | null;
  created_at: Timestamp;
}

export type TicketChannel = 'email' | 'chat' | 'phone' | 'marketplace' | 'review' | 'return' | 'manual';
export type TicketStatus =
  | 'new'
  | 'open'
  | 'waiting_customer'
  | 'waiting_third_party'
  | 'solved'
  | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

export interface TicketsTable {
  id: Generated<number>;
  store_id: number | null;
  external_id: string | null;
  customer_id: number | null;
  order_id: number | null;
  channel: TicketChannel;
  subject: string;
  status: TicketStatus;
  priority: Generated<TicketPriority>;
  assignee_id: number | null;
  tags: Generated<string>;
  first_replied_at: Timestamp | null;
  solved_at: Timestamp | null;
  csat_score: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  // 0008: versions, merges, links and SLA clocks
  version: Generated<number>;
  merged_into_id: number | null;
  feedback_id: number | null;
  return_id: number | null;
  shipment_id: number | null;
  first_reply_due_at: Timestamp | null;
  next_reply_due_at: Timestamp | null;
  resolution_due_at: Timestamp | null;
  sla_due_at: Timestamp | null;
  sla_paused_at: Timestamp | null;
  resolution_left_minutes: number | null;
  last_customer_message_at: Timestamp | null;
  first_reply_breached: Flag | null;
  next_reply_breaches: Generated<number>;
  resolution_breached: Flag | null;
  solved_by_id: number | null;
}

export interface TicketMessagesTable {
  id: Generated<number>;
  ticket_id: number;
  author_type: 'customer' | 'staff' | 'system';
  staff_id: number | null;
  visibility: Generated<'public' | 'internal'>;
  body: string;
  created_at: Timestamp;
  /** JSON array of file references. */
  attachments: Generated<string>;
  idempotency_key: string | null;
}

export interface FeedbackTable {
  id: Generated<number>;
  store_id: number | null;
  external_id: string | null;
  customer_id: number | null;
  order_id: number | null;
  product_id: number | null;
  source: 'review' | 'survey' | 'csat' | 'nps' | 'message';
  rating: number | null;
  title: string | null;
  body: string | null;
  status: Generated<'new' | 'acknowledged' | 'actioned' | 'archived'>;
  ticket_id: number | null;
  created_at: Timestamp;
  version: Generated<number>;
  sentiment_score: number | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  topics: Generated<string>;
  language: string | null;
  imported_from: string | null;
}

export type ReturnStatus =
  | 'requested'
  | 'approved'
  | 'declined'
  | 'in_transit'
  | 'received'
  | 'inspected'
  | 'resolved'
  | 'closed';

export interface ReturnsTable {
  id: Generated<number>;
  store_id: number | null;
  external_id: string | null;
  rma_number: string;
  order_id: number;
  customer_id: number | null;
  status: ReturnStatus;
  reason: string;
  note: string | null;
  resolution: 'refund' | 'exchange' | 'store_credit' | null;
  refund_minor: number | null;
  restocking_fee_minor: Generated<number>;
  return_shipping_minor: Generated<number>;
  currency: string;
  policy_flags: Generated<string>;
  refund_id: number | null;
  ticket_id: number | null;
  requested_at: Timestamp;
  received_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ReturnEventsTable {
  id: Generated<number>;
  return_id: number;
  from_status: ReturnStatus | null;
  to_status: ReturnStatus;
  staff_id: number | null;
  note: string | null;
  idempotency_key: string | null;
  at: Timestamp;
}

export interface CsatRequestsTable {
  id: Generated<number>;
  ticket_id: number;
  code: string;
  message: string;
  staff_id: number | null;
  created_at: Timestamp;
  responded_at: Timestamp | null;
  feedback_id: number | null;
}

export interface MacrosTable {
  id: Generated<number>;
  name: string;
  language: 'en' | 'zh-CN';
  body: string;
  actions: Generated<string>;
  active: Generated<Flag>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KbArticlesTable {
  id: Generated<number>;
  title: string;
  language: 'en' | 'zh-CN';
  body: string;
  tags: Generated<string>;
  active: Generated<Flag>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReturnLinesTable {
  id: Generated<number>;
  return_id: number;
  order_line_id: number;
  quantity: number;
  reason: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface SyncStateTable {
  store_id: number;
  resource: string;
  cursor_updated_at: Timestamp | null;
  cursor_external_id: string | null;
  last_started_at: Timestamp | null;
  last_succeeded_at: Timestamp | null;
  last_error: string | null;
  remote_total: number | null;
  last_run_id: number | null;
  // 0014 (sync-engine): the unfinished listing a crashed run resumes
  listing_since: Timestamp | null;
  listing_started_at: Timestamp | null;
  listing_page_token: string | null;
  listing_page: number | null;
  listing_max_updated_at: Timestamp | null;
  listing_max_external_id: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  store_id: number;
  idempotency_key: string;
  operation: string;
  target_type: string;
  target_id: number | null;
  entity_key: string;
  payload: string;
  status: Generated<'pending' | 'sending' | 'done' | 'failed' | 'discarded'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  last_http_status: number | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface SyncRunsTable {
  id: Generated<number>;
  store_id: number;
  trigger: 'manual' | 'schedule' | 'startup';
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  resources: string;
  fetched: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  quarantined: Generated<number>;
  error: string | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface SyncLogTable {
  id: Generated<number>;
  run_id: number;
  at: Timestamp;
  level: 'info' | 'warning' | 'error';
  resource: string | null;
  message: string;
  detail: Generated<string>;
}

export interface SyncQuarantineTable {
  id: Generated<number>;
  store_id: number;
  run_id: number | null;
  resource: string;
  external_id: string | null;
  reason: string;
  payload: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
}

export interface ImportFilesTable {
  id: Generated<number>;
  store_id: number;
  format: string;
  file_name: string | null;
  content_hash: string;
  rows: number;
  staff_id: number | null;
  imported_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  staff_id: number | null;
  entity_type: AuditEntityType;
  entity_id: number;
  action: string;
  /** JSON object: what changed (before/after, amounts, keys). */
  detail: Generated<string>;
}

// ---- orders-core (migration 0003): order tags, saved views ----
export interface OrderTagsTable {
  order_id: number;
  tag: string;
  source: 'remote' | 'local';
}

export interface SavedViewsTable {
  id: Generated<number>;
  area: string;
  name: string;
  /** JSON object: the view's filter and sort. */
  query: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
// ---- end orders-core ----

// ---- loyalty program (migration 0005; owner: loyalty-core) ----
export type RewardKind = 'fixed_amount' | 'percent' | 'free_shipping' | 'gift_product';

export interface RewardsTable {
  id: Generated<number>;
  name: string;
  kind: RewardKind;
  points_cost: number;
  value_minor: number | null;
  percent: number | null;
  product_id: number | null;
  min_order_minor: Generated<number>;
  limit_per_customer: number | null;
  active: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CouponsTable {
  id: Generated<number>;
  code: string;
  customer_id: number;
  reward_id: number;
  ledger_entry_id: number;
  store_id: number;
  kind: RewardKind;
  value_minor: number | null;
  percent: number | null;
  product_id: number | null;
  min_order_minor: Generated<number>;
  status: Generated<'issued' | 'used' | 'void'>;
  issued_at: Timestamp;
  idempotency_key: string;
}

export interface CustomerTiersTable {
  customer_id: number;
  tier_id: string;
  since: Timestamp;
  held_until: Timestamp | null;
}
// ---- end loyalty program ----

// ---- customers-core (migration 0004): RFM figures and merges ----------------
export type CustomerSegmentName =
  | 'champions' | 'loyal' | 'potential' | 'new' | 'atRisk' | 'cantLose' | 'hibernating' | 'lost';

export interface CustomerRfmTable {
  customer_id: number;
  /** Copied from customers at computation (segment figures need no join). */
  store_id: number;
  marketing_consent: Generated<Flag>;
  recency_days: number | null;
  frequency: Generated<number>;
  monetary_minor: Generated<number>;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: CustomerSegmentName | null;
  last_order_at: Timestamp | null;
  first_order_at: Timestamp | null;
  orders_count: Generated<number>;
  spend_minor: Generated<number>;
  computed_at: Timestamp;
}

export interface CustomerMergesTable {
  id: Generated<number>;
  source_customer_id: number;
  target_customer_id: number;
  staff_id: number | null;
  idempotency_key: string;
  merged_at: Timestamp;
  /** JSON object: what moved (counts, points, lots). */
  detail: Generated<string>;
}
// ---- end customers-core ------------------------------------------------------

// ---- svc-core (0009) ----------------------------------------------------------
/** 0009 adds tickets.idempotency_key (see TicketsIdempotency) and the bulk-action undo snapshots. */
export interface TicketsIdempotency {
  idempotency_key: string | null;
}

export interface TicketBulkUndoTable {
  token: string;
  staff_id: number;
  action: string;
  /** JSON array: each changed ticket's id, version after the action and the fields before it. */
  snapshot: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  undone_at: Timestamp | null;
}
// ---- end svc-core ------------------------------------------------------------

// ---- sla-core (0010) ----------------------------------------------------------
/** 0010: where the running SLA clocks started (see migrations/0010_sla_clock_starts.ts). */
export interface TicketsSlaClockStarts {
  resolution_started_at: Timestamp | null;
  resolution_paused_minutes: Generated<number>;
  next_reply_started_at: Timestamp | null;
}
// ---- end sla-core ------------------------------------------------------------

// ---- feedback (0012) ----------------------------------------------------------
/** 0012: feedback entered by hand is idempotent; hand-set topics survive re-applying the rules. */
export interface FeedbackInboxColumns {
  idempotency_key: string | null;
  topics_manual: Generated<Flag>;
}
// ---- end feedback ------------------------------------------------------------

export interface Database {
  stores: StoresTable;
  staff: StaffTable;
  products: ProductsTable;
  customers: CustomersTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  shipments: ShipmentsTable;
  tracking_events: TrackingEventsTable;
  points_ledger: PointsLedgerTable;
  tickets: TicketsTable & TicketsIdempotency & TicketsSlaClockStarts; // svc-core: 0009 column; sla-core: 0010 columns
  ticket_messages: TicketMessagesTable;
  feedback: FeedbackTable & FeedbackInboxColumns; // feedback: 0012 columns
  returns: ReturnsTable;
  return_lines: ReturnLinesTable;
  settings: SettingsTable;
  sync_state: SyncStateTable;
  outbox: OutboxTable;
  sync_runs: SyncRunsTable;
  sync_log: SyncLogTable;
  sync_quarantine: SyncQuarantineTable;
  import_files: ImportFilesTable;
  audit_log: AuditLogTable;
  rewards: RewardsTable;
  coupons: CouponsTable;
  customer_tiers: CustomerTiersTable;
  order_tags: OrderTagsTable; // orders-core
  saved_views: SavedViewsTable; // orders-core
  customer_rfm: CustomerRfmTable; // customers-core
  customer_merges: CustomerMergesTable; // customers-core
  return_events: ReturnEventsTable;
  csat_requests: CsatRequestsTable;
  macros: MacrosTable;
  kb_articles: KbArticlesTable;
  ticket_bulk_undo: TicketBulkUndoTable; // svc-core
}

export type DbStore = Selectable<StoresTable>;
export type NewDbStore = Insertable<StoresTable>;
export type DbCustomer = Selectable<CustomersTable>;
export type NewDbCustomer = Insertable<CustomersTable>;
export type DbOrder = Selectable<OrdersTable>;
export type NewDbOrder = Insertable<OrdersTable>;
export type DbOrderUpdate = Updateable<OrdersTable>;
export type DbProduct = Selectable<ProductsTable>;
export type NewDbProduct = Insertable<ProductsTable>;
