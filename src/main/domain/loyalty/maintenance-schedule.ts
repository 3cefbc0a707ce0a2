import type { HandlerContext } from '../../core/handler';
import { postedAnything, runLoyaltyMaintenance } from './maintenance';

/** Hourly: expiries fall due by the minute, birthdays by the day; an hour late is never a day late. */
export const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;
/** The first run waits for the window's first burst of requests; the core is one thread. */
export const MAINTENANCE_FIRST_DELAY_MS = 2_000;

export interface MaintenanceSchedule {
  /** Clears the timers: nothing runs after this returns. */
  stop(): void;
}

export interface ScheduleOptions {
  firstDelayMs?: number;
  intervalMs?: number;
  log: (message: string, error: unknown) => void;
}

/**
 * Runs loyalty maintenance shortly after the core opens, then every hour
 * while it runs, and tells the views to refetch when it posted anything. A
 * failed run is logged and tried again at the next tick.
 */
export function scheduleLoyaltyMaintenance(ctx: HandlerContext, options: ScheduleOptions): MaintenanceSchedule {
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    try {
      const report = runLoyaltyMaintenance(ctx, ctx.now());
      if (postedAnything(report)) ctx.emit('data.changed', { areas: ['loyalty'] });
    } catch (error) {
      options.log('scheduled loyalty maintenance failed', error);
    }
  };
  const first = setTimeout(run, options.firstDelayMs ?? MAINTENANCE_FIRST_DELAY_MS);
  const every = setInterval(run, options.intervalMs ?? MAINTENANCE_INTERVAL_MS);
  // The schedule alone never keeps a process alive: the core's host decides when it ends.
  first.unref();
  every.unref();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
