import type { Generated } from 'kysely';
import type { Flag, Timestamp } from './columns';

/** The service desk's tables: tickets, messages, feedback, returns, CSAT, macros and articles (0001, 0008–0012). */
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
