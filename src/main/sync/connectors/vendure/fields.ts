import { isObject, MappingError, type Json } from '../mapping';

/**
 * Reading Vendure's GraphQL answers defensively: the server's types promise
 * much, but a proxy, a plugin or a schema change can still hand over
 * something else, and one bad record must be quarantined with its reason
 * rather than stop the page. Vendure money (`Money`) is already an integer
 * of minor units; ids are strings ("42" with the default id strategy, UUIDs
 * with another); times are ISO-8601 in UTC.
 */
// Shared by every connector (one MappingError class for the pages' instanceof checks).
export { isObject, MappingError, type Json } from '../mapping';

export function idOf(raw: unknown): string | null {
  if (!isObject(raw)) return null;
  const id = raw.id;
  if (typeof id === 'string' && id.trim() !== '') return id;
  return typeof id === 'number' && Number.isInteger(id) ? String(id) : null;
}

export function requireId(raw: Json, what: string): string {
  const id = idOf(raw);
  if (id === null) throw new MappingError(`The ${what} has no id.`);
  return id;
}

export function text(raw: Json, field: string): string | null {
  const value = raw[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function time(raw: Json, field: string, what: string, required: true): string;
export function time(raw: Json, field: string, what: string, required?: false): string | null;
export function time(raw: Json, field: string, what: string, required = false): string | null {
  const value = raw[field];
  if (value === null || value === undefined || value === '') {
    if (required) throw new MappingError(`The ${what}'s ${field} is missing.`);
    return null;
  }
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new MappingError(`The ${what}'s ${field} is not a date: ${JSON.stringify(value)}.`);
  return new Date(ms).toISOString();
}

export function money(raw: Json, field: string, what: string): number {
  const value = raw[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new MappingError(`The ${what}'s ${field} is not a whole number of minor units: ${JSON.stringify(value)}.`);
  }
  return value;
}

export function list(raw: Json, field: string): Json[] {
  const value = raw[field];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The parts whose own updatedAt Vendure does not carry up to the record's (see pages.ts). */
const PARTS = ['variants', 'addresses', 'payments', 'refunds', 'fulfillments'];

/**
 * When the record or any of its parts last changed, as epoch ms (NaN when the
 * record itself has no readable updatedAt). Vendure leaves an order's
 * updatedAt alone when a payment settles or a fulfilment ships, and a
 * product's when a variant's price changes: the newest of them all is the
 * record's real change time.
 */
export function latestChangeMs(raw: Json): number {
  let latest = typeof raw.updatedAt === 'string' ? Date.parse(raw.updatedAt) : NaN;
  if (Number.isNaN(latest)) return NaN;
  for (const part of PARTS) {
    for (const child of list(raw, part)) {
      const at = latestChangeMs(child);
      if (at > latest) latest = at;
    }
  }
  return latest;
}

/** The record's real change time (latestChangeMs) as an ISO instant. */
export function latestChange(raw: Json, what: string): string {
  time(raw, 'updatedAt', what, true);
  return new Date(latestChangeMs(raw)).toISOString();
}
