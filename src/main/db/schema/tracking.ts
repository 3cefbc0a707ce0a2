import type { Flag, Timestamp } from './columns';

/** The tracking provider's tables (0018: tracking_provider; 0021: tracking_follows). Owner: tracking (issue 7). */
export interface TrackingProviderTable {
  id: 1;
  provider: string;
  base_url: string | null;
  enabled: Flag;
  interval_minutes: number;
  /** 'os' | 'file' when a key is kept in the vault; the key itself never is here. */
  secret_store: string | null;
  last_run_at: Timestamp | null;
  last_error: string | null;
  updated_at: Timestamp;
}

export interface TrackingFollowsTable {
  shipment_id: number;
  provider: string;
  /** The provider's id of the tracking. */
  remote_id: string;
  slug: string | null;
  /** The provider's update time of the tracking as last applied. */
  remote_updated_at: Timestamp | null;
  followed_at: Timestamp;
}
