import { ConnectorError, type RateSignal } from '../../connector';
import { API_VERSION } from './queries';

/**
 * One POST to the Admin GraphQL endpoint, with Shopify's failure modes turned
 * into ConnectorErrors and its cost bucket remembered for pacing. A THROTTLED
 * answer arrives as HTTP 200: the client waits the bucket's restore time and
 * asks again a few times before it gives the engine a retryable error.
 */
interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

interface GraphqlError {
  message: string;
  extensions?: { code?: string; requiredAccess?: string };
}

export interface ClientOptions {
  timeoutMs?: number;
  /** THROTTLED answers absorbed (by waiting) before one reaches the engine. */
  throttleRetries?: number;
}

const abortable = (ms: number, signal: AbortSignal): Promise<void> => new Promise((resolve, reject) => {
  if (signal.aborted) { reject(signal.reason); return; }
  const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
  const onAbort = (): void => { clearTimeout(timer); reject(signal.reason); };
  signal.addEventListener('abort', onAbort, { once: true });
});

export class ShopifyClient {
  private bucket: { available: number; maximum: number; restorePerSecond: number; at: number } | null = null;
  /** The requested cost of the last listing page: the next page will ask about as much. */
  private pacingCost = 0;
  private lastThrottled = false;
  readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly throttleRetries: number;

  constructor(shopUrl: string, private readonly token: string, private readonly fetchImpl: typeof fetch, options: ClientOptions = {}) {
    this.endpoint = `${shopUrl.replace(/\/+$/, '')}/admin/api/${API_VERSION}/graphql.json`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.throttleRetries = options.throttleRetries ?? 5;
  }

  /**
   * `paced`: this is the listing query the engine repeats, so its requested
   * cost is what rateSignal waits for. Follow-ups (an order's extra lines, a
   * push) are small and must not make the next page look cheaper than it is.
   */
  async request<T>(query: string, variables: Record<string, unknown>, signal: AbortSignal, options: { paced?: boolean } = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const body = await this.post(query, variables, signal);
      const requested = body.extensions?.cost?.requestedQueryCost;
      if (typeof requested === 'number' && options.paced) this.pacingCost = requested;
      const throttled = body.errors?.some((e) => e.extensions?.code === 'THROTTLED') ?? false;
      this.lastThrottled = throttled;
      if (!throttled) return this.dataOf<T>(body);
      const waitMs = this.waitFor(typeof requested === 'number' ? requested : this.pacingCost) + 50;
      if (attempt >= this.throttleRetries) {
        throw new ConnectorError('Shopify is throttling requests: the API cost budget is spent. Waiting for it to refill.',
          'throttled', true, 200, waitMs);
      }
      await abortable(waitMs, signal);
    }
  }

  /** The pacing signal: how long until the bucket holds what the last query asked for. */
  rateSignal(): RateSignal {
    if (!this.bucket) return { waitMs: 0, throttled: this.lastThrottled };
    return {
      waitMs: this.waitFor(this.pacingCost),
      budget: { available: this.availableNow(), maximum: this.bucket.maximum, restorePerSecond: this.bucket.restorePerSecond },
      throttled: this.lastThrottled,
    };
  }

  private availableNow(): number {
    const b = this.bucket!;
    return Math.min(b.maximum, b.available + ((Date.now() - b.at) / 1000) * b.restorePerSecond);
  }

  private waitFor(cost: number): number {
    if (!this.bucket || this.bucket.restorePerSecond <= 0) return 0;
    const missing = cost - this.availableNow();
    return missing <= 0 ? 0 : Math.ceil((missing / this.bucket.restorePerSecond) * 1000);
  }

  private async post(query: string, variables: Record<string, unknown>, signal: AbortSignal):
    Promise<{ data?: unknown; errors?: GraphqlError[]; extensions?: { cost?: CostExtension } }> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': this.token },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.any([signal, timeout]),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      if (timeout.aborted) throw new ConnectorError(`Shopify did not answer within ${this.timeoutMs / 1000} seconds.`, 'timeout', true);
      throw new ConnectorError(`Shopify could not be reached (${(error as Error).message}).`, 'offline', true);
    }
    const text = await response.text().catch(() => {
      if (signal.aborted) throw signal.reason;
      throw new ConnectorError('Shopify stopped answering in the middle of a response.', 'timeout', true);
    });
    if (!response.ok) throw this.httpError(response, text);
    let body: { data?: unknown; errors?: GraphqlError[]; extensions?: { cost?: CostExtension } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new ConnectorError('Shopify answered with something that is not JSON; the request will be retried.', 'server', true, response.status);
    }
    const cost = body.extensions?.cost;
    if (cost?.throttleStatus) {
      const s = cost.throttleStatus;
      this.bucket = { available: s.currentlyAvailable, maximum: s.maximumAvailable, restorePerSecond: s.restoreRate, at: Date.now() };
    }
    return body;
  }

  private httpError(response: Response, text: string): ConnectorError {
    const status = response.status;
    const reason = shopifyReason(text);
    if (status === 401) {
      return new ConnectorError(`Shopify refused the access token${reason ? ` ("${reason}")` : ''}. Check that the whole Admin API access token was pasted and that the app is still installed.`, 'auth', false, status);
    }
    if (status === 403) {
      return new ConnectorError(`Shopify refused access${reason ? ` ("${reason}")` : ''}: the app is missing a scope it needs (read_orders, read_customers, read_products).`, 'auth', false, status);
    }
    if (status === 404) return new ConnectorError('There is no Shopify Admin API at this address. Check the shop URL (https://your-shop.myshopify.com).', 'client', false, status);
    if (status === 429) {
      const retryAfter = Number(response.headers.get('retry-after'));
      return new ConnectorError('Shopify asked us to slow down (429).', 'throttled', true, status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 2000);
    }
    if (status >= 500) return new ConnectorError(`Shopify had a server error (${status}); the request will be retried.`, 'server', true, status);
    return new ConnectorError(`Shopify rejected the request (${status}${reason ? `: ${reason}` : ''}).`, 'client', false, status);
  }

  private dataOf<T>(body: { data?: unknown; errors?: GraphqlError[] }): T {
    const errors = body.errors ?? [];
    const denied = errors.find((e) => e.extensions?.code === 'ACCESS_DENIED');
    if (denied) {
      const scope = /`?(\w+)`? access scope/.exec(denied.extensions?.requiredAccess ?? denied.message)?.[1];
      throw new ConnectorError(scope
        ? `Shopify denied access: the app needs the ${scope} scope. Add it to the app's Admin API scopes and reinstall the app.`
        : `Shopify denied access: ${denied.message}`, 'auth', false, 200);
    }
    const nothing = body.data === undefined || body.data === null
      || (typeof body.data === 'object' && Object.values(body.data).every((v) => v === null));
    if (errors.length > 0 && nothing) {
      throw new ConnectorError(`Shopify rejected the query: ${errors.map((e) => e.message).join('; ')}`, 'client', false, 200);
    }
    if (errors.length > 0) throw new ConnectorError(`Shopify answered with errors: ${errors.map((e) => e.message).join('; ')}`, 'server', true, 200);
    return body.data as T;
  }
}

/** Shopify's error bodies: { errors: "text" } or { errors: [{ message }] } or { errors: { field: [...] } }. */
function shopifyReason(text: string): string | null {
  try {
    const errors = (JSON.parse(text) as { errors?: unknown }).errors;
    if (typeof errors === 'string') return errors;
    if (Array.isArray(errors)) return errors.map((e) => (e as { message?: string }).message ?? String(e)).join('; ');
    if (errors && typeof errors === 'object') return JSON.stringify(errors);
  } catch { /* not JSON: no reason to quote */ }
  return null;
}
