import type { Field } from './graphql';
import { bulkLines, connectionPage, project, sortedMatches } from './listing';
import { fulfillmentCreate, orderView } from './fulfilments';
import { metafieldsDelete, metafieldsSet } from './metafields';
import { amount, iso, moneyBag, type Json, type ShopData, type ShopRecord } from './shop';

/** The bits of server state the resolvers touch (see index.ts for the rest). */
export interface ResolveState {
  data: ShopData;
  /** Scopes the token lacks: a field that needs one answers ACCESS_DENIED. */
  missingScopes: Set<string>;
  bulk: BulkState | null;
  discounts: Json[];
  bulkFiles: Map<string, string>;
  baseUrl: string;
}

export interface BulkState {
  id: string;
  status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  root: Field;
  polls: number;
  createdAt: string;
  completedAt: string | null;
  url: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number;
}

export class AccessDenied extends Error {
  constructor(readonly field: string, readonly scope: string) {
    super(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`);
  }
}

const SCOPE: Record<string, string> = {
  orders: 'read_orders', ordersCount: 'read_orders', order: 'read_orders', customers: 'read_customers',
  customersCount: 'read_customers', products: 'read_products', productsCount: 'read_products',
  orderUpdate: 'write_orders', refundCreate: 'write_orders', fulfillmentCreate: 'write_merchant_managed_fulfillment_orders', discountCodeBasicCreate: 'write_discounts',
  discountCodeFreeShippingCreate: 'write_discounts', metafieldsSet: 'write_products', metafieldsDelete: 'write_products',
};

const ALL_SCOPES = ['read_orders', 'write_orders', 'read_all_orders', 'read_customers', 'read_products', 'write_products', 'write_discounts'];
const RECENT_ORDERS_MS = 60 * 86_400_000;

/** Without read_all_orders Shopify lists only the last 60 days of orders. */
const listOf = (state: ResolveState, name: string): ShopRecord[] | null =>
  name.startsWith('order') ? (state.missingScopes.has('read_all_orders')
    ? state.data.orders.filter((o) => Date.parse(String(o.createdAt)) >= Date.now() - RECENT_ORDERS_MS) : state.data.orders) : name.startsWith('customer') ? state.data.customers
    : name.startsWith('product') ? state.data.products : null;

export function resolveRoot(state: ResolveState, field: Field, now: Date): unknown {
  const scope = SCOPE[field.name];
  if (scope && state.missingScopes.has(scope)) throw new AccessDenied(field.name, scope);
  const { data } = state;
  switch (field.name) {
    case 'shop': return project(data.shop, field.selection, data);
    case 'currentAppInstallation': return project({
      accessScopes: ALL_SCOPES.filter((handle) => !state.missingScopes.has(handle)).map((handle) => ({ handle })),
    }, field.selection, data);
    case 'orders': case 'customers': case 'products': return connectionPage(listOf(state, field.name)!, field.args, field, data);
    case 'ordersCount': case 'customersCount': case 'productsCount': {
      const count = sortedMatches(listOf(state, field.name)!, field.args).length;
      const limit = field.args.limit === undefined ? 10_000 : field.args.limit;
      const capped = typeof limit === 'number' && count > limit;
      return project({ count: capped ? limit : count, precision: capped ? 'AT_LEAST' : 'EXACT' }, field.selection, data);
    }
    case 'order': return project(orderView(data.orders.find((o) => o.id === field.args.id)), field.selection, data);
    case 'codeDiscountNodeByCode':
      return project(state.discounts.find((d) => d.code === field.args.code) ?? null, field.selection, data);
    case 'currentBulkOperation': return project(pollBulk(state, now), field.selection, data);
    case 'bulkOperationRunQuery': return project(startBulk(state, field, now), field.selection, data);
    case 'orderUpdate': return project(orderUpdate(state, field.args.input as Json, now), field.selection, data);
    case 'discountCodeBasicCreate': case 'discountCodeFreeShippingCreate':
      return project(discountCreate(state, field, now), field.selection, data);
    case 'fulfillmentCreate': return project(fulfillmentCreate(data, field.args.fulfillment as Json, now), field.selection, data);
    case 'refundCreate': return project(refundCreate(state, field.args.input as Json, now), field.selection, data);
    case 'metafieldsSet': return project(metafieldsSet(data, (field.args.metafields ?? []) as Json[], now), field.selection, data);
    case 'metafieldsDelete': return project(metafieldsDelete(data, (field.args.metafields ?? []) as Json[]), field.selection, data);
    default: throw new Error(`Field '${field.name}' doesn't exist on type 'QueryRoot'`);
  }
}

const userError = (field: string[], message: string): Json => ({ field, message, code: 'INVALID' });

function touch(record: ShopRecord, now: Date): void {
  // Shopify's updatedAt moves forward on every change; never backwards, even on a fast clock.
  const next = Math.max(now.getTime(), Date.parse(record.updatedAt) + 1000);
  record.updatedAt = iso(next);
}

function orderUpdate(state: ResolveState, input: Json, now: Date): Json {
  const order = state.data.orders.find((o) => o.id === input.id);
  if (!order) return { order: null, userErrors: [userError(['id'], 'Order does not exist')] };
  if (typeof input.note === 'string' || input.note === null) order.note = input.note;
  if (Array.isArray(input.tags)) order.tags = input.tags.map(String);
  touch(order, now);
  return { order, userErrors: [] };
}

function discountCreate(state: ResolveState, field: Field, now: Date): Json {
  const input = (field.args.basicCodeDiscount ?? field.args.freeShippingCodeDiscount) as Json | undefined;
  if (!input || typeof input.code !== 'string' || input.code.trim() === '') {
    return { codeDiscountNode: null, userErrors: [userError(['basicCodeDiscount', 'code'], "Code can't be blank")] };
  }
  if (state.discounts.some((d) => d.code === input.code)) {
    return { codeDiscountNode: null, userErrors: [userError(['basicCodeDiscount', 'code'], 'Code must be unique. Please try a different code.')] };
  }
  const node = { id: `gid://shopify/DiscountCodeNode/${state.data.nextId++}`, code: input.code, input, createdAt: iso(now.getTime()) };
  state.discounts.push(node);
  return { codeDiscountNode: node, userErrors: [] };
}

function refundCreate(state: ResolveState, input: Json, now: Date): Json {
  const order = state.data.orders.find((o) => o.id === input.orderId);
  if (!order) return { refund: null, order: null, userErrors: [userError(['orderId'], 'Order does not exist')] };
  const currency = String(order.currencyCode);
  const toMinor = (text: unknown): number => Math.round(Number(text) * 100);
  const requested = ((input.transactions as Json[] | undefined) ?? []).reduce((s, t) => s + toMinor(t.amount), 0);
  const total = toMinor((order.totalPriceSet as { shopMoney: { amount: string } }).shopMoney.amount);
  const already = toMinor((order.totalRefundedSet as { shopMoney: { amount: string } }).shopMoney.amount);
  if (requested <= 0) return { refund: null, order, userErrors: [userError(['transactions'], 'Amount must be greater than 0')] };
  if (already + requested > total) {
    return { refund: null, order, userErrors: [userError(['transactions', '0', 'amount'], `Amount cannot exceed the refundable amount of ${amount(total - already)}`)] };
  }
  const refund = { id: `gid://shopify/Refund/${state.data.nextId++}`, createdAt: iso(now.getTime()), note: input.note ?? null,
    totalRefundedSet: moneyBag(requested, currency) };
  (order.refunds as Json[]).push(refund);
  (order.transactions as Json[]).push({ id: `gid://shopify/OrderTransaction/${state.data.nextId++}`, kind: 'REFUND', status: 'SUCCESS',
    gateway: (input.transactions as Json[])[0]!.gateway, amountSet: moneyBag(requested, currency), processedAt: refund.createdAt, errorCode: null });
  order.totalRefundedSet = moneyBag(already + requested, currency);
  order.displayFinancialStatus = already + requested === total ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  touch(order, now);
  return { refund, order, userErrors: [] };
}

function startBulk(state: ResolveState, field: Field, now: Date): Json {
  if (state.bulk && (state.bulk.status === 'CREATED' || state.bulk.status === 'RUNNING')) {
    return { bulkOperation: null, userErrors: [userError(['query'], 'A bulk query operation for this app and shop is already in progress.')] };
  }
  const inner = field.args.query;
  if (typeof inner !== 'string') return { bulkOperation: null, userErrors: [userError(['query'], 'Query is required')] };
  // The inner query is parsed by the server's caller (index.ts) and handed in as field.args.__root.
  const root = field.args.__root as Field;
  state.bulk = { id: `gid://shopify/BulkOperation/${state.data.nextId++}`, status: 'CREATED', root, polls: 0,
    createdAt: iso(now.getTime()), completedAt: null, url: null, objectCount: 0, rootObjectCount: 0, fileSize: 0 };
  return { bulkOperation: bulkView(state.bulk), userErrors: [] };
}

/** A bulk query runs for a couple of polls, then its file is ready. */
function pollBulk(state: ResolveState, now: Date): Json | null {
  const bulk = state.bulk;
  if (!bulk) return null;
  bulk.polls++;
  if (bulk.status === 'CREATED') bulk.status = 'RUNNING';
  else if (bulk.status === 'RUNNING' && bulk.polls >= 2) {
    const list = listOf(state, bulk.root.name);
    if (!list) { bulk.status = 'FAILED'; return bulkView(bulk); }
    const { lines, roots } = bulkLines(list, bulk.root, state.data);
    const text = lines.map((l) => `${l}\n`).join('');
    const file = `/bulk/${bulk.id.slice(bulk.id.lastIndexOf('/') + 1)}.jsonl`;
    state.bulkFiles.set(file, text);
    Object.assign(bulk, { status: 'COMPLETED', completedAt: iso(now.getTime()), url: `${state.baseUrl}${file}`,
      objectCount: lines.length, rootObjectCount: roots, fileSize: Buffer.byteLength(text) });
  }
  return bulkView(bulk);
}

const bulkView = (bulk: BulkState): Json => ({
  id: bulk.id, status: bulk.status, type: 'QUERY', errorCode: null, createdAt: bulk.createdAt, completedAt: bulk.completedAt,
  url: bulk.url, partialDataUrl: null, objectCount: String(bulk.objectCount), rootObjectCount: String(bulk.rootObjectCount),
  fileSize: bulk.status === 'COMPLETED' ? String(bulk.fileSize) : null,
});
