import type { HandlerContext } from '../../../core/handler';
import { ConnectorError } from '../../../sync/connector';
import type { TrackingRefreshResult } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { applyTracking, forgetFollow, recordShipmentError } from './apply';
import { chosenShipments, isTerminal, newestRemoteUpdate, shipmentsByRemoteId, shipmentsToFollow } from './follows';
import type { FollowRequest, ProviderTracking, TrackingProvider } from './provider';
import { providerFor, readApiKey, readProviderRow, hasApiKey } from './settings';
import { trackingRuntimeFor } from './runtime';

/** New trackings created per run: a first run on a big store spreads over a few runs instead of one long one. */
const NEW_FOLLOWS_PER_RUN = 200;

type Counts = Omit<TrackingRefreshResult, 'message'>;

/** A failure that ends the run (the key, the network, the rate limit after retries) rather than one shipment. */
const endsTheRun = (error: unknown): boolean =>
  !(error instanceof ConnectorError) || error.retryable || error.kind === 'auth' || error.kind === 'malformed';

class Run {
  // A shipment followed in this run can come back in its listing: counted once.
  private readonly checked = new Set<number>();
  private readonly updated = new Set<number>();
  private newEvents = 0;
  private failed = 0;

  get counts(): Counts {
    return { checked: this.checked.size, updated: this.updated.size, newEvents: this.newEvents, failed: this.failed };
  }

  constructor(private readonly ctx: HandlerContext, private readonly provider: TrackingProvider) {}

  /** One page (or one tracking): applied in one transaction, to every shipment that carries it. */
  apply(items: { shipmentIds: number[]; tracking: ProviderTracking }[]): void {
    const nowIso = this.ctx.now().toISOString();
    this.ctx.sqlite.transaction(() => {
      for (const { shipmentIds, tracking } of items) {
        for (const shipmentId of shipmentIds) {
          const applied = applyTracking(this.ctx.sqlite, this.provider.name, shipmentId, tracking, nowIso);
          this.checked.add(shipmentId);
          if (applied.changed) this.updated.add(shipmentId);
          this.newEvents += applied.newEvents;
        }
      }
    })();
  }

  /** A refusal about this shipment alone is kept on it; anything else ends the run. */
  async each(shipmentId: number, ask: () => Promise<ProviderTracking>): Promise<void> {
    try {
      this.apply([{ shipmentIds: [shipmentId], tracking: await ask() }]);
    } catch (error) {
      if (endsTheRun(error)) throw error;
      this.failed++;
      this.ctx.sqlite.transaction(() => {
        if ((error as ConnectorError).status === 404) forgetFollow(this.ctx.sqlite, shipmentId);
        recordShipmentError(this.ctx.sqlite, shipmentId, (error as Error).message, this.ctx.now().toISOString());
      })();
    }
  }

  async followNew(signal: AbortSignal): Promise<void> {
    for (const request of shipmentsToFollow(this.ctx.sqlite, this.ctx.now().toISOString(), NEW_FOLLOWS_PER_RUN)) {
      await this.each(request.shipmentId, () => this.provider.follow(request, signal));
    }
  }

  /** Everything the provider changed since the newest change applied (less an overlap), page by page. */
  async listChanges(signal: AbortSignal, overlapMs: number): Promise<void> {
    const newest = newestRemoteUpdate(this.ctx.sqlite, this.provider.name);
    if (newest === null) return;
    const since = new Date(Date.parse(newest) - overlapMs).toISOString();
    let cursor: string | null = null;
    do {
      const page = await this.provider.listUpdated(since, cursor, signal);
      const ours = shipmentsByRemoteId(this.ctx.sqlite, this.provider.name, page.trackings.map((t) => t.remoteId));
      this.apply(page.trackings.flatMap((tracking) => {
        const shipmentIds = ours.get(tracking.remoteId);
        return shipmentIds ? [{ shipmentIds, tracking }] : [];
      }));
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  async chosen(ids: readonly number[], signal: AbortSignal): Promise<void> {
    for (const shipment of chosenShipments(this.ctx.sqlite, ids)) {
      // Delivered and expired parcels are not asked about again; demo parcels never are.
      if (isTerminal(shipment.status) || shipment.isDemo || !shipment.trackingNumber.trim()) continue;
      const remoteId = shipment.remoteId;
      const request: FollowRequest = shipment;
      await this.each(shipment.shipmentId, () =>
        remoteId ? this.provider.get(remoteId, signal) : this.provider.follow(request, signal));
    }
  }
}

const UNEXPECTED = 'Tracking updates stopped on an unexpected error; try again, and if it keeps happening, note the time and tell support.';

/**
 * Asks the provider for news: for the chosen shipments, or for all of them
 * (follows the new ones, then lists what changed). Runs never overlap: one
 * asked for while another is under way starts when it ends. Per-shipment
 * refusals are kept on the shipment; a failure of the provider as a whole
 * (key, network, rate limit after retries) ends the run with a sentence.
 */
export function refreshTracking(ctx: HandlerContext, shipmentIds?: readonly number[]): Promise<TrackingRefreshResult> {
  const runtime = trackingRuntimeFor(ctx);
  const previous = runtime.running ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => runOnce(ctx, shipmentIds));
  runtime.running = next;
  void next.finally(() => {
    if (runtime.running === next) runtime.running = null;
  }).catch(() => undefined);
  return next;
}

async function runOnce(ctx: HandlerContext, shipmentIds?: readonly number[]): Promise<TrackingRefreshResult> {
  const row = readProviderRow(ctx.sqlite);
  if (!row || !row.enabled) {
    throw new AppError('VALIDATION', 'Tracking updates are turned off; turn them on in the tracking provider settings first.');
  }
  if (row.secret_store === null || !hasApiKey(ctx)) {
    throw new AppError('VALIDATION', 'No API key is saved for the tracking provider; enter one in the tracking provider settings.');
  }
  const runtime = trackingRuntimeFor(ctx);
  const run = new Run(ctx, providerFor(runtime, row.base_url, readApiKey(ctx)));
  const startedAt = ctx.now().toISOString();
  const signal = runtime.controller.signal;
  let message: string | null = null;
  let unexpected: unknown = null;
  try {
    if (shipmentIds) {
      await run.chosen(shipmentIds, signal);
    } else {
      await run.followNew(signal);
      await run.listChanges(signal, runtime.timing.overlapMs);
    }
  } catch (error) {
    if (signal.aborted) throw new AppError('INTERNAL', 'Backroom is shutting down.');
    const known = error instanceof ConnectorError || error instanceof AppError;
    message = known ? error.message : UNEXPECTED;
    // A bug is not a provider's answer: recorded like one, then thrown so the dispatcher logs it.
    if (!known) unexpected = error;
  }
  // A full run is what the schedule counts from; a refresh of a few shipments only reports a failure.
  if (!shipmentIds) {
    ctx.sqlite.prepare('UPDATE tracking_provider SET last_run_at = ?, last_error = ? WHERE id = 1').run(startedAt, message);
  } else if (message !== null) {
    ctx.sqlite.prepare('UPDATE tracking_provider SET last_error = ? WHERE id = 1').run(message);
  }
  if (run.counts.updated > 0 || run.counts.newEvents > 0) ctx.emit('data.changed', { areas: ['logistics'] });
  if (unexpected !== null) throw unexpected;
  return { ...run.counts, message };
}
