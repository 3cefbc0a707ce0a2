/**
 * What every connector's mappers share: the error a record that cannot be
 * trusted throws (its message is the reason it is quarantined, and the page
 * goes on without it), and the checks of a JSON answer's shape.
 */
export class MappingError extends Error {}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
