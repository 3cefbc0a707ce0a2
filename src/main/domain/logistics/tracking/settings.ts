import type { HandlerContext } from '../../../core/handler';
import type { Sqlite } from '../../../db/connection';
import type { Credentials } from '../../../sync/connector';
import { syncDepsFor } from '../../../sync/engine/runtime';
import type { TrackingProviderState } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { TrackingProviderTable } from '../../../db/schema';
import { AfterShipProvider } from './aftership/client';
import { AfterShipPacer } from './aftership/pacer';
import { AFTERSHIP_DEFAULT_BASE_URL } from './aftership/types';
import type { TrackingProvider } from './provider';
import type { TrackingRuntime } from './runtime';

/**
 * The provider's settings (the one tracking_provider row) and its API key.
 * The key is kept in the profile's secret vault beside the stores'
 * credentials (sync/secrets): never in SQLite, never returned, never logged.
 * The vault keys records by store id; no store has id 0, so slot 0 is the
 * tracking provider's (its own associated data, so a store's record copied
 * there does not decrypt).
 */
const TRACKING_KEY_SLOT = 0;

export type ProviderRow = TrackingProviderTable;

export function readProviderRow(sqlite: Sqlite): ProviderRow | null {
  return sqlite.prepare<[], ProviderRow>('SELECT * FROM tracking_provider WHERE id = 1').get() ?? null;
}

type Vault = ReturnType<typeof syncDepsFor>['runtime']['vault'];
const vaultOf = (ctx: HandlerContext): Vault => syncDepsFor(ctx).runtime.vault;

export function hasApiKey(ctx: HandlerContext): boolean {
  return vaultOf(ctx).has(TRACKING_KEY_SLOT);
}

/** The saved key; a vault that cannot be unlocked says so in a sentence about tracking, not stores. */
export function readApiKey(ctx: HandlerContext): string {
  try {
    const record = vaultOf(ctx).get(TRACKING_KEY_SLOT) as unknown as { apiKey?: unknown };
    if (typeof record.apiKey === 'string' && record.apiKey) return record.apiKey;
  } catch {
    // fall through to the sentence below
  }
  throw new AppError('CONFLICT', 'The saved tracking API key could not be read on this computer; enter it again in the tracking settings.');
}

/** Written last in the caller's transaction, so a failure to keep the key undoes the settings too. */
export function saveApiKey(ctx: HandlerContext, apiKey: string): void {
  // The vault's record type names the marketplaces; a tracking key is kept the same way under its own slot.
  vaultOf(ctx).put(TRACKING_KEY_SLOT, { provider: 'aftership', apiKey } as unknown as Credentials);
}

export function secretStoreOf(ctx: HandlerContext): 'os' | 'file' {
  return vaultOf(ctx).secretStore;
}

export function providerFor(runtime: TrackingRuntime, baseUrl: string | null, apiKey: string,
  overrides: { attempts?: number } = {}): TrackingProvider {
  const url = baseUrl ?? AFTERSHIP_DEFAULT_BASE_URL;
  const pacerKey = `${url}\n${apiKey}`;
  let pacer = runtime.pacers.get(pacerKey);
  if (!pacer) {
    pacer = new AfterShipPacer(runtime.wallNow);
    runtime.pacers.set(pacerKey, pacer);
  }
  return new AfterShipProvider({
    baseUrl: url, apiKey, fetch: runtime.fetch, wallNow: runtime.wallNow, pacer,
    timing: overrides.attempts ? { ...runtime.timing, attempts: overrides.attempts } : runtime.timing,
  });
}

const TERMINAL = `('Delivered','Expired')`;

export function providerState(ctx: HandlerContext): TrackingProviderState {
  const row = readProviderRow(ctx.sqlite);
  const following = ctx.sqlite
    .prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM tracking_follows f JOIN shipments s ON s.id = f.shipment_id WHERE s.status NOT IN ${TERMINAL}`,
    )
    .get()!.n;
  return {
    provider: row?.provider ?? null,
    enabled: row?.enabled === 1,
    hasKey: row !== null && row.secret_store !== null && hasApiKey(ctx),
    baseUrl: row?.base_url ?? null,
    intervalMinutes: row?.interval_minutes ?? 60,
    lastRunAt: row?.last_run_at ?? null,
    lastError: row?.last_error ?? null,
    following,
  };
}
