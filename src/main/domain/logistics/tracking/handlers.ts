import type { Handler, HandlerContext } from '../../../core/handler';
import type { OperationName, ParsedInputOf, TrackingProviderState } from '../../../../shared/contract';
import { AppError, type ErrorCode } from '../../../../shared/errors';
import { recordAudit } from '../../audit/log';
import { requireActiveStaff } from '../../orders/staff';
import { ConnectorError } from '../../../sync/connector';
import { refreshTracking } from './refresh';
import { trackingRuntimeFor } from './runtime';
import { hasApiKey, providerFor, providerState, readApiKey, readProviderRow, saveApiKey, secretStoreOf } from './settings';

const TEST_TIMEOUT_MS = 20_000;

const TEST_FAILURE_CODES: Record<ConnectorError['kind'], ErrorCode> = {
  auth: 'VALIDATION', client: 'VALIDATION', malformed: 'UPSTREAM', server: 'UPSTREAM', throttled: 'UPSTREAM',
  offline: 'OFFLINE', timeout: 'OFFLINE',
};

/** Asks the provider with the key about to be saved; its refusal becomes an error with its reason, and nothing is saved. */
async function testConnection(ctx: HandlerContext, baseUrl: string | null, apiKey: string): Promise<void> {
  const provider = providerFor(trackingRuntimeFor(ctx), baseUrl, apiKey, { attempts: 2 });
  const signal = AbortSignal.timeout(TEST_TIMEOUT_MS);
  try {
    await provider.test(signal);
  } catch (error) {
    if (error instanceof ConnectorError) {
      throw new AppError(TEST_FAILURE_CODES[error.kind], `${error.message} The tracking settings were not saved.`);
    }
    if (signal.aborted) {
      throw new AppError('OFFLINE', 'AfterShip did not answer within 20 seconds; check the address and your network. The tracking settings were not saved.');
    }
    throw error;
  }
}

async function updateProvider(input: ParsedInputOf<'tracking.provider.update'>, ctx: HandlerContext): Promise<TrackingProviderState> {
  requireActiveStaff(ctx.sqlite, input.staffId);
  const row = readProviderRow(ctx.sqlite);
  // Left out: the saved address stays (a missing one means AfterShip's own).
  const baseUrl = input.baseUrl !== undefined ? input.baseUrl.replace(/\/+$/, '') : row?.base_url ?? null;
  const keySaved = row !== null && row.secret_store !== null && hasApiKey(ctx);
  if (input.enabled && input.apiKey === undefined && !keySaved) {
    throw new AppError('VALIDATION', 'Enter the AfterShip API key to turn tracking updates on.');
  }
  const addressChanged = baseUrl !== (row?.base_url ?? null);
  if (input.apiKey !== undefined) {
    await testConnection(ctx, baseUrl, input.apiKey);
  } else if (keySaved && addressChanged) {
    await testConnection(ctx, baseUrl, readApiKey(ctx));
  }

  const at = ctx.now().toISOString();
  ctx.sqlite.transaction(() => {
    const secretStore = input.apiKey !== undefined ? secretStoreOf(ctx) : row?.secret_store ?? null;
    ctx.sqlite
      .prepare(
        `INSERT INTO tracking_provider (id, provider, base_url, enabled, interval_minutes, secret_store, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET provider = excluded.provider, base_url = excluded.base_url,
           enabled = excluded.enabled, interval_minutes = excluded.interval_minutes, secret_store = excluded.secret_store,
           updated_at = excluded.updated_at,
           last_error = CASE WHEN ? THEN NULL ELSE tracking_provider.last_error END`,
      )
      .run(input.provider, baseUrl, input.enabled ? 1 : 0, input.intervalMinutes, secretStore, at,
        input.apiKey !== undefined || addressChanged ? 1 : 0);
    // Never the key: only that a new one was saved.
    recordAudit(ctx.sqlite, {
      at, staffId: input.staffId, entityType: 'settings', entityId: 1, action: 'tracking_provider.update',
      detail: { provider: input.provider, enabled: input.enabled, intervalMinutes: input.intervalMinutes, baseUrl,
        newKey: input.apiKey !== undefined },
    });
    // Last, so a failure to keep the key undoes the row too (nothing half-saved).
    if (input.apiKey !== undefined) saveApiKey(ctx, input.apiKey);
  })();
  ctx.emit('data.changed', { areas: ['logistics'] });
  return providerState(ctx);
}

export const trackingHandlers = {
  'tracking.provider.get': (_input, ctx) => providerState(ctx),
  'tracking.provider.update': updateProvider,
  'tracking.refresh': (input, ctx) => refreshTracking(ctx, input.shipmentIds),
} satisfies { [N in Extract<OperationName, `tracking.${string}`>]: Handler<N> };
