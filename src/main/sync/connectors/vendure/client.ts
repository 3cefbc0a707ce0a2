import { ConnectorError, type Credentials, type RateSignal } from '../../connector';
import { retryAfterMs } from '../woocommerce/client';
import { LOGIN_MUTATION } from './queries';

type VendureCredentials = Extract<Credentials, { platform: 'vendure' }>;

interface GraphqlError { message: string; extensions?: { code?: string } }
interface GraphqlBody { data?: Record<string, unknown> | null; errors?: GraphqlError[] }

/** Vendure's ErrorResult: a refusal answered as data ({ errorCode, message }), not as a GraphQL error. */
export interface VendureErrorResult { __typename: string; errorCode?: string; message?: string }

export function isErrorResult(value: unknown): value is VendureErrorResult & { errorCode: string } {
  return value !== null && typeof value === 'object' && typeof (value as VendureErrorResult).errorCode === 'string';
}

/** A sentence from the server's message: capitalised, ending with a full stop. */
export function sentence(message: string): string {
  const trimmed = message.trim();
  if (trimmed === '') return 'Vendure gave no reason.';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export interface VendureClientOptions {
  timeoutMs?: number;
  /** Vendure's apiOptions.adminApiPath; 'admin-api' unless the server changed it. */
  adminApiPath?: string;
}

/**
 * One POST of a GraphQL document to Vendure's Admin API. Auth is an API key
 * (`vendure-api-key`, Vendure 3.6+) or an administrator's login exchanged for
 * a session through the `login` mutation: a bearer token when the server sends
 * `vendure-auth-token` (authOptions.tokenMethod 'bearer'), else the session
 * cookie it sets (Vendure's default tokenMethod is 'cookie'). The session
 * lives in memory only and is renewed once when Vendure answers FORBIDDEN
 * (sessions expire, or the server restarted with a fresh session cache).
 */
export class VendureClient {
  readonly endpoint: string;
  private signal: RateSignal = { waitMs: 0, throttled: false };
  private session: { header: 'authorization' | 'cookie'; value: string } | null = null;
  private readonly timeoutMs: number;

  constructor(shopUrl: string, private readonly credentials: VendureCredentials, private readonly fetchImpl: typeof fetch,
    options: VendureClientOptions = {}) {
    const path = (options.adminApiPath ?? 'admin-api').replace(/^\/+|\/+$/g, '');
    this.endpoint = `${shopUrl.replace(/\/+$/, '')}/${path}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  rateSignal(): RateSignal {
    return this.signal;
  }

  /** The data of a query or mutation; a GraphQL error becomes a ConnectorError the engine can act on. */
  async request<T>(query: string, variables: Record<string, unknown>, signal: AbortSignal): Promise<T> {
    const usesLogin = this.credentials.apiKey === undefined;
    if (usesLogin && this.session === null) await this.login(signal);
    const first = await this.post(query, variables, signal);
    if (usesLogin && first.forbidden) {
      // A session Vendure no longer knows: log in again once, then the answer stands.
      this.session = null;
      await this.login(signal);
      return this.dataOf<T>((await this.post(query, variables, signal)).body);
    }
    return this.dataOf<T>(first.body);
  }

  private async login(signal: AbortSignal): Promise<void> {
    const { username, password } = this.credentials;
    if (username === undefined || password === undefined) {
      throw new ConnectorError('Give Vendure an API key, or an administrator username and password.', 'auth', false);
    }
    const { body, headers } = await this.post(LOGIN_MUTATION, { username, password }, signal, false);
    const result = this.dataOf<{ login: unknown }>(body).login;
    if (isErrorResult(result)) {
      throw new ConnectorError(`Vendure refused the administrator login: ${sentence(result.message ?? result.errorCode)} Check the username and password.`, 'auth', false);
    }
    const token = headers.get('vendure-auth-token');
    if (token) {
      this.session = { header: 'authorization', value: `Bearer ${token}` };
      return;
    }
    const cookies = headers.getSetCookie().map((cookie) => cookie.split(';')[0]!).filter((pair) => pair.includes('='));
    if (cookies.length === 0) {
      throw new ConnectorError('Vendure accepted the login but sent neither a token nor a session cookie, so Backroom cannot stay signed in.', 'auth', false);
    }
    this.session = { header: 'cookie', value: cookies.join('; ') };
  }

  private headers(authenticated: boolean): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.credentials.channelToken) headers['vendure-token'] = this.credentials.channelToken;
    if (!authenticated) return headers;
    if (this.credentials.apiKey !== undefined) headers['vendure-api-key'] = this.credentials.apiKey;
    else if (this.session) headers[this.session.header] = this.session.value;
    return headers;
  }

  private async post(query: string, variables: Record<string, unknown>, signal: AbortSignal, authenticated = true):
    Promise<{ body: GraphqlBody; headers: Headers; forbidden: boolean }> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST', headers: this.headers(authenticated), body: JSON.stringify({ query, variables }),
        signal: AbortSignal.any([signal, timeout]),
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw signal.reason ?? error;
      if (timeout.aborted) throw new ConnectorError(`Vendure did not answer within ${Math.round(this.timeoutMs / 1000)} seconds.`, 'timeout', true);
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      throw new ConnectorError(`Could not reach the Vendure server at ${new URL(this.endpoint).host} (${cause}).`, 'offline', true);
    }
    this.signal = { waitMs: 0, throttled: false };
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? 5_000;
      this.signal = { waitMs: wait, throttled: true };
      throw new ConnectorError(`The Vendure server asked Backroom to slow down; trying again in ${Math.ceil(wait / 1000)} seconds.`, 'throttled', true, 429, wait);
    }
    if (response.status >= 500) {
      throw new ConnectorError(`The Vendure server answered with an error (HTTP ${response.status}); the request will be retried.`, 'server', true, response.status);
    }
    let body: GraphqlBody;
    try {
      body = JSON.parse(text) as GraphqlBody;
    } catch {
      if (response.status === 404) throw this.notFound();
      throw new ConnectorError(`The Vendure server answered with something that is not JSON (HTTP ${response.status}).`, response.status >= 400 ? 'client' : 'malformed', response.status < 400, response.status);
    }
    const forbidden = response.status === 401 || response.status === 403 || (body.errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN');
    if (response.status >= 400 && !forbidden && !body.errors?.length) {
      throw response.status === 404 ? this.notFound() : new ConnectorError(`Vendure refused the request (HTTP ${response.status}).`, 'client', false, response.status);
    }
    return { body, headers: response.headers, forbidden };
  }

  private notFound(): ConnectorError {
    return new ConnectorError(`There is no Vendure Admin API at ${this.endpoint}: check the shop address.`, 'client', false, 404);
  }

  private dataOf<T>(body: GraphqlBody): T {
    const errors = body.errors ?? [];
    if (errors.length === 0) return body.data as T;
    const reason = errors.map((e) => sentence(e.message)).join(' ');
    if (errors.some((e) => e.extensions?.code === 'FORBIDDEN')) {
      throw new ConnectorError(this.credentials.apiKey !== undefined
        // Vendure reads the key header only when authOptions.tokenMethod lists 'api-key'; otherwise the
        // request is simply anonymous and every query answers FORBIDDEN.
        ? `The API key was refused: ${reason} Check the key in Vendure (Settings › API keys), that its role may read and edit orders, customers and products, and that the server's authOptions.tokenMethod includes 'api-key'.`
        : `Vendure refused the administrator: ${reason} Check that this administrator's role may read and edit orders, customers and products.`, 'auth', false);
    }
    const internal = errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
    // A server fault may heal (a restart, a locked database); a refusal of the request itself will not.
    throw new ConnectorError(`Vendure answered with an error: ${reason}`, internal ? 'server' : 'client', internal);
  }
}
