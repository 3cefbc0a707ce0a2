import { ConnectorError, type ConnectionSettings, type Page } from '../../connector';
import type { ShopifyClient } from './client';
import type { ShopifyOrderNode } from './map-order';
import { mapNode } from './pages';
import { BULK_ORDERS_QUERY, BULK_POLL_QUERY, BULK_RUN_MUTATION } from './queries';

/**
 * The first full backfill of a large shop: one bulk operation exports every
 * order to a JSONL file instead of thousands of cost-limited pages (Shopify's
 * own advice for big exports; it costs no query points while it runs). The
 * file's rows are sorted by (updatedAt, id) and handed out in pages, so the
 * engine's cursor advances exactly as it does with ordinary pages and a crash
 * part-way resumes with incremental pages from that cursor. The page token
 * carries the file's URL, so a fresh connector can pick up where one left off.
 */
export const BULK_PAGE_SIZE = 250;
const POLL_MS = 1000;
const DOWNLOAD_TIMEOUT_MS = 300_000;

type Row = { updatedAt: string; id: string; node: ShopifyOrderNode };

const files = new Map<string, Row[]>();

const sleep = (ms: number, signal: AbortSignal): Promise<void> => new Promise((resolve, reject) => {
  if (signal.aborted) { reject(signal.reason); return; }
  const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
  const onAbort = (): void => { clearTimeout(timer); reject(signal.reason); };
  signal.addEventListener('abort', onAbort, { once: true });
});

export async function runBulkExport(client: ShopifyClient, signal: AbortSignal, pollMs = POLL_MS): Promise<string> {
  const started = await client.request<{ bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { message: string }[] } }>(
    BULK_RUN_MUTATION, { query: BULK_ORDERS_QUERY }, signal);
  const errors = started.bulkOperationRunQuery.userErrors;
  if (errors.length > 0 || !started.bulkOperationRunQuery.bulkOperation) {
    throw new ConnectorError(`Shopify would not start the bulk export: ${errors.map((e) => e.message).join('; ')}`, 'client', false);
  }
  for (;;) {
    await sleep(pollMs, signal);
    const { currentBulkOperation: op } = await client.request<{ currentBulkOperation: { status: string; errorCode: string | null; url: string | null } | null }>(
      BULK_POLL_QUERY, {}, signal);
    if (!op) throw new ConnectorError('Shopify lost track of the bulk export.', 'server', true);
    if (op.status === 'COMPLETED') {
      if (!op.url) throw new ConnectorError('The shop has no orders to export.', 'client', false);
      return op.url;
    }
    if (op.status !== 'CREATED' && op.status !== 'RUNNING') {
      throw new ConnectorError(`Shopify's bulk export ended as ${op.status}${op.errorCode ? ` (${op.errorCode})` : ''}.`, 'server', true);
    }
  }
}

/** Rebuilds orders from Shopify's JSONL: nested line items are their own lines pointing at the order by __parentId. */
export function parseOrdersJsonl(text: string): Row[] {
  const orders = new Map<string, Row>();
  const children: { parent: string; value: Record<string, unknown> }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line) as Record<string, unknown>;
    if (typeof value.__parentId === 'string') { children.push({ parent: value.__parentId, value }); continue; }
    const node = value as ShopifyOrderNode;
    orders.set(String(node.id), { id: String(node.id), updatedAt: String(node.updatedAt), node: { ...node, lineItems: { edges: [] } } });
  }
  for (const { parent, value } of children) {
    const { __parentId, ...node } = value;
    void __parentId;
    if (String(node.id).startsWith('gid://shopify/LineItem/')) orders.get(parent)?.node.lineItems?.edges?.push({ node });
  }
  const numeric = (id: string): number => Number(id.slice(id.lastIndexOf('/') + 1));
  return [...orders.values()].sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || numeric(a.id) - numeric(b.id));
}

export const bulkToken = (offset: number, url: string): string => `bulk:${offset}:${url}`;

export async function bulkPage(token: string, settings: ConnectionSettings, fetchImpl: typeof fetch, signal: AbortSignal): Promise<Page> {
  const match = /^bulk:(\d+):(.+)$/.exec(token);
  if (!match) throw new ConnectorError('The bulk page token is not one this connector made.', 'client', false);
  const offset = Number(match[1]);
  const url = match[2]!;
  let rows = files.get(url);
  if (!rows) {
    let response: Response;
    try { response = await fetchImpl(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS)]) }); } catch (error) {
      if (signal.aborted) throw error;
      throw new ConnectorError(`The bulk export file could not be downloaded (${(error as Error).message}).`, 'offline', true);
    }
    if (!response.ok) throw new ConnectorError(`The bulk export file answered ${response.status}.`, response.status >= 500 ? 'server' : 'client', response.status >= 500);
    rows = parseOrdersJsonl(await response.text());
    files.clear(); // one export in memory at a time
    files.set(url, rows);
  }
  const page: Page = { records: [], malformed: [], nextPageToken: null, total: rows.length };
  for (const row of rows.slice(offset, offset + BULK_PAGE_SIZE)) {
    const mapped = mapNode('orders', row.node, settings);
    if ('record' in mapped) page.records.push(mapped.record); else page.malformed.push(mapped.malformed);
  }
  if (offset + BULK_PAGE_SIZE < rows.length) page.nextPageToken = bulkToken(offset + BULK_PAGE_SIZE, url);
  else files.delete(url);
  return page;
}
