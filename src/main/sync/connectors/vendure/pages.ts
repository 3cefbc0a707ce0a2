import { ConnectorError, type Page, type PageRequest } from '../../connector';
import type { MalformedRecord, RemoteRecord, SyncResource } from '../../model';
import type { VendureClient } from './client';
import { idOf, isObject, latestChangeMs, MappingError } from './fields';
import { mapCustomer, mapProduct } from './map-catalog';
import { CART_STATES, mapOrder } from './map-order';
import { LISTING_QUERIES, SCAN_QUERIES } from './queries';

/**
 * Paging a Vendure listing: `options: { skip, take, sort, filter }`, answered
 * with `{ items, totalItems }`. The page token is the next skip plus the
 * listing's own filter time, so every page of one listing asks the same
 * question even when the engine resumes it after a crash.
 *
 * - First sync: every record, 100 a page (Vendure's adminListQueryLimit is
 *   1000, but an order page carries its lines, payments, refunds and
 *   fulfilments, and small pages keep each transaction small).
 * - Incremental sync: a light scan, not an `updatedAt` filter. The real server
 *   leaves Order.updatedAt as it was when a payment settles, a fulfilment
 *   ships or is delivered, or a refund is made (only a cancellation, which
 *   edits the lines, moves it), and Product.updatedAt when a variant changes;
 *   a filter on it would never see an order ship. So each page reads 250
 *   records with only their own and their parts' updatedAt (fields.ts
 *   latestChangeMs), and fetches in full, by id, those changed after the
 *   cursor. The mapped record's updatedAt is that same latest change, so the
 *   engine's "not newer than stored" rule and its cursor agree with the scan.
 * - Sort by id only. Vendure builds ORDER BY from the sort input's fields in
 *   the schema's field order, not the order written (`{ updatedAt: DESC,
 *   id: ASC }` sorts by id first, seen on 3.7.3), so "updatedAt then id"
 *   cannot be asked for; and id order is the stable one for skip/take: a
 *   record edited mid-listing keeps its place. A cart placed mid-listing can
 *   enter the set behind us and repeat one record, which is harmless.
 * - Orders: carts are not orders yet (`active: false` keeps placed ones), and
 *   a multi-vendor shop's per-seller orders would count each sale twice beside
 *   their aggregate (`type` not Seller).
 */
export const PAGE_SIZE = 100;
export const SCAN_SIZE = 250;

interface Token { skip: number; after: string | null }

export function afterFor(since: string | null): string | null {
  if (since === null) return null;
  const instant = Date.parse(since);
  if (Number.isNaN(instant)) throw new ConnectorError(`The sync cursor ${JSON.stringify(since)} is not a date.`, 'client', false);
  return new Date(instant - 1).toISOString();
}

export function readToken(request: Pick<PageRequest, 'pageToken' | 'since'>): Token {
  if (request.pageToken === null) return { skip: 0, after: afterFor(request.since) };
  const [skip, after] = request.pageToken.split('|');
  const number = Number(skip);
  if (!Number.isInteger(number) || number < 0 || (after && Number.isNaN(Date.parse(after)))) {
    throw new ConnectorError(`The page token ${JSON.stringify(request.pageToken)} is not one this connector made.`, 'client', false);
  }
  return { skip: number, after: after ? after : null };
}

/** The `options` argument of one page of a listing (a scan page when `take` says so). */
export function listOptions(resource: SyncResource, skip: number, take = PAGE_SIZE, ids?: string[]): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (ids) filter.id = { in: ids };
  if (resource === 'orders') {
    filter.active = { eq: false };
    filter.type = { notEq: 'Seller' };
  }
  return { skip, take, sort: { id: 'ASC' }, ...(Object.keys(filter).length ? { filter } : {}) };
}

function mapOne(resource: SyncResource, raw: unknown, currency: string): RemoteRecord | null {
  if (resource === 'products') return { resource, record: mapProduct(raw, currency) };
  if (resource === 'customers') return { resource, record: mapCustomer(raw) };
  // The filter already leaves carts out; one that slips through (a custom process) is still not an order.
  if (isObject(raw) && CART_STATES.has(String(raw.state))) return null;
  return { resource, record: mapOrder(raw) };
}

type Listing = { list?: { items?: unknown; totalItems?: unknown } };

function itemsOf(data: Listing, resource: SyncResource, skip: number): unknown[] {
  const items = data?.list?.items;
  if (!Array.isArray(items)) throw new ConnectorError(`Vendure's ${resource} page at ${skip} is not a list.`, 'malformed', true);
  return items;
}

function totalOf(data: Listing): number | null {
  const total = data.list?.totalItems;
  return typeof total === 'number' && Number.isInteger(total) ? total : null;
}

function mapAll(resource: SyncResource, items: readonly unknown[], currency: string): Pick<Page, 'records' | 'malformed'> {
  const records: RemoteRecord[] = [];
  const malformed: MalformedRecord[] = [];
  for (const raw of items) {
    try {
      const record = mapOne(resource, raw, currency);
      if (record) records.push(record);
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      malformed.push({ resource, externalId: idOf(raw), reason: error.message, raw });
    }
  }
  return { records, malformed };
}

const nextToken = (token: Token, read: number, pageSize: number, total: number | null): string | null => {
  const next = token.skip + read;
  const more = read > 0 && (total !== null ? next < total : read === pageSize);
  return more ? `${next}|${token.after ?? ''}` : null;
};

/** One scan page: the records changed after the cursor (by their latest part), fetched in full. */
async function changedPage(client: VendureClient, request: PageRequest, token: Token & { after: string }, currency: string): Promise<Page> {
  const { resource, signal } = request;
  const scan = await client.request<Listing>(SCAN_QUERIES[resource], { options: listOptions(resource, token.skip, SCAN_SIZE) }, signal);
  const rows = itemsOf(scan, resource, token.skip);
  const cutoffMs = Date.parse(token.after);
  const changed: string[] = [];
  const malformed: MalformedRecord[] = [];
  for (const row of rows) {
    const id = idOf(row);
    const at = isObject(row) ? latestChangeMs(row) : NaN;
    if (id === null) malformed.push({ resource, externalId: null, reason: `The ${resource.slice(0, -1)} has no id.`, raw: row });
    // No readable time: read it whole and let the mapping say what is wrong.
    else if (Number.isNaN(at) || at > cutoffMs) changed.push(id);
  }
  const records: RemoteRecord[] = [];
  for (let start = 0; start < changed.length; start += PAGE_SIZE) {
    const ids = changed.slice(start, start + PAGE_SIZE);
    const full = await client.request<Listing>(LISTING_QUERIES[resource], { options: listOptions(resource, 0, ids.length, ids) }, signal);
    const mapped = mapAll(resource, itemsOf(full, resource, token.skip), currency);
    records.push(...mapped.records);
    malformed.push(...mapped.malformed);
  }
  // totalItems counts every record scanned, not the changed ones this listing returns.
  return { records, malformed, total: null, nextPageToken: nextToken(token, rows.length, SCAN_SIZE, totalOf(scan)) };
}

export async function fetchVendurePage(client: VendureClient, request: PageRequest, currency: string): Promise<Page> {
  const token = readToken(request);
  if (token.after !== null) return changedPage(client, request, { ...token, after: token.after }, currency);
  const data = await client.request<Listing>(LISTING_QUERIES[request.resource], { options: listOptions(request.resource, token.skip) }, request.signal);
  const items = itemsOf(data, request.resource, token.skip);
  const total = totalOf(data);
  return { ...mapAll(request.resource, items, currency), total, nextPageToken: nextToken(token, items.length, PAGE_SIZE, total) };
}
