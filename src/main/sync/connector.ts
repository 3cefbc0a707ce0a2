import type { MalformedRecord, RemoteRecord, SyncResource } from './model';

/**
 * What the sync engine asks of a marketplace. A connector knows its platform's
 * API (paging, filters, auth, mapping, its rate-limit signals); the engine owns
 * cursors, overlap windows, de-duplication, retries, pacing, cancel and the
 * one transaction per page (ARCHITECTURE.md, "Sync").
 */
export interface ConnectionSettings {
  /** https://shop.example.com or https://my-shop.myshopify.com (the tests use http://127.0.0.1:<port>). */
  shopUrl: string;
  /** The store's IANA time zone, for platforms whose dates are local (WooCommerce without dates_are_gmt). */
  timezone: string;
  currency: string;
}

/** Secrets: never stored in SQLite, never logged, never sent to the renderer. */
export type Credentials =
  | { platform: 'shopify'; accessToken: string }
  | { platform: 'woocommerce'; consumerKey: string; consumerSecret: string; queryStringAuth?: boolean }
  | { platform: 'vendure'; apiKey?: string; username?: string; password?: string; channelToken?: string };

/** Where a resource's incremental sync stands: the newest remote change applied, with an id tie-break. */
export interface SyncCursor {
  updatedAt: string;
  externalId: string;
}

export interface PageRequest {
  resource: SyncResource;
  /** Changes at or after this time (the engine already subtracted its overlap window); null = from the beginning. */
  since: string | null;
  /** The connector's own token for the next page of the same listing (null for the first page). */
  pageToken: string | null;
  signal: AbortSignal;
}

export interface Page {
  records: RemoteRecord[];
  malformed: MalformedRecord[];
  /** Null on the last page. */
  nextPageToken: string | null;
  /** The platform's count of everything this listing will return, when it says (X-WP-Total, a count query). */
  total: number | null;
}

export interface TestVerdict {
  ok: boolean;
  /** The shop's name, currency and time zone as the platform reports them. */
  shop?: { name: string; currency: string | null; timezone: string | null };
  /** A sentence for the merchant: the platform's own reason when it refused. */
  message: string;
}

/** The platform's pacing signal after a call, read by the engine's rate limiter. */
export interface RateSignal {
  /** Wait at least this long before the next call (a throttle's restore time, Retry-After). */
  waitMs: number;
  /** Shopify: the cost bucket's current and maximum available points and restore rate. */
  budget?: { available: number; maximum: number; restorePerSecond: number };
  throttled: boolean;
}

export interface OutboxItem {
  id: number;
  operation: string;
  targetType: string;
  targetId: number | null;
  /** The remote id of the target (an order's external id), resolved by the engine. */
  targetExternalId: string | null;
  payload: Record<string, unknown>;
  idempotencyKey: string;
}

export type PushResult =
  | { ok: true; remoteId?: string }
  /** permanent: a 4xx that will not heal by retrying; the merchant retries, edits or discards. */
  | { ok: false; permanent: boolean; message: string; status?: number };

export interface Connector {
  readonly platform: Credentials['platform'];
  test(signal: AbortSignal): Promise<TestVerdict>;
  /** The resources this platform can list, in the order a first sync should take them. */
  readonly resources: readonly SyncResource[];
  fetchPage(request: PageRequest): Promise<Page>;
  push(item: OutboxItem, signal: AbortSignal): Promise<PushResult>;
  /** The latest pacing signal (after each call). */
  rateSignal(): RateSignal;
}

/** Errors a connector throws: the engine retries `retryable` ones with backoff and jitter. */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly kind: 'offline' | 'timeout' | 'server' | 'throttled' | 'auth' | 'client' | 'malformed',
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
