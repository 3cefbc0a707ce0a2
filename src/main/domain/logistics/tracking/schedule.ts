import type { Logger } from '../../../core/dispatch';
import type { HandlerContext } from '../../../core/handler';
import { nextRunAt, startTicking } from '../../../core/interval';
import { refreshTracking } from './refresh';
import { trackingRuntimeFor } from './runtime';
import { hasApiKey, readProviderRow } from './settings';

const TICK_MS = 30_000;

/**
 * The provider's interval while the core is open (the worker turns it on, like
 * scheduled syncs): a full refresh when one is due, never two at once.
 */
export function scheduleTracking(ctx: HandlerContext, options: { log: Logger; tickMs?: number; firstTickMs?: number }): { stop(): void } {
  const runtime = trackingRuntimeFor(ctx);
  const tick = (): void => {
    if (runtime.running || runtime.controller.signal.aborted) return;
    try {
      const row = readProviderRow(ctx.sqlite);
      if (!row || !row.enabled || row.secret_store === null || !hasApiKey(ctx)) return;
      const due = nextRunAt(row.interval_minutes, row.last_run_at, ctx.now());
      if (due === null || Date.parse(due) > ctx.now().getTime()) return;
      void refreshTracking(ctx).then(
        (result) => {
          if (result.message) options.log(`scheduled tracking refresh: ${result.message}`, null);
        },
        (error: unknown) => {
          if (!runtime.controller.signal.aborted) options.log('scheduled tracking refresh failed', error);
        },
      );
    } catch (error) {
      options.log('scheduled tracking refresh could not start', error);
    }
  };
  // After the window's first queries and the first sync tick.
  return startTicking(tick, options.firstTickMs ?? 5_000, options.tickMs ?? TICK_MS);
}
