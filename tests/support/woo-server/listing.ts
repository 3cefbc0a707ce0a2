import { parseRequestDate } from './clock';
import type { WooResource, WooServerState } from './state';
import type { WooListed } from './types';

/**
 * A collection listing as WooCommerce's REST controllers answer it: page and
 * per_page (1..100), orderby/order (default date desc), modified_after (orders
 * and products only; the customers endpoint has no date filter) read in the
 * shop's time zone unless dates_are_gmt=true, and "after" meaning strictly after.
 */
export class InvalidParam extends Error {
  constructor(readonly param: string, readonly detail: string) {
    super(`Invalid parameter(s): ${param}`);
  }
}

const ORDERBY: Record<WooResource, readonly string[]> = {
  orders: ['date', 'id', 'include', 'title', 'slug', 'modified'],
  products: ['date', 'id', 'include', 'title', 'slug', 'price', 'popularity', 'rating', 'menu_order', 'modified'],
  customers: ['id', 'include', 'name', 'registered_date'],
};

function integer(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidParam(name, max === Infinity ? `${name} must be greater than or equal to ${min}` : `${name} must be between ${min} (inclusive) and ${max} (inclusive)`);
  }
  return value;
}

function boolean(query: URLSearchParams, name: string): boolean {
  const text = query.get(name);
  if (text === null) return false;
  if (['true', '1'].includes(text)) return true;
  if (['false', '0'].includes(text)) return false;
  throw new InvalidParam(name, `${name} is not of type boolean.`);
}

/** include=1,2,3 or include[]=1&include[]=2: WordPress reads either as a list of ids. */
function includeList(query: URLSearchParams): number[] | null {
  const values = [...query.getAll('include'), ...query.getAll('include[]')].flatMap((value) => value.split(','))
    .map((value) => value.trim()).filter((value) => value !== '');
  if (values.length === 0) return null;
  const ids = values.map(Number);
  if (ids.some((id) => !Number.isInteger(id) || id < 0)) throw new InvalidParam('include', 'include[0] is not of type integer.');
  return ids;
}

/**
 * WordPress's `_fields=a,b.c`: only those fields of each record (nested ones by
 * dot), applied after the record is built, as rest_filter_response_fields does.
 */
export function pickFields(record: Record<string, unknown>, fields: string | null): Record<string, unknown> {
  if (fields === null || fields.trim() === '') return record;
  const out: Record<string, unknown> = {};
  for (const path of fields.split(',').map((field) => field.trim()).filter(Boolean)) {
    const [head, ...rest] = path.split('.');
    if (!(head! in record)) continue;
    const value = record[head!];
    if (rest.length === 0) out[head!] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      out[head!] = { ...(out[head!] as Record<string, unknown> | undefined), ...pickFields(value as Record<string, unknown>, rest.join('.')) };
    }
  }
  return out;
}

export interface ListingPage { records: WooListed[]; total: number; totalPages: number; page: number }

export function listPage(state: WooServerState, resource: WooResource, query: URLSearchParams): ListingPage {
  const perPage = integer(query, 'per_page', 10, 1, 100);
  const page = integer(query, 'page', 1, 1, Infinity);
  const orderby = query.get('orderby') ?? (resource === 'customers' ? 'name' : 'date');
  if (!ORDERBY[resource].includes(orderby)) throw new InvalidParam('orderby', `orderby is not one of ${ORDERBY[resource].join(', ')}.`);
  const order = query.get('order') ?? (resource === 'customers' ? 'asc' : 'desc');
  if (order !== 'asc' && order !== 'desc') throw new InvalidParam('order', 'order is not one of asc and desc.');
  const datesAreGmt = boolean(query, 'dates_are_gmt');
  let rows = state.listing(resource);
  const include = includeList(query);
  if (include !== null) rows = rows.filter((row) => include.includes(row.record.id));
  const modifiedAfter = resource === 'customers' ? null : query.get('modified_after');
  if (modifiedAfter !== null) {
    const after = parseRequestDate(modifiedAfter, datesAreGmt, state.shop.timezone);
    if (after === null) throw new InvalidParam('modified_after', 'Invalid date.');
    rows = rows.filter((row) => row.modifiedMs > after);
  }
  const key = (row: (typeof rows)[number]): number | string => {
    const record = row.record as WooListed & { date_created_gmt?: string; name?: string; last_name?: string };
    if (orderby === 'modified') return row.modifiedMs;
    if (orderby === 'include') return include?.indexOf(record.id) ?? 0;
    if (orderby === 'date' || orderby === 'registered_date') return record.date_created_gmt ?? '';
    if (orderby === 'title' || orderby === 'name') return record.name ?? record.last_name ?? '';
    return record.id;
  };
  const direction = order === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    const left = key(a);
    const right = key(b);
    if (left < right) return -direction;
    if (left > right) return direction;
    return (a.record.id - b.record.id) * direction;
  });
  const total = rows.length;
  const start = (page - 1) * perPage;
  return { records: rows.slice(start, start + perPage).map((row) => row.record), total, totalPages: Math.ceil(total / perPage), page };
}
