import type { HandlerContext } from '../../core/handler';
import type { ConnectedStore, ConnectionTest, ParsedInputOf, SyncResourceName } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../../domain/audit/log';
import { requireActiveStaff } from '../../domain/orders/staff';
import { ConnectorError, type Credentials } from '../connector';
import { cancelSync } from '../engine/run';
import { readStore, syncDepsFor, type StoreSettings, type SyncDeps } from '../engine/runtime';

const TEST_TIMEOUT_MS = 20_000;

interface StoreRow {
  id: number; name: string; platform: string; shop_url: string | null; currency: string; timezone: string;
  sync_resources: string; sync_interval_minutes: number; secret_store: 'os' | 'file' | null;
  connected_at: string | null; disconnected_at: string | null;
}

function toConnectedStore(deps: SyncDeps, row: StoreRow): ConnectedStore {
  const connected = row.disconnected_at === null;
  return {
    id: row.id, name: row.name, platform: row.platform, shopUrl: row.shop_url, currency: row.currency,
    timezone: row.timezone, resources: JSON.parse(row.sync_resources) as SyncResourceName[],
    intervalMinutes: row.sync_interval_minutes,
    hasCredentials: connected && row.secret_store !== null && deps.runtime.vault.has(row.id),
    secretStore: connected ? row.secret_store : null,
    connectedAt: connected ? row.connected_at : null,
  };
}

export function listStores(deps: SyncDeps, storeId?: number): ConnectedStore[] {
  const rows = deps.sqlite
    .prepare<[], StoreRow>(
      `SELECT id, name, platform, shop_url, currency, timezone, sync_resources, sync_interval_minutes, secret_store,
         connected_at, disconnected_at FROM stores ORDER BY id`,
    )
    .all();
  return rows.filter((row) => storeId === undefined || row.id === storeId).map((row) => toConnectedStore(deps, row));
}

/** Asks the platform; a refusal or an unreachable shop becomes a verdict with the platform's reason, never a throw. */
async function testWith(deps: SyncDeps, store: StoreSettings, credentials: Credentials): Promise<ConnectionTest> {
  const signal = AbortSignal.timeout(TEST_TIMEOUT_MS);
  try {
    const connector = deps.runtime.makeConnector(store, credentials);
    const verdict = await connector.test(signal);
    return verdict.shop ? { ok: verdict.ok, message: verdict.message, shop: verdict.shop } : { ok: verdict.ok, message: verdict.message };
  } catch (error) {
    if (error instanceof ConnectorError || error instanceof AppError) return { ok: false, message: error.message };
    if (signal.aborted) return { ok: false, message: 'The shop did not answer within 20 seconds; check the address and your network.' };
    throw error;
  }
}

const trimUrl = (url: string): string => url.replace(/\/+$/, '');

function draftStore(shopUrl: string, credentials: Credentials, extra?: Partial<StoreSettings>): StoreSettings {
  return {
    id: 0, name: '', platform: credentials.platform, shopUrl: trimUrl(shopUrl), timezone: 'UTC', currency: 'USD',
    resources: ['products', 'customers', 'orders'], intervalMinutes: 0, disconnectedAt: null, ...extra,
  };
}

export async function testStore(input: ParsedInputOf<'stores.test'>, ctx: HandlerContext): Promise<ConnectionTest> {
  const deps = syncDepsFor(ctx);
  if ('storeId' in input) {
    const store = readStore(ctx.sqlite, input.storeId);
    if (store.disconnectedAt || !deps.runtime.vault.has(store.id)) {
      return { ok: false, message: `No credentials are saved for “${store.name}”; connect it again.` };
    }
    const verdict = await testWith(deps, store, deps.runtime.vault.get(store.id));
    if (verdict.ok) deps.runtime.online.set(store.id, true);
    return verdict;
  }
  return testWith(deps, draftStore(input.shopUrl, input.credentials), input.credentials);
}

export async function connectStore(input: ParsedInputOf<'stores.connect'>, ctx: HandlerContext): Promise<ConnectedStore> {
  requireActiveStaff(ctx.sqlite, input.staffId);
  const deps = syncDepsFor(ctx);
  const credentials: Credentials = input.credentials;
  const shopUrl = trimUrl(input.shopUrl);
  const draft = draftStore(shopUrl, credentials, {
    name: input.name, timezone: input.timezone, currency: input.currency, resources: input.resources,
    intervalMinutes: input.intervalMinutes,
  });
  const verdict = await testWith(deps, draft, credentials);
  if (!verdict.ok) throw new AppError('VALIDATION', verdict.message);

  const at = ctx.now().toISOString();
  const storeId = ctx.sqlite.transaction(() => {
    // The same shop connected again (new keys, after a removal) keeps its store, and so its data.
    const existing = ctx.sqlite
      .prepare<[string, string], { id: number }>('SELECT id FROM stores WHERE platform = ? AND shop_url = ?')
      .get(credentials.platform, shopUrl);
    const values = [input.name, input.currency, input.timezone, JSON.stringify(input.resources), input.intervalMinutes,
      deps.runtime.vault.secretStore, at, at] as const;
    let id: number;
    if (existing) {
      id = existing.id;
      ctx.sqlite
        .prepare(
          `UPDATE stores SET name = ?, currency = ?, timezone = ?, sync_resources = ?, sync_interval_minutes = ?,
             secret_store = ?, connected_at = ?, updated_at = ?, disconnected_at = NULL WHERE id = ?`,
        )
        .run(...values, id);
    } else {
      id = Number(ctx.sqlite
        .prepare(
          `INSERT INTO stores (name, currency, timezone, sync_resources, sync_interval_minutes, secret_store, connected_at,
             updated_at, platform, shop_url, domain, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, credentials.platform, shopUrl, new URL(shopUrl).host, at).lastInsertRowid);
    }
    recordAudit(ctx.sqlite, {
      at, staffId: input.staffId, entityType: 'store', entityId: id, action: 'store.connect',
      detail: { platform: credentials.platform, shopUrl, resources: input.resources },
    });
    // Last, so a failure to keep the secret undoes the row too (nothing half-saved).
    deps.runtime.vault.put(id, credentials);
    return id;
  })();
  deps.runtime.online.set(storeId, true);
  ctx.emit('data.changed', { areas: ['sync'] });
  return listStores(deps, storeId)[0]!;
}

export async function removeStore(input: ParsedInputOf<'stores.remove'>, ctx: HandlerContext): Promise<{ id: number }> {
  requireActiveStaff(ctx.sqlite, input.staffId);
  const deps = syncDepsFor(ctx);
  const store = readStore(ctx.sqlite, input.storeId);
  if (!store.shopUrl) throw new AppError('VALIDATION', `“${store.name}” is not connected to a marketplace.`);
  cancelSync(deps, store.id);
  await deps.runtime.active.get(store.id)?.done;
  const at = ctx.now().toISOString();
  ctx.sqlite.transaction(() => {
    // The scheduler skips disconnected stores; orders, customers and the ledger stay.
    ctx.sqlite
      .prepare('UPDATE stores SET disconnected_at = ?, secret_store = NULL, updated_at = ? WHERE id = ?')
      .run(at, at, store.id);
    // Its waiting changes have nowhere to go now (reconnecting makes a new store): they are set aside with a
    // sentence, not deleted; the local notes, tags and refunds they carried stay as they are.
    ctx.sqlite
      .prepare(`UPDATE outbox SET status = 'discarded', completed_at = ?,
          last_error = 'The store was disconnected before this change could be sent; it stays in Backroom only.'
        WHERE store_id = ? AND status IN ('pending', 'failed')`)
      .run(at, store.id);
    recordAudit(ctx.sqlite, { at, staffId: input.staffId, entityType: 'store', entityId: store.id, action: 'store.disconnect' });
    deps.runtime.vault.delete(store.id);
  })();
  deps.runtime.online.delete(store.id);
  deps.runtime.budgets.delete(store.id);
  ctx.emit('data.changed', { areas: ['sync'] });
  return { id: store.id };
}
