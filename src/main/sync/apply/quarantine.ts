import type { Sqlite } from '../../db/connection';
import type { SyncResource } from '../model';
import { prepared } from './statements';

/**
 * sync_quarantine: records that could not be applied, with a sentence saying
 * why and the raw payload, so the merchant (or a later fix) can see exactly
 * what arrived. The same record failing the same way on every run (the
 * engine's overlap window fetches it again) is kept once while unresolved; a
 * record that later applies cleanly resolves its earlier entries.
 */
const SAME_OPEN = `SELECT 1 FROM sync_quarantine WHERE store_id = ? AND resolved_at IS NULL AND resource = ?
  AND external_id IS ? AND reason = ? AND payload = ? LIMIT 1`;
const INSERT = `INSERT INTO sync_quarantine (store_id, run_id, resource, external_id, reason, payload, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;
const RESOLVE = `UPDATE sync_quarantine SET resolved_at = ?
  WHERE store_id = ? AND resolved_at IS NULL AND resource = ? AND external_id IN (SELECT value FROM json_each(?))`;
const ANY_OPEN = 'SELECT 1 FROM sync_quarantine WHERE store_id = ? AND resolved_at IS NULL LIMIT 1';

export interface QuarantineEntry {
  resource: SyncResource;
  externalId: string | null;
  reason: string;
  raw: unknown;
}

function payloadText(raw: unknown): string {
  try {
    return JSON.stringify(raw ?? null) ?? 'null';
  } catch {
    // A cyclic or BigInt-holding value: keep what can be said of it.
    return JSON.stringify({ unserializable: String(raw) });
  }
}

export function quarantine(sqlite: Sqlite, storeId: number, runId: number | null, entry: QuarantineEntry,
  nowIso: string): void {
  const externalId = entry.externalId === undefined || entry.externalId === '' ? null : entry.externalId;
  const reason = entry.reason.trim() || 'The record could not be read.';
  const payload = payloadText(entry.raw);
  if (prepared(sqlite, SAME_OPEN).get(storeId, entry.resource, externalId, reason, payload)) return;
  prepared(sqlite, INSERT).run(storeId, runId, entry.resource, externalId, reason, payload, nowIso);
}

/** Marks earlier quarantine entries of records that have now applied as resolved. */
export function resolveApplied(sqlite: Sqlite, storeId: number, resource: SyncResource, externalIds: readonly string[],
  nowIso: string): void {
  if (externalIds.length === 0 || !prepared(sqlite, ANY_OPEN).get(storeId)) return;
  prepared(sqlite, RESOLVE).run(nowIso, storeId, resource, JSON.stringify(externalIds));
}
