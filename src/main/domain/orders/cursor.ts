import { AppError } from '../../../shared/errors';

/**
 * Keyset cursors: the last row's sort key and id, so the next page starts
 * strictly after it whatever was inserted since (no OFFSET, no skipped or
 * repeated rows). The cursor also carries a fingerprint of the filter and sort
 * it was made for: reusing it with another filter is refused, not misread.
 */
export type SortKeyValue = string | number;

export interface CursorPosition {
  keys: SortKeyValue[];
  id: number;
}

interface CursorPayload {
  f: string;
  k: SortKeyValue[];
  i: number;
}

/** FNV-1a over the query's JSON: short, stable, and enough to tell two queries apart. */
export function queryFingerprint(query: unknown): string {
  let hash = 0x811c9dc5;
  for (const ch of JSON.stringify(query ?? null)) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function encodeCursor(fingerprint: string, position: CursorPosition): string {
  const payload: CursorPayload = { f: fingerprint, k: position.keys, i: position.id };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

const badCursor = (why: string) =>
  new AppError('VALIDATION', `The request is not valid: cursor ${why}; start again from the first page.`);

export function decodeCursor(cursor: string, fingerprint: string, keyCount: number): CursorPosition {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor('is not a cursor this list gave out');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('is not a cursor this list gave out');
  }
  if (!isPayload(payload, keyCount)) throw badCursor('is not a cursor this list gave out');
  if (payload.f !== fingerprint) throw badCursor('belongs to a different filter or sort');
  return { keys: payload.k, id: payload.i };
}

function isPayload(value: unknown, keyCount: number): value is CursorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<CursorPayload>;
  return (
    typeof p.f === 'string' &&
    Number.isSafeInteger(p.i) &&
    Array.isArray(p.k) &&
    p.k.length === keyCount &&
    p.k.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)))
  );
}
