import type { HandlerContext } from '../../../core/handler';
import type { Sqlite } from '../../../db/connection';
import { DEFAULT_TIMING, type EngineTiming } from '../../../sync/engine/timing';
import { AfterShipPacer } from './aftership/pacer';

/** What one open core keeps about tracking between operations: the run under way, pacing, how to reach the provider. */
export interface TrackingRuntime {
  timing: EngineTiming;
  fetch: typeof fetch;
  /** Wall clock (ms): AfterShip's rate-limit reset is a Unix time, so pacing needs the real clock, not ctx.now(). */
  wallNow: () => number;
  /** One pacer per provider account (base URL + key), kept across runs. */
  pacers: Map<string, AfterShipPacer>;
  /** The refresh under way; another waits for it (runs never overlap). */
  running: Promise<unknown> | null;
  /** Aborted when the core closes. */
  controller: AbortController;
}

export interface TrackingRuntimeOptions {
  timing?: Partial<EngineTiming>;
  fetch?: typeof fetch;
  wallNow?: () => number;
}

const runtimes = new WeakMap<Sqlite, TrackingRuntime>();

/** Sets up tracking for a core (tests pass quick timing, or their own fetch). */
export function installTracking(ctx: Pick<HandlerContext, 'sqlite'>, options: TrackingRuntimeOptions = {}): TrackingRuntime {
  const runtime: TrackingRuntime = {
    timing: { ...DEFAULT_TIMING, ...options.timing },
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    wallNow: options.wallNow ?? Date.now,
    pacers: new Map(),
    running: null,
    controller: new AbortController(),
  };
  runtimes.set(ctx.sqlite, runtime);
  return runtime;
}

export function trackingRuntimeFor(ctx: Pick<HandlerContext, 'sqlite'>): TrackingRuntime {
  return runtimes.get(ctx.sqlite) ?? installTracking(ctx);
}

/** Stops a run under way and waits for it to give up (core close). */
export async function stopTracking(ctx: Pick<HandlerContext, 'sqlite'>): Promise<void> {
  const runtime = runtimes.get(ctx.sqlite);
  if (!runtime) return;
  runtime.controller.abort(new Error('Backroom is closing.'));
  await Promise.allSettled([runtime.running]);
}
