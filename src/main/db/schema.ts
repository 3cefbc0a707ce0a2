import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Flag, Timestamp } from './schema/columns';
import type {
  CsatRequestsTable, FeedbackInboxColumns, FeedbackTable, KbArticlesTable, MacrosTable, ReturnEventsTable,
  ReturnLinesTable, ReturnsTable, TicketBulkUndoTable, TicketMessagesTable, TicketsIdempotency, TicketsSlaClockStarts,
  TicketsTable,
} from './schema/service';
import type {
  ImportFilesTable, OutboxTable, SyncLogTable, SyncQuarantineTable, SyncRunsTable, SyncStateTable,
  SyncDeferredIndexesTable, RemovedRemotelyColumn,
} from './schema/sync';
import type {
  RecsConfigTable, RecsExperimentsTable, RecsModelsTable, RecsPublicationsTable, RecsPublishedListsTable,
} from './schema/recs';
import type { TrackingFollowsTable, TrackingProviderTable } from './schema/tracking'; // tracking (issue 7)
import type {
  RollupCohortsTable, RollupCustomerFirstTable, RollupCustomerMonthsTable, RollupDeliveryDaysTable, RollupDirtyTable,
  RollupOrdersDailyTable, RollupPaymentsDailyTable, RollupRefundsDailyTable, RollupReturnsDailyTable,
  RollupShipmentsDailyTable, RollupStateTable, RollupTicketsDailyTable,
  RollupCustomerOrdersTable, RollupOrderGapsTable, RollupGapMarksTable, RollupGapsStateTable, RfmSegmentHistoryTable,
  RfmComputationsTable,
} from './schema/insights'; // rollups (issue 7)
import type {
  AnnouncementsTable, CampaignCheckinsTable, CampaignCouponsTable, CampaignMembersTable, CampaignPricesTable, CampaignsTable,
  CommunityGroupsTable, CommunityMembersTable, CommunityNotesTable, DrawsTable, HonoursTable, MessageTemplatesTable,
} from './schema/campaigns'; // campaigns and community (issue 8)

export * from './schema/service';
export * from './schema/sync';
export * from './schema/recs';
export * from './schema/tracking'; // tracking (issue 7)
export * from './schema/insights'; // rollups (issue 7)
export * from './schema/campaigns'; // campaigns and community (issue 8)

/**
 * Row shapes of the SQLite schema as Kysely sees them. These are storage types:
 * areas map them to the models the contract returns, never return them as-is.
 * The service desk's, sync's and recommendations' tables live in ./schema/.
 */

export type AuditEntityType =
  | 'order' | 'customer' | 'loyalty' | 'settings' | 'ticket' | 'return' | 'feedback' | 'staff' | 'macro' | 'kb_article' | 'store'
  | 'shipment' // logistics-core: disputes
  | 'community_group' | 'announcement' | 'message_template' // community-core (issue 8)
  | 'campaign'; // campaigns-core (issue 8)

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
  // 0018: disputes and the tracking provider's last look
  disputed_at: Timestamp | null;
  disputed_note: string | null;
  tracking_checked_at: Timestamp | null;
  tracking_error: string | null;
}

// fulfilment tracking (shipments.create): the items a parcel made in Backroom holds
export interface ShipmentLinesTable {
  shipment_id: number;
  order_line_id: number;
  quantity: number;
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


export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
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





export interface Database {
  stores: StoresTable;
  staff: StaffTable;
  products: ProductsTable;
  customers: CustomersTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  payments: PaymentsTable;
  refunds: RefundsTable & RemovedRemotelyColumn; // sync-apply: 0016 column
  shipments: ShipmentsTable & RemovedRemotelyColumn; // sync-apply: 0016 column
  tracking_events: TrackingEventsTable;
  shipment_lines: ShipmentLinesTable; // fulfilment tracking: 0025
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
  recs_config: RecsConfigTable;
  recs_models: RecsModelsTable;
  recs_experiments: RecsExperimentsTable;
  recs_publications: RecsPublicationsTable;
  recs_published_lists: RecsPublishedListsTable;
  sync_deferred_indexes: SyncDeferredIndexesTable; // sync-apply
  tracking_provider: TrackingProviderTable; // tracking (issue 7)
  tracking_follows: TrackingFollowsTable; // tracking (issue 7)
  // ---- rollups (issue 7, migrations 0018/0019) ----
  rollup_orders_daily: RollupOrdersDailyTable;
  rollup_payments_daily: RollupPaymentsDailyTable;
  rollup_refunds_daily: RollupRefundsDailyTable;
  rollup_shipments_daily: RollupShipmentsDailyTable;
  rollup_delivery_days: RollupDeliveryDaysTable;
  rollup_tickets_daily: RollupTicketsDailyTable;
  rollup_returns_daily: RollupReturnsDailyTable;
  rollup_customer_months: RollupCustomerMonthsTable;
  rollup_cohorts: RollupCohortsTable;
  rollup_customer_first: RollupCustomerFirstTable;
  rollup_dirty: RollupDirtyTable;
  rollup_state: RollupStateTable;
  // ---- end rollups ----
  rollup_customer_orders: RollupCustomerOrdersTable; // insights-core
  rollup_order_gaps: RollupOrderGapsTable; // insights-core
  rollup_gap_marks: RollupGapMarksTable; // insights-core
  rollup_gaps_state: RollupGapsStateTable; // insights-core
  rfm_segment_history: RfmSegmentHistoryTable; // insights-core
  rfm_computations: RfmComputationsTable; // insights-core
  // ---- campaigns and community (issue 8, migration 0023) ----
  campaigns: CampaignsTable;
  campaign_members: CampaignMembersTable;
  campaign_coupons: CampaignCouponsTable;
  campaign_prices: CampaignPricesTable;
  campaign_checkins: CampaignCheckinsTable;
  draws: DrawsTable;
  community_groups: CommunityGroupsTable;
  community_members: CommunityMembersTable;
  community_notes: CommunityNotesTable;
  honours: HonoursTable;
  announcements: AnnouncementsTable;
  message_templates: MessageTemplatesTable;
  // ---- end campaigns and community ----
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
