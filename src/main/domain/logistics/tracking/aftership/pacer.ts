import { AFTERSHIP_DOCUMENTED_LIMITS, type AfterShipEndpoint } from './types';

interface Window {
  limit: number;
  remaining: number;
  /** Wall-clock ms when the window starts afresh (AfterShip's x-ratelimit-reset is a Unix time in seconds). */
  resetAtMs: number;
}

/** A little past the reset, so a call does not land in the old window on a clock a few ms apart. */
const RESET_MARGIN_MS = 25;

/**
 * Keeps calls within AfterShip's per-endpoint limits (requests per second).
 * Before any answer it counts against the documented limit in one-second
 * windows of its own; after each answer it believes the headers
 * (x-ratelimit-limit / -remaining / -reset). With none left in the window,
 * the next call waits for the reset. Calls are made one at a time, so
 * counting down between answers is exact.
 */
export class AfterShipPacer {
  private readonly windows = new Map<AfterShipEndpoint, Window>();

  constructor(private readonly wallNow: () => number = Date.now) {}

  /** How long to wait before calling `endpoint`. */
  waitBeforeMs(endpoint: AfterShipEndpoint): number {
    const window = this.windows.get(endpoint);
    const now = this.wallNow();
    if (!window || now >= window.resetAtMs || window.remaining > 0) return 0;
    return window.resetAtMs - now + RESET_MARGIN_MS;
  }

  /** A call to `endpoint` is going out now. */
  sent(endpoint: AfterShipEndpoint): void {
    const now = this.wallNow();
    const window = this.windows.get(endpoint);
    if (window && now < window.resetAtMs) {
      window.remaining = Math.max(0, window.remaining - 1);
      return;
    }
    const limit = window?.limit ?? AFTERSHIP_DOCUMENTED_LIMITS[endpoint];
    this.windows.set(endpoint, { limit, remaining: limit - 1, resetAtMs: (Math.floor(now / 1000) + 1) * 1000 });
  }

  /** Reads the rate-limit headers of an answer (any status). */
  observe(endpoint: AfterShipEndpoint, headers: Headers): void {
    const limit = Number(headers.get('x-ratelimit-limit'));
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (!headers.has('x-ratelimit-remaining') || !Number.isFinite(remaining) || !Number.isFinite(reset) || reset <= 0) return;
    this.windows.set(endpoint, {
      limit: Number.isFinite(limit) && limit > 0 ? limit : AFTERSHIP_DOCUMENTED_LIMITS[endpoint],
      remaining: Math.max(0, remaining),
      resetAtMs: reset * 1000,
    });
  }

  /** How long until the window of `endpoint` resets (for a 429 without Retry-After). */
  untilResetMs(endpoint: AfterShipEndpoint): number {
    const window = this.windows.get(endpoint);
    return window ? Math.max(0, window.resetAtMs - this.wallNow()) + RESET_MARGIN_MS : 1000;
  }
}
