import { ConnectorError, type Page } from '../../connector';
import type { MalformedRecord, RemoteRecord } from '../../model';
import { header, type WooClient } from './client';
import { idOf, isObject, MappingError } from './fields';
import { mapCustomer } from './map-catalog';

/**
 * Customers changed since the cursor, on a platform that cannot say which.
 * WooCommerce's customers endpoint has no modified_after (orders and products
 * have it; woocommerce/woocommerce#41371 asks for it) and orders by id,
 * name or registration date only. So each incremental page is:
 *
 * 1. a light scan: the same id-ordered page of every customer, but with
 *    WordPress's `_fields=id,date_modified_gmt,date_created_gmt`, so each row
 *    is a few dozen bytes instead of the full record with its addresses;
 * 2. for the rows changed after the cursor only, one full read of those
 *    customers by `include=<ids>` (at most 100 per page, one request).
 *
 * For a shop with 20,000 customers that is 200 light requests a sync plus one
 * more per page holding a change (typically a handful; at worst 200 more when
 * changes are spread over every page), against 200 full pages before, and
 * about 1/30 of the bytes. The first sync (no cursor) still lists full pages.
 */
const SCAN_FIELDS = 'id,date_modified_gmt,date_created_gmt';

function changedSince(row: Record<string, unknown>, cutoffMs: number): boolean {
  const stamp = typeof row.date_modified_gmt === 'string' && row.date_modified_gmt !== '' ? row.date_modified_gmt : row.date_created_gmt;
  const at = typeof stamp === 'string' ? Date.parse(`${stamp}Z`) : NaN;
  // No readable date: read the whole record and let the apply step decide.
  return Number.isNaN(at) || at > cutoffMs;
}

export async function fetchChangedCustomers(
  client: WooClient,
  request: { page: number; modifiedAfter: string; perPage: number; signal: AbortSignal },
): Promise<Page> {
  const scan = await client.request('GET', 'customers', {
    query: { per_page: String(request.perPage), page: String(request.page), orderby: 'id', order: 'asc', role: 'all', _fields: SCAN_FIELDS },
    signal: request.signal,
  });
  if (!Array.isArray(scan.body)) throw new ConnectorError(`The shop's customers page ${request.page} is not a list.`, 'malformed', true);
  const cutoffMs = Date.parse(`${request.modifiedAfter}Z`);
  const malformed: MalformedRecord[] = [];
  const changed: string[] = [];
  for (const row of scan.body) {
    const id = idOf(row);
    if (id === null || !isObject(row)) malformed.push({ resource: 'customers', externalId: null, reason: 'The customer has no usable id.', raw: row });
    else if (changedSince(row, cutoffMs)) changed.push(id);
  }
  const records: RemoteRecord[] = [];
  if (changed.length > 0) {
    const full = await client.request('GET', 'customers', {
      query: { include: changed.join(','), per_page: String(request.perPage), orderby: 'include', role: 'all' },
      signal: request.signal,
    });
    if (!Array.isArray(full.body)) throw new ConnectorError(`The shop's changed customers on page ${request.page} are not a list.`, 'malformed', true);
    for (const raw of full.body) {
      try {
        const customer = mapCustomer(raw);
        if (Date.parse(customer.updatedAt) > cutoffMs) records.push({ resource: 'customers', record: customer });
      } catch (error) {
        if (!(error instanceof MappingError)) throw error;
        malformed.push({ resource: 'customers', externalId: idOf(raw), reason: error.message, raw });
      }
    }
  }
  const totalPages = header(scan.headers, 'X-WP-TotalPages');
  const hasNext = totalPages !== null ? request.page < totalPages : scan.body.length === request.perPage;
  // X-WP-Total counts every customer, not the changed ones this listing returns.
  return { records, malformed, total: null, nextPageToken: hasNext ? `${request.page + 1}|${request.modifiedAfter}` : null };
}
