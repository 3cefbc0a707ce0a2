import type { MalformedRecord, RemoteRecord, SyncResource } from '../../model';
import type { ConnectionSettings, Page, PageRequest } from '../../connector';
import type { ShopifyClient } from './client';
import { mapCustomer, mapProduct, type ShopifyCustomerNode, type ShopifyProductNode } from './map-catalog';
import { mapOrder, type ShopifyLineNode, type ShopifyOrderNode } from './map-order';
import { MappingError } from './money';
import { CATALOGUE_PAGE_SIZE, CUSTOMERS_QUERY, ORDER_LINES_QUERY, ORDER_PAGE_SIZE, ORDERS_QUERY, PRODUCTS_QUERY } from './queries';

/**
 * One page of a listing sorted by UPDATED_AT and filtered with Shopify's search
 * syntax `updated_at:>='…'` (inclusive: records sharing the engine's cursor
 * time come back and the engine's id tie-break drops what it already has).
 * Shopify's cursors are keyset cursors on (updated_at, id), so records sharing
 * a timestamp never repeat or vanish at a page boundary, and a record edited
 * while we page moves behind the cursor and is listed again later.
 */
interface Connection<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const QUERIES: Record<SyncResource, { query: string; root: string; size: number }> = {
  orders: { query: ORDERS_QUERY, root: 'orders', size: ORDER_PAGE_SIZE },
  customers: { query: CUSTOMERS_QUERY, root: 'customers', size: CATALOGUE_PAGE_SIZE },
  products: { query: PRODUCTS_QUERY, root: 'products', size: CATALOGUE_PAGE_SIZE },
};

/**
 * The page token is Shopify's cursor with the listing's count in front, so
 * every page (not just the first) can tell the engine the total for its ETA
 * and reconciliation without paying for the count again.
 */
const makeToken = (total: number | null, cursor: string): string => `c:${total ?? ''}:${cursor}`;

function readToken(token: string | null): { total: number | null; cursor: string | null } {
  const match = token === null ? null : /^c:(\d*):(.+)$/s.exec(token);
  if (!match) return { total: null, cursor: token };
  return { total: match[1] === '' ? null : Number(match[1]), cursor: match[2]! };
}

export const updatedSinceQuery = (since: string | null): string | null =>
  since === null ? null : `updated_at:>='${new Date(since).toISOString()}'`;

export function mapNode(resource: SyncResource, node: unknown, settings: ConnectionSettings, lines?: ShopifyLineNode[]):
  { record: RemoteRecord } | { malformed: MalformedRecord } {
  try {
    if (resource === 'orders') return { record: { resource, record: mapOrder(node as ShopifyOrderNode, lines) } };
    if (resource === 'customers') return { record: { resource, record: mapCustomer(node as ShopifyCustomerNode) } };
    return { record: { resource, record: mapProduct(node as ShopifyProductNode, settings.currency) } };
  } catch (error) {
    if (!(error instanceof MappingError) && !(error instanceof TypeError)) throw error;
    const id = (node as { id?: unknown } | null)?.id;
    return { malformed: { resource, externalId: typeof id === 'string' ? id : null, reason: error.message, raw: node } };
  }
}

export async function fetchListingPage(client: ShopifyClient, settings: ConnectionSettings, request: PageRequest): Promise<Page> {
  const spec = QUERIES[request.resource];
  const token = readToken(request.pageToken);
  const data = await client.request<Record<string, unknown>>(spec.query, {
    first: spec.size, after: token.cursor, query: updatedSinceQuery(request.since), withCount: token.cursor === null,
  }, request.signal, { paced: true });
  const connection = data[spec.root] as Connection<unknown> | null;
  if (!connection?.edges || !connection.pageInfo) {
    throw new MappingError(`Shopify's answer has no ${spec.root} list.`);
  }
  const page: Page = { records: [], malformed: [], nextPageToken: null, total: null };
  for (const { node } of connection.edges) {
    const lines = request.resource === 'orders' ? await remainingLines(client, node as ShopifyOrderNode, request.signal) : undefined;
    const mapped = mapNode(request.resource, node, settings, lines);
    if ('record' in mapped) page.records.push(mapped.record); else page.malformed.push(mapped.malformed);
  }
  const count = data[`${spec.root}Count`] as { count?: number } | undefined;
  page.total = typeof count?.count === 'number' ? count.count : token.total;
  const endCursor = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  page.nextPageToken = endCursor === null ? null : makeToken(page.total, endCursor);
  return page;
}

/** All of an order's lines when the page held only the first LINE_PAGE_SIZE; undefined when it held them all. */
async function remainingLines(client: ShopifyClient, order: ShopifyOrderNode, signal: AbortSignal): Promise<ShopifyLineNode[] | undefined> {
  const first = order.lineItems;
  if (!first?.pageInfo?.hasNextPage || typeof order.id !== 'string') return undefined;
  const lines = (first.edges ?? []).map((e) => e.node);
  let after = first.pageInfo.endCursor ?? null;
  for (;;) {
    const data = await client.request<{ order: { lineItems: ShopifyOrderNode['lineItems'] } | null }>(ORDER_LINES_QUERY, { id: order.id, after }, signal);
    const more = data.order?.lineItems;
    if (!more) return lines;
    lines.push(...(more.edges ?? []).map((e) => e.node));
    if (!more.pageInfo?.hasNextPage) return lines;
    after = more.pageInfo.endCursor ?? null;
  }
}
