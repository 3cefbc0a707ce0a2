import type { IncomingMessage, ServerResponse } from 'node:http';
import { asTime, type AfterShipServerState, type ServerTracking } from './state';

export const API_PREFIX = '/tracking/2025-04';

interface Answer {
  status: number;
  meta: { code: number; message: string; type: string };
  data: unknown;
}

const ok = (data: unknown, status = 200): Answer => ({ status, meta: { code: status, message: '', type: 'OK' }, data });
const fail = (status: number, code: number, type: string, message: string): Answer => ({ status, meta: { code, message, type }, data: {} });

const NOT_FOUND = fail(404, 404, 'NotFound', 'The URI requested is invalid or the resource requested does not exist.');
const NUMBER_FORMAT = /^[A-Za-z0-9\-._/]{4,100}$/;

/** Which row of AfterShip's rate-limit table a request counts against (null: not an API path). */
export function endpointOf(method: string, path: string): string | null {
  if (!path.startsWith(`${API_PREFIX}/`)) return null;
  const rest = path.slice(API_PREFIX.length);
  if (rest === '/trackings') return `${method} /trackings`;
  if (/^\/trackings\/[^/]+$/.test(rest)) return `${method} /trackings/:id`;
  return `${method} ${rest}`;
}

/** Opaque to clients, as AfterShip's cursors are. */
const encodeCursor = (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function decodeCursor(cursor: string): number | null {
  try {
    const offset = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }).o;
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : null;
  } catch {
    return null;
  }
}

function listTrackings(state: AfterShipServerState, query: URLSearchParams): Answer {
  const limit = query.has('limit') ? Number(query.get('limit')) : 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return fail(400, 4008, 'BadRequest', 'The value of `limit` is invalid.');
  const offset = query.has('cursor') ? decodeCursor(query.get('cursor')!) : 0;
  if (offset === null) return fail(400, 4008, 'BadRequest', 'The value of `cursor` is invalid.');
  const since = query.get('updated_at_min');
  const until = query.get('updated_at_max');
  const numbers = query.get('tracking_numbers')?.split(',').map((n) => n.trim());
  const slugs = query.get('slug')?.split(',').map((s) => s.trim());
  const tags = query.get('tag')?.split(',').map((s) => s.trim());
  for (const bound of [since, until]) {
    if (bound !== null && Number.isNaN(Date.parse(bound))) return fail(400, 4008, 'BadRequest', 'The value of `updated_at_min` is invalid.');
  }
  const matching = [...state.trackings.values()]
    .filter((t) => since === null || Date.parse(t.updated_at) >= Date.parse(since))
    .filter((t) => until === null || Date.parse(t.updated_at) <= Date.parse(until))
    .filter((t) => !numbers || numbers.includes(t.tracking_number))
    .filter((t) => !slugs || slugs.includes(t.slug))
    .filter((t) => !tags || tags.includes(t.tag))
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1));
  const trackings = matching.slice(offset, offset + limit);
  const hasNext = offset + limit < matching.length;
  return ok({
    pagination: { total: matching.length, next_cursor: hasNext ? encodeCursor(offset + limit) : null, has_next_page: hasNext },
    trackings,
  });
}

function createTracking(state: AfterShipServerState, body: unknown): Answer {
  if (body === undefined) return fail(400, 4001, 'BadRequest', 'Invalid JSON data.');
  const input = body as Partial<Record<string, unknown>>;
  const number = input.tracking_number;
  if (typeof number !== 'string' || number === '') return fail(400, 4007, 'BadRequest', '`tracking_number` is required.');
  if (!NUMBER_FORMAT.test(number)) return fail(400, 4005, 'BadRequest', 'The value of `tracking_number` is invalid.');
  const slug = typeof input.slug === 'string' ? input.slug : undefined;
  const existing = [...state.trackings.values()].find((t) => t.tracking_number === number && (slug === undefined || t.slug === slug));
  if (existing) return fail(400, 4003, 'BadRequest', 'Tracking already exists.');
  const created: ServerTracking = state.create({
    tracking_number: number, slug,
    title: typeof input.title === 'string' ? input.title : undefined,
    order_number: typeof input.order_number === 'string' ? input.order_number : undefined,
  });
  return ok(created, 201);
}

/** One API request after auth and rate limiting. */
export function route(state: AfterShipServerState, method: string, url: URL, body: unknown): Answer {
  const rest = url.pathname.slice(API_PREFIX.length);
  if (rest === '/trackings' && method === 'GET') return listTrackings(state, url.searchParams);
  if (rest === '/trackings' && method === 'POST') return createTracking(state, body);
  const one = /^\/trackings\/([^/]+)$/.exec(rest);
  if (one && method === 'GET') {
    const tracking = state.trackings.get(decodeURIComponent(one[1]!));
    return tracking ? ok(tracking) : fail(404, 4004, 'NotFound', 'Tracking does not exist.');
  }
  return NOT_FOUND;
}

/** Auth first (a bad key is refused whatever the path), then the endpoint's per-second limit, then injected failures. */
export function gate(state: AfterShipServerState, req: IncomingMessage, endpoint: string): { answer: Answer | null; headers: Record<string, string> } {
  const now = state.clock();
  const second = Math.floor(now / 1000);
  const limit = state.limits[endpoint] ?? 10;
  let window = state.windows.get(endpoint);
  if (!window || window.second !== second) {
    window = { second, count: 0 };
    state.windows.set(endpoint, window);
  }
  const headers = (remaining: number): Record<string, string> => ({
    'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(0, remaining)),
    'x-ratelimit-reset': String(second + 1),
  });
  if (req.headers['as-api-key'] !== state.apiKey) {
    return { answer: fail(401, 401, 'Unauthorized', 'Invalid API key.'), headers: {} };
  }
  if (window.count >= limit || state.failures.rateLimited > 0) {
    if (window.count < limit) state.failures.rateLimited--;
    return {
      answer: fail(429, 429, 'TooManyRequests', `You have exceeded the API call rate limit. The limit is ${limit} requests per second.`),
      headers: headers(0),
    };
  }
  window.count++;
  if (state.failures.serverErrors > 0) {
    state.failures.serverErrors--;
    return {
      answer: fail(state.failures.serverErrorStatus, state.failures.serverErrorStatus, 'InternalError', 'Something went wrong on AfterShip\'s end.'),
      headers: headers(limit - window.count),
    };
  }
  return { answer: null, headers: headers(limit - window.count) };
}

export function send(res: ServerResponse, answer: Answer, headers: Record<string, string>): void {
  res.writeHead(answer.status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify({ meta: answer.meta, data: answer.data }));
}

export { asTime };
