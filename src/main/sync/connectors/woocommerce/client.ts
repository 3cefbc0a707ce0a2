import { ConnectorError, type Credentials, type RateSignal } from '../../connector';
import { isObject } from './fields';

type WooCredentials = Extract<Credentials, { platform: 'woocommerce' }>;

/** A refusal with WooCommerce's own error code ("woocommerce_rest_coupon_code_already_exists"), for callers that must tell refusals apart. */
export class WooApiError extends ConnectorError {
  constructor(message: string, kind: ConnectorError['kind'], retryable: boolean, status: number, readonly wooCode: string | null) {
    super(message, kind, retryable, status);
    this.name = 'WooApiError';
  }
}

export interface WooResponse { status: number; headers: Headers; body: unknown }

/** WooCommerce's error body is WordPress's: { code, message, data: { status } }. */
export function wooMessage(body: unknown): { code: string | null; message: string | null } {
  if (!isObject(body)) return { code: null, message: null };
  const message = typeof body.message === 'string' ? body.message.replace(/<[^>]+>/g, '').trim() : null;
  return { code: typeof body.code === 'string' ? body.code : null, message: message || null };
}

/** A count header (X-WP-Total, X-WP-TotalPages) when it is there and a whole number. */
export function header(headers: Headers, name: string): number | null {
  const value = Number(headers.get(name));
  return headers.has(name) && Number.isInteger(value) && value >= 0 ? value : null;
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * One HTTP call to /wp-json/wc/v3 with the store's keys: Basic auth by
 * default, or consumer_key/consumer_secret in the query string for hosts that
 * strip the Authorization header. Failures become ConnectorErrors the engine
 * can act on; the keys never appear in a message.
 */
export class WooClient {
  private signal: RateSignal = { waitMs: 0, throttled: false };
  private readonly base: string;

  constructor(shopUrl: string, private readonly credentials: WooCredentials, private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number) {
    this.base = shopUrl.replace(/\/+$/, '');
  }

  rateSignal(): RateSignal {
    return this.signal;
  }

  url(path: string, query: Record<string, string> = {}): URL {
    const url = new URL(path === '' ? `${this.base}/wp-json/` : `${this.base}/wp-json/wc/v3/${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    if (this.credentials.queryStringAuth && path !== '') {
      url.searchParams.set('consumer_key', this.credentials.consumerKey);
      url.searchParams.set('consumer_secret', this.credentials.consumerSecret);
    }
    return url;
  }

  async request(method: 'GET' | 'POST' | 'PUT', path: string, options: { query?: Record<string, string>; body?: unknown; signal: AbortSignal }): Promise<WooResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (!this.credentials.queryStringAuth && path !== '') {
      headers.Authorization = `Basic ${Buffer.from(`${this.credentials.consumerKey}:${this.credentials.consumerSecret}`).toString('base64')}`;
    }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(this.url(path, options.query), {
        method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.any([options.signal, timeout]),
      });
      text = await response.text();
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason ?? error;
      if (timeout.aborted) {
        const limit = this.timeoutMs >= 1000 ? `${Math.round(this.timeoutMs / 1000)} seconds` : `${this.timeoutMs} milliseconds`;
        throw new ConnectorError(`The shop did not answer within ${limit}.`, 'timeout', true);
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      throw new ConnectorError(`Could not reach the shop at ${new URL(this.base).host} (${cause}).`, 'offline', true);
    }
    let body: unknown = null;
    let parsed = true;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = false;
    }
    this.signal = { waitMs: 0, throttled: false };
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? 5_000;
      this.signal = { waitMs: wait, throttled: true };
      throw new ConnectorError(`The shop asked Backroom to slow down; trying again in ${Math.ceil(wait / 1000)} seconds.`, 'throttled', true, 429, wait);
    }
    if (response.status >= 400) throw this.failure(response.status, body, parsed);
    if (!parsed) {
      throw new ConnectorError('The shop answered with something that is not JSON (a plugin or the host may be printing errors into the API).', 'malformed', true, response.status);
    }
    return { status: response.status, headers: response.headers, body };
  }

  private failure(status: number, body: unknown, parsed: boolean): WooApiError {
    const { code, message } = wooMessage(body);
    const reason = message ? ` WooCommerce said: "${message}"` : '';
    if (status === 401 || status === 403) {
      // No keys seen at all while Basic auth was sent: the host (Apache with CGI/FastCGI, some proxies) dropped the header.
      const stripped = code === 'woocommerce_rest_cannot_view' && !this.credentials.queryStringAuth
        ? ' If the keys are right, the host may be removing the Authorization header: turn on sending the keys in the query string.' : '';
      return new WooApiError(`WooCommerce refused the API keys.${reason} Check the consumer key and secret (WooCommerce › Settings › Advanced › REST API) and that the key has read/write access.${stripped}`, 'auth', false, status, code);
    }
    if (status >= 500) {
      // A WooCommerce error code on a 5xx is a refusal that retrying will not change (a refund WooCommerce rejected).
      const refused = parsed && code !== null && code.startsWith('woocommerce_rest_');
      return new WooApiError(`The shop answered with an error (HTTP ${status}).${reason}`, 'server', !refused, status, code);
    }
    if (status === 404 && code === 'rest_no_route') {
      return new WooApiError('The shop has no WooCommerce REST API at this address: check the shop URL and that pretty permalinks are on.', 'client', false, status, code);
    }
    return new WooApiError(`WooCommerce refused the request (HTTP ${status}).${reason}`, 'client', false, status, code);
  }
}
