import { ConnectorError } from '../../../../sync/connector';
import { withRetry } from '../../../../sync/engine/retry';
import type { EngineTiming } from '../../../../sync/engine/timing';
import type { FollowRequest, ProviderTracking, TrackingPage, TrackingProvider } from '../provider';
import { mapTracking, slugForCarrier } from './map';
import { AfterShipPacer } from './pacer';
import type {
  AfterShipCreateTracking, AfterShipEndpoint, AfterShipEnvelope, AfterShipMeta, AfterShipTracking, AfterShipTrackingList,
} from './types';

export interface AfterShipOptions {
  /** Up to and including the API version, e.g. https://api.aftership.com/tracking/2025-04. */
  baseUrl: string;
  apiKey: string;
  timing: EngineTiming;
  fetch?: typeof fetch;
  /** Wall clock (ms), for x-ratelimit-reset; injectable for tests. */
  wallNow?: () => number;
  /** One call's time limit. */
  timeoutMs?: number;
  /** Trackings per listing page (AfterShip allows up to 200). */
  pageSize?: number;
  /** Shared by every client made with the same key, so two runs in a row do not each start with a full window. */
  pacer?: AfterShipPacer;
}

const TRACKING_ALREADY_EXISTS = 4003;

/** An AfterShip refusal, with its meta code (4003 and the like). */
export class AfterShipError extends ConnectorError {
  constructor(message: string, kind: ConnectorError['kind'], retryable: boolean, status: number, readonly metaCode: number | null,
    retryAfterMs?: number) {
    super(message, kind, retryable, status, retryAfterMs);
  }
}

const said = (meta: Partial<AfterShipMeta> | undefined): string => (meta?.message ? ` (“${meta.message.replace(/\.$/, '')}”)` : '');

/** AfterShip's dates in queries: whole seconds, UTC. */
const queryTime = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class AfterShipProvider implements TrackingProvider {
  readonly name = 'aftership';
  private readonly fetchImpl: typeof fetch;
  private readonly pacer: AfterShipPacer;
  private readonly baseUrl: string;

  constructor(private readonly options: AfterShipOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.pacer = options.pacer ?? new AfterShipPacer(options.wallNow);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async test(signal: AbortSignal): Promise<void> {
    await this.call<AfterShipTrackingList>('GET /trackings', 'GET', '/trackings', { limit: '1' }, undefined, signal);
  }

  async follow(request: FollowRequest, signal: AbortSignal): Promise<ProviderTracking> {
    const slug = slugForCarrier(request.carrier);
    const body: AfterShipCreateTracking = {
      tracking_number: request.trackingNumber,
      ...(slug ? { slug } : {}),
      title: request.orderNumber,
      order_number: request.orderNumber,
      ...(request.shippedAt ? { tracking_ship_date: request.shippedAt.slice(0, 10) } : {}),
    };
    try {
      return this.tracking(await this.call<AfterShipTracking>('POST /trackings', 'POST', '/trackings', undefined, body, signal));
    } catch (error) {
      if (!(error instanceof AfterShipError) || error.metaCode !== TRACKING_ALREADY_EXISTS) throw error;
      // Followed before (by an earlier run that crashed before saving, or another tool on the account): use that one.
      const found = await this.call<AfterShipTrackingList>('GET /trackings', 'GET', '/trackings',
        { tracking_numbers: request.trackingNumber, ...(slug ? { slug } : {}) }, undefined, signal);
      const existing = (found.trackings ?? []).map(mapTracking).find((t) => t?.trackingNumber === request.trackingNumber);
      if (!existing) throw error;
      return existing;
    }
  }

  async listUpdated(since: string, cursor: string | null, signal: AbortSignal): Promise<TrackingPage> {
    const query: Record<string, string> = { updated_at_min: queryTime(since), limit: String(this.options.pageSize ?? 100) };
    if (cursor) query.cursor = cursor;
    const data = await this.call<AfterShipTrackingList>('GET /trackings', 'GET', '/trackings', query, undefined, signal);
    const trackings = (data.trackings ?? []).map(mapTracking).filter((t): t is ProviderTracking => t !== null);
    const next = data.pagination?.has_next_page ? data.pagination.next_cursor ?? null : null;
    return { trackings, nextCursor: next };
  }

  async get(remoteId: string, signal: AbortSignal): Promise<ProviderTracking> {
    return this.tracking(await this.call<AfterShipTracking>('GET /trackings/:id', 'GET', `/trackings/${encodeURIComponent(remoteId)}`,
      undefined, undefined, signal));
  }

  private tracking(raw: AfterShipTracking): ProviderTracking {
    const mapped = mapTracking(raw);
    // About this one parcel, not the whole account: kept on its shipment ('client'), the run goes on.
    if (!mapped) throw new AfterShipError('AfterShip answered with a tracking Backroom cannot read.', 'client', false, 200, null);
    return mapped;
  }

  /** One API call, paced within the endpoint's limit, retried with backoff on throttles, 5xx and network failures. */
  private call<T>(endpoint: AfterShipEndpoint, method: 'GET' | 'POST', path: string, query: Record<string, string> | undefined,
    body: unknown, signal: AbortSignal): Promise<T> {
    const { timing } = this.options;
    const url = `${this.baseUrl}${path}${query ? `?${new URLSearchParams(query).toString()}` : ''}`;
    return withRetry(timing, signal, async () => {
      const wait = this.pacer.waitBeforeMs(endpoint);
      if (wait > 0) await timing.sleep(wait, signal);
      this.pacer.sent(endpoint);
      const response = await this.send(url, method, body, signal);
      this.pacer.observe(endpoint, response.headers);
      const text = await response.text();
      let envelope: Partial<AfterShipEnvelope<T>> | null = null;
      try {
        envelope = text ? (JSON.parse(text) as Partial<AfterShipEnvelope<T>>) : null;
      } catch {
        envelope = null;
      }
      if (response.ok) {
        if (!envelope || envelope.data === undefined) {
          throw new AfterShipError('AfterShip answered with something that is not its usual JSON.', 'malformed', false, response.status, null);
        }
        return envelope.data;
      }
      throw this.refusal(endpoint, response, envelope?.meta);
    });
  }

  private async send(url: string, method: string, body: unknown, signal: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    try {
      return await this.fetchImpl(url, {
        method,
        headers: { 'as-api-key': this.options.apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any([signal, timeout]),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      if (timeout.aborted) throw new AfterShipError('AfterShip did not answer in time.', 'timeout', true, 0, null);
      throw new AfterShipError('AfterShip could not be reached; check the internet connection.', 'offline', true, 0, null);
    }
  }

  private refusal(endpoint: AfterShipEndpoint, response: Response, meta: Partial<AfterShipMeta> | undefined): AfterShipError {
    const status = response.status;
    const code = typeof meta?.code === 'number' ? meta.code : null;
    if (status === 401) {
      return new AfterShipError(`AfterShip refused the API key${said(meta)}; check that it was copied whole and is still active.`,
        'auth', false, status, code);
    }
    if (status === 403) {
      return new AfterShipError(`AfterShip does not allow this key to do that${said(meta)}; check the key's permissions.`,
        'auth', false, status, code);
    }
    if (status === 429) {
      const retryAfter = Number(response.headers.get('retry-after'));
      const waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : this.pacer.untilResetMs(endpoint);
      return new AfterShipError('AfterShip asked Backroom to slow down (too many requests).', 'throttled', true, status, code, waitMs);
    }
    if (status >= 500) {
      return new AfterShipError(`AfterShip had a problem on its side (HTTP ${status})${said(meta)}.`, 'server', true, status, code);
    }
    return new AfterShipError(`AfterShip refused the request${said(meta)}.`, 'client', false, status, code);
  }
}
