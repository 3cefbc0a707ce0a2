import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { costOf, parseOperation, type Field } from './graphql';
import { AccessDenied, resolveRoot, type BulkState } from './resolve';
import { appendOrder, generateShop, iso, type Json, type ShopData, type ShopRecord } from './shop';

/**
 * A local stand-in for Shopify's Admin GraphQL API (2025-10), following its
 * documented behaviour: token auth, cursor pages, updated_at search filters,
 * the calculated-cost leaky bucket reported in extensions.cost, THROTTLED as
 * an HTTP 200, bulk exports as JSONL. Tests and the sync bench drive it and
 * read its counters; failures are injected through `state`.
 */
export const API_PATH = '/admin/api/2025-10/graphql.json';

export interface ShopifyServerState {
  data: ShopData;
  /** Points actually charged (sum of actualQueryCost). */
  pointsSpent: number;
  throttledResponses: number;
  requests: number;
  /** The last answered request's cost, as reported in extensions.cost. */
  lastCost: { requested: number; actual: number | null } | null;
  /** Every answered root field with its arguments, oldest first. */
  calls: { field: string; args: Json }[];
  bucket: { maximum: number; restorePerSecond: number; available: number; at: number };
  /** The next N GraphQL requests answer with this 5xx status. */
  failNext: { count: number; status: number };
  /** The next N GraphQL requests never answer (until the client gives up). */
  hangNext: number;
  /** The next N mutations are carried out, then their answer is lost (the connection drops). */
  loseNextMutationAnswers: number;
  missingScopes: Set<string>;
  /** Runs before each answer: a test changes records here to make them move while paging. */
  beforeAnswer: ((field: string, args: Json) => void) | null;
  bulk: BulkState | null;
  discounts: Json[];
  bulkFiles: Map<string, string>;
  baseUrl: string;
  /** A new order placed now (or at `at`), with the shop's next ids. */
  addOrder(at?: Date): ShopRecord;
  /** Marks a record changed at `at` (default now), as an edit in the admin would. */
  touch(record: ShopRecord, at?: Date): void;
}

export async function startShopifyServer(options?: {
  orders?: number; costBudget?: { maximum: number; restorePerSecond: number }; seed?: number;
}): Promise<{ url: string; accessToken: string; close(): Promise<void>; state: ShopifyServerState }> {
  const accessToken = `shpat_${(options?.seed ?? 1).toString(16).padStart(8, '0')}test0000000000000000`;
  const data = generateShop({ orders: options?.orders ?? 100, seed: options?.seed ?? 1 });
  const budget = options?.costBudget ?? { maximum: 2000, restorePerSecond: 100 };
  const state: ShopifyServerState = {
    data, pointsSpent: 0, throttledResponses: 0, requests: 0, lastCost: null, calls: [],
    bucket: { ...budget, available: budget.maximum, at: Date.now() },
    failNext: { count: 0, status: 503 }, hangNext: 0, loseNextMutationAnswers: 0, missingScopes: new Set(), beforeAnswer: null,
    bulk: null, discounts: [], bulkFiles: new Map(), baseUrl: '',
    addOrder(at = new Date()) { return appendOrder(data, at, options?.seed ?? 1); },
    touch(record, at = new Date()) { record.updatedAt = iso(at.getTime()); },
  };
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => { handle(state, accessToken, req, res).catch((error: unknown) => send(res, 500, { errors: String(error) })); });
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.baseUrl = url;
  return {
    url, accessToken, state,
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(typeof body === 'string' && contentType !== 'application/json' ? body : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(state: ShopifyServerState, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!;
  const file = state.bulkFiles.get(path);
  if (req.method === 'GET' && file !== undefined) return send(res, 200, file, 'application/jsonl');
  if (path !== API_PATH) return send(res, 404, { errors: 'Not Found' });
  if (req.method !== 'POST') return send(res, 405, { errors: 'Method Not Allowed' });
  if (req.headers['x-shopify-access-token'] !== token) {
    return send(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  }
  const body = await readBody(req);
  state.requests++;
  if (state.hangNext > 0) { state.hangNext--; return; } // the socket stays open until the client aborts
  if (state.failNext.count > 0) { state.failNext.count--; return send(res, state.failNext.status, { errors: 'Internal Server Error' }); }
  let parsed: { query?: unknown; variables?: unknown };
  try { parsed = JSON.parse(body) as typeof parsed; } catch { return send(res, 400, { errors: 'Invalid JSON in request body' }); }
  if (typeof parsed.query !== 'string') return send(res, 400, { errors: { query: 'Required parameter missing or invalid' } });
  const variables = (parsed.variables ?? {}) as Record<string, unknown>;
  let fields: Field[];
  let kind: 'query' | 'mutation';
  try {
    const operation = parseOperation(parsed.query, variables);
    fields = operation.fields;
    kind = operation.kind;
    for (const f of fields) {
      if (f.name === 'bulkOperationRunQuery' && typeof f.args.query === 'string') f.args.__root = parseOperation(f.args.query, {}).fields[0];
    }
  } catch (error) {
    return send(res, 200, { errors: [{ message: (error as Error).message, extensions: { code: 'PARSE_ERROR' } }] });
  }
  answer(state, fields, kind, res);
}

function answer(state: ShopifyServerState, fields: Field[], kind: 'query' | 'mutation', res: ServerResponse): void {
  const now = Date.now();
  const bucket = state.bucket;
  bucket.available = Math.min(bucket.maximum, bucket.available + ((now - bucket.at) / 1000) * bucket.restorePerSecond);
  bucket.at = now;
  const requested = kind === 'mutation' ? 10 * fields.length + costOf(fields.flatMap((f) => f.selection)) : costOf(fields);
  const throttleStatus = () => ({ maximumAvailable: bucket.maximum, currentlyAvailable: Math.floor(bucket.available), restoreRate: bucket.restorePerSecond });
  if (requested > 1000) {
    return send(res, 200, { errors: [{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (1000).`,
      extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: 1000 } }] });
  }
  if (requested > bucket.available) {
    state.throttledResponses++;
    state.lastCost = { requested, actual: null };
    return send(res, 200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus() } } });
  }
  const result: Json = {};
  const errors: Json[] = [];
  for (const field of fields) {
    state.calls.push({ field: field.name, args: field.args });
    try {
      state.beforeAnswer?.(field.name, field.args);
      result[field.name] = resolveRoot(state, field, new Date(now));
    } catch (error) {
      result[field.name] = null;
      errors.push(error instanceof AccessDenied
        ? { message: error.message, locations: [], path: [field.name], extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes', requiredAccess: `\`${error.scope}\` access scope.` } }
        : { message: (error as Error).message, path: [field.name] });
    }
  }
  if (kind === 'mutation' && state.loseNextMutationAnswers > 0) {
    state.loseNextMutationAnswers--;
    res.destroy(); // done on the shop, but the answer never reaches the client
    return;
  }
  const actual = kind === 'mutation' ? requested : costOf(fields, result);
  bucket.available -= actual;
  state.pointsSpent += actual;
  state.lastCost = { requested, actual };
  send(res, 200, { ...(errors.length ? { errors } : {}), data: result,
    extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus() } } });
}
