import { ConnectorError, type Page, type PageRequest } from '../../connector';
import type { MalformedRecord, RemoteRecord } from '../../model';
import { header, type WooClient } from './client';
import { idOf, isObject, MappingError } from './fields';
import { fetchChangedCustomers } from './customers';
import { mapCustomer, mapProduct } from './map-catalog';
import { mapOrder } from './map-order';

/**
 * Paging a WooCommerce listing: per_page=100, page=N, orderby=id&order=asc,
 * and for orders and products modified_after=<since>&dates_are_gmt=true
 * (without dates_are_gmt WooCommerce reads the date in the shop's time zone).
 * Customers have no such filter: their incremental pages are in customers.ts.
 *
 * Ordering by id, not by modification time, keeps pages stable while orders
 * change: an order edited mid-listing keeps its place instead of jumping to
 * the end and pushing another order off a page boundary. What such an edit can
 * still do (an order moving into the filtered set behind us) is the engine's
 * to absorb: its overlap window re-reads recent changes next run, and its
 * "not newer than stored" rule makes the repeats harmless.
 */
const PER_PAGE = 100;
const REFUND_FETCHES_AT_ONCE = 4;

interface Token { page: number; modifiedAfter: string | null }

/** modified_after is strictly "after", in whole seconds: step back a second so a change at exactly `since` is kept. */
export function modifiedAfterFor(since: string | null): string | null {
  if (since === null) return null;
  const instant = Date.parse(since);
  if (Number.isNaN(instant)) throw new ConnectorError(`The sync cursor ${JSON.stringify(since)} is not a date.`, 'client', false);
  return new Date(Math.floor(instant / 1000) * 1000 - 1000).toISOString().slice(0, 19);
}

function readToken(request: PageRequest): Token {
  if (request.pageToken === null) return { page: 1, modifiedAfter: modifiedAfterFor(request.since) };
  // The token carries the listing's own filter, so every page of one listing asks the same question.
  const [page, modifiedAfter] = request.pageToken.split('|');
  const number = Number(page);
  if (!Number.isInteger(number) || number < 1) {
    throw new ConnectorError(`The page token ${JSON.stringify(request.pageToken)} is not one this connector made.`, 'client', false);
  }
  return { page: number, modifiedAfter: modifiedAfter ? modifiedAfter : null };
}

/** Refund details carry their dates; the order only has a summary. Fetched only for orders that have refunds. */
async function refundDetails(client: WooClient, orders: readonly unknown[], signal: AbortSignal): Promise<Map<string, unknown[]>> {
  const wanted = orders.filter((raw) => isObject(raw) && Array.isArray(raw.refunds) && raw.refunds.length > 0).map(idOf)
    .filter((id): id is string => id !== null);
  const details = new Map<string, unknown[]>();
  for (let start = 0; start < wanted.length; start += REFUND_FETCHES_AT_ONCE) {
    await Promise.all(wanted.slice(start, start + REFUND_FETCHES_AT_ONCE).map(async (id) => {
      try {
        const response = await client.request('GET', `orders/${id}/refunds`, { query: { per_page: '100' }, signal });
        if (Array.isArray(response.body)) details.set(id, response.body);
      } catch (error) {
        // An order deleted since the listing has no refunds to read: its summary stands in.
        if (!(error instanceof ConnectorError && error.status === 404)) throw error;
      }
    }));
  }
  return details;
}

export async function fetchWooPage(client: WooClient, request: PageRequest, currency: string): Promise<Page> {
  const token = readToken(request);
  // WooCommerce's customers endpoint has no date filter: changes are found by a light scan (customers.ts).
  if (request.resource === 'customers' && token.modifiedAfter !== null) {
    return fetchChangedCustomers(client, { page: token.page, modifiedAfter: token.modifiedAfter, perPage: PER_PAGE, signal: request.signal });
  }
  const query: Record<string, string> = { per_page: String(PER_PAGE), page: String(token.page), orderby: 'id', order: 'asc' };
  if (token.modifiedAfter !== null) {
    query.modified_after = token.modifiedAfter;
    query.dates_are_gmt = 'true';
  }
  if (request.resource === 'customers') query.role = 'all';
  const response = await client.request('GET', request.resource, { query, signal: request.signal });
  if (!Array.isArray(response.body)) {
    throw new ConnectorError(`The shop's ${request.resource} page ${token.page} is not a list.`, 'malformed', true);
  }
  const rows = response.body;
  const refunds = request.resource === 'orders' ? await refundDetails(client, rows, request.signal) : new Map<string, unknown[]>();
  const records: RemoteRecord[] = [];
  const malformed: MalformedRecord[] = [];
  const nowMs = Date.now();
  for (const raw of rows) {
    try {
      if (request.resource === 'orders') {
        records.push({ resource: 'orders', record: mapOrder(raw, refunds.get(idOf(raw) ?? '') ?? null, nowMs) });
      } else if (request.resource === 'products') {
        records.push({ resource: 'products', record: mapProduct(raw, currency) });
      } else {
        records.push({ resource: 'customers', record: mapCustomer(raw) });
      }
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      malformed.push({ resource: request.resource, externalId: idOf(raw), reason: error.message, raw });
    }
  }
  const totalPages = header(response.headers, 'X-WP-TotalPages');
  const hasNext = totalPages !== null ? token.page < totalPages : rows.length === PER_PAGE;
  return { records, malformed, total: header(response.headers, 'X-WP-Total'),
    nextPageToken: hasNext ? `${token.page + 1}|${token.modifiedAfter ?? ''}` : null };
}
