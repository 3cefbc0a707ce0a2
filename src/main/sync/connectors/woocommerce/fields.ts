import { isObject, MappingError, type Json } from '../mapping';
import { minorUnitDigits } from '../../../../shared/money';

/**
 * Reading WooCommerce's JSON defensively: every field a mapping needs is
 * checked, and a bad one throws a MappingError whose message is the reason the
 * record is quarantined ("total is not an amount: …").
 */
// Shared by every connector (one MappingError class for the pages' instanceof checks).
export { isObject, MappingError, type Json } from '../mapping';

export function idOf(raw: unknown): string | null {
  if (!isObject(raw)) return null;
  return typeof raw.id === 'number' && Number.isInteger(raw.id) && raw.id > 0 ? String(raw.id) : null;
}

export function requireId(raw: Json, what: string): string {
  const id = idOf(raw);
  if (id === null) throw new MappingError(`The ${what} has no usable id.`);
  return id;
}

export function text(raw: Json, field: string): string | null {
  const value = raw[field];
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** A *_gmt field ("2026-03-01T09:30:00", UTC without an offset) as an ISO instant. */
export function gmtDate(raw: Json, field: string, required: true): string;
export function gmtDate(raw: Json, field: string, required?: false): string | null;
export function gmtDate(raw: Json, field: string, required = false): string | null {
  const value = raw[field];
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) {
    const instant = Date.parse(`${value}Z`);
    if (!Number.isNaN(instant)) return new Date(instant).toISOString();
  }
  if (value === null || value === undefined || value === '') {
    if (required) throw new MappingError(`${field} is missing.`);
    return null;
  }
  throw new MappingError(`${field} is not a date: ${JSON.stringify(value)}.`);
}

const digitsByCurrency = new Map<string, number>();

function digitsOf(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = minorUnitDigits(currency);
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * "12.34" (or a number, as line_items[].price is) in minor units. A shop may
 * show more decimals than its currency has; the extra digits round half up,
 * as WooCommerce rounds its own totals.
 */
export function decimalToMinor(value: unknown, currency: string, field: string): number {
  const source = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const match = typeof source === 'string' ? /^\s*(-)?(\d*)(?:\.(\d+))?\s*$/.exec(source) : null;
  if (!match || (match[2] === '' && match[3] === undefined)) {
    throw new MappingError(`${field} is not an amount: ${JSON.stringify(value)}.`);
  }
  const digits = digitsOf(currency);
  const fraction = (match[3] ?? '').padEnd(digits + 1, '0');
  let minor = Number(match[2] || '0') * 10 ** digits + Number(fraction.slice(0, digits) || '0');
  if (Number(fraction[digits]) >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) throw new MappingError(`${field} is out of range: ${JSON.stringify(value)}.`);
  return match[1] ? -minor : minor;
}

/** Optional money: an empty string or absent field is zero, as WooCommerce writes "" for "no discount". */
export function optionalMinor(raw: Json, field: string, currency: string): number {
  const value = raw[field];
  if (value === undefined || value === null || value === '') return 0;
  return decimalToMinor(value, currency, field);
}

export function metaValue(raw: Json, key: string): unknown {
  const meta = Array.isArray(raw.meta_data) ? raw.meta_data : [];
  const entry = meta.find((item): item is Json => isObject(item) && item.key === key);
  return entry?.value;
}

export function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '').map((tag) => tag.trim());
  if (typeof value === 'string') return value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
  return [];
}

/** The meta key Backroom keeps an order's tags under (WooCommerce orders have no tags of their own). */
export const TAGS_META_KEY = '_backroom_tags';
/** The meta key a refund Backroom created carries, so a retried push can tell it already happened. */
export const REFUND_KEY_META = '_backroom_refund_key';
