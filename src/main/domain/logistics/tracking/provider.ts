import type { ShipmentStatus } from '../../../../shared/contract/logistics';

/**
 * What Backroom asks of a tracking provider (AfterShip today): follow a
 * parcel, list the parcels that changed since a time, look one up. A
 * connector knows its API (auth, paging, pacing, field names) and answers in
 * these shapes; the poller decides what to follow and applies what comes back.
 */

/** One scan of the parcel, times already in UTC ISO-8601. */
export interface ProviderCheckpoint {
  occurredAt: string;
  status: ShipmentStatus;
  subStatus: string | null;
  location: string | null;
  message: string | null;
}

/** A parcel as the provider sees it. */
export interface ProviderTracking {
  /** The provider's id of the tracking. */
  remoteId: string;
  trackingNumber: string;
  /** The provider's carrier code (AfterShip's slug). */
  slug: string | null;
  status: ShipmentStatus;
  subStatus: string | null;
  /** When the provider last changed this tracking (its own clock). */
  updatedAt: string | null;
  /** The first estimate the provider gave, when it says so. */
  firstEstimatedDeliveryAt: string | null;
  /** The provider's current estimate. */
  estimatedDeliveryAt: string | null;
  pickedUpAt: string | null;
  deliveredAt: string | null;
  trackingUrl: string | null;
  checkpoints: ProviderCheckpoint[];
}

/** What to follow: one of our shipments. */
export interface FollowRequest {
  shipmentId: number;
  trackingNumber: string;
  carrier: string;
  orderNumber: string;
  /** ISO 3166 alpha-2, when known. */
  destinationCountry: string | null;
  shippedAt: string | null;
}

export interface TrackingPage {
  trackings: ProviderTracking[];
  /** Null on the last page. */
  nextCursor: string | null;
}

export interface TrackingProvider {
  readonly name: string;
  /** A harmless authenticated call: resolves when the key is accepted, throws a ConnectorError otherwise. */
  test(signal: AbortSignal): Promise<void>;
  /** Starts following a parcel; one the provider already follows is looked up and returned instead. */
  follow(request: FollowRequest, signal: AbortSignal): Promise<ProviderTracking>;
  /** Trackings the provider changed at or after `since`, one page at a time. */
  listUpdated(since: string, cursor: string | null, signal: AbortSignal): Promise<TrackingPage>;
  get(remoteId: string, signal: AbortSignal): Promise<ProviderTracking>;
}

/**
 * Connectors throw the sync engine's ConnectorError: a refusal the merchant
 * can act on (bad key: 'auth'; unknown number: 'client' with the status) or a
 * passing failure (`retryable`: network, 5xx, rate limit) that withRetry
 * (sync/engine/retry.ts) retries with backoff and jitter. Its message is a sentence.
 */
export { ConnectorError } from '../../../sync/connector';
