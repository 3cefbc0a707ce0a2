/**
 * The parts of AfterShip's Tracking API (version 2025-04) Backroom reads, with
 * AfterShip's own field names. Every response is an envelope
 * `{ meta: { code, message, type }, data }`; `meta.code` is 200/201 on success
 * and a finer code on failure (401 invalid key, 4003 tracking already exists,
 * 4004 tracking does not exist, 429 too many requests).
 */
export const AFTERSHIP_API_VERSION = '2025-04';
export const AFTERSHIP_DEFAULT_BASE_URL = `https://api.aftership.com/tracking/${AFTERSHIP_API_VERSION}`;

export interface AfterShipMeta {
  code: number;
  message?: string;
  type?: string;
}

export interface AfterShipEnvelope<T> {
  meta: AfterShipMeta;
  data: T;
}

export interface AfterShipCheckpoint {
  checkpoint_time?: string;
  created_at?: string;
  slug?: string;
  location?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  country_region?: string | null;
  country_region_name?: string | null;
  message?: string;
  tag?: string;
  subtag?: string;
  subtag_message?: string;
}

interface AfterShipEstimate {
  estimated_delivery_date?: string | null;
  estimated_delivery_date_min?: string | null;
  estimated_delivery_date_max?: string | null;
}

interface AfterShipEddObject {
  type?: string;
  source?: string;
  datetime?: string | null;
  datetime_min?: string | null;
  datetime_max?: string | null;
}

export interface AfterShipTracking {
  id?: string;
  tracking_number?: string;
  slug?: string;
  active?: boolean;
  created_at?: string;
  updated_at?: string;
  tag?: string;
  subtag?: string;
  subtag_message?: string;
  title?: string;
  order_number?: string | null;
  shipment_pickup_date?: string | null;
  shipment_delivery_date?: string | null;
  courier_tracking_link?: string | null;
  courier_estimated_delivery_date?: AfterShipEstimate | null;
  aftership_estimated_delivery_date?: AfterShipEstimate | null;
  custom_estimated_delivery_date?: AfterShipEstimate | null;
  first_estimated_delivery?: AfterShipEddObject | null;
  latest_estimated_delivery?: AfterShipEddObject | null;
  checkpoints?: AfterShipCheckpoint[];
}

export interface AfterShipTrackingList {
  pagination?: { total?: number; next_cursor?: string | null; has_next_page?: boolean };
  trackings?: AfterShipTracking[];
}

/** What POST /trackings takes (the fields Backroom sends). */
export interface AfterShipCreateTracking {
  tracking_number: string;
  slug?: string;
  title?: string;
  order_number?: string;
  order_id?: string;
  tracking_ship_date?: string;
}

/** Documented per-endpoint limits (requests per second) since 2024-07, used until the headers say otherwise. */
export const AFTERSHIP_DOCUMENTED_LIMITS = {
  'POST /trackings': 20,
  'GET /trackings': 6,
  'GET /trackings/:id': 5,
} as const;
export type AfterShipEndpoint = keyof typeof AFTERSHIP_DOCUMENTED_LIMITS;
