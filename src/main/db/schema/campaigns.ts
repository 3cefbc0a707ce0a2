import type { Generated } from 'kysely';
import type { Timestamp } from './columns';

/**
 * Row shapes of migration 0023: campaigns with their frozen members, coupons,
 * member prices and check-ins; lucky draws; the community (groups, members,
 * notes, honours, announcements, message templates). Owner: campaigns-core (issue 8).
 * JSON columns are TEXT here: each area parses them with its contract's schema.
 */
export interface CampaignsTable {
  id: Generated<number>;
  name: string;
  goal: 'reactivate' | 'upsell' | 'reward';
  status: Generated<'draft' | 'launched' | 'cancelled'>;
  store_id: number | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** JSON: CampaignAudience. */
  audience: string;
  holdout_percent: Generated<number>;
  holdout_salt: string;
  /** JSON: CampaignMechanic[]. */
  mechanics: Generated<string>;
  note: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  launched_at: Timestamp | null;
  launched_by: number | null;
  audience_count: number | null;
  excluded_no_consent: number | null;
  cancelled_at: Timestamp | null;
}

export interface CampaignMembersTable {
  campaign_id: number;
  customer_id: number;
  arm: 'treatment' | 'holdout';
}

export interface CampaignCouponsTable {
  id: Generated<number>;
  campaign_id: number;
  customer_id: number;
  store_id: number;
  code: string;
  kind: 'fixed_amount' | 'percent' | 'free_shipping';
  value_minor: number | null;
  percent: number | null;
  min_order_minor: Generated<number>;
  currency: string | null;
  expires_at: Timestamp | null;
  status: Generated<'issued' | 'used' | 'void'>;
  used_order_id: number | null;
  issued_at: Timestamp;
  idempotency_key: string;
}

export interface CampaignPricesTable {
  campaign_id: number;
  product_id: number;
  price_minor: number;
}

export interface CampaignCheckinsTable {
  campaign_id: number;
  customer_id: number;
  /** YYYY-MM-DD. */
  day: string;
  source: 'staff' | 'import' | 'order';
  staff_id: number | null;
  created_at: Timestamp;
}

export interface DrawsTable {
  id: Generated<number>;
  campaign_id: number;
  name: string;
  weighting: 'none' | 'tier' | 'points';
  winners_count: number;
  /** JSON: the prize as the draw mechanic names it. */
  prize: string;
  seed: string;
  /** JSON: the canonical entrant list. */
  entrants: string;
  entrants_hash: string;
  /** JSON: the winners in draw order. */
  winners: string;
  idempotency_key: string;
  run_at: Timestamp;
  run_by: number | null;
}

export interface CommunityGroupsTable {
  id: Generated<number>;
  platform: 'wechat' | 'qq' | 'whatsapp' | 'discord' | 'facebook' | 'other';
  name: string;
  link: string | null;
  owner: string | null;
  /** JSON: string[]. */
  moderators: Generated<string>;
  rules: Generated<string>;
  archived_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommunityMembersTable {
  group_id: number;
  customer_id: number;
  role: Generated<'member' | 'moderator'>;
  source: 'import' | 'profile';
  joined_at: Timestamp;
}

export interface CommunityNotesTable {
  id: Generated<number>;
  group_id: number;
  customer_id: number | null;
  body: string;
  staff_id: number | null;
  created_at: Timestamp;
}

export interface HonoursTable {
  id: Generated<number>;
  customer_id: number;
  board: 'reviewers' | 'referrers' | 'points';
  period_from: string;
  period_to: string;
  rank: number;
  badge: string;
  points: Generated<number>;
  ledger_entry_id: number | null;
  staff_id: number | null;
  awarded_at: Timestamp;
}

export interface AnnouncementsTable {
  id: Generated<number>;
  title_en: string;
  title_zh: string;
  body_en: string;
  body_zh: string;
  /** JSON: number[]. */
  group_ids: Generated<string>;
  campaign_id: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MessageTemplatesTable {
  id: Generated<number>;
  name: string;
  body_en: string;
  body_zh: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
