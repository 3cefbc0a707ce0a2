/** How long to wait and how often to try: defaults for the app, small numbers in tests. */
export interface EngineTiming {
  /** Read back this far behind the cursor, so records sharing a timestamp across a page boundary are not lost. */
  overlapMs: number;
  /** Attempts per call on retryable failures (network, 5xx, timeouts, throttles), the first included. */
  attempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** 0 <= x < 1; the jitter's source, fixed in tests. */
  random(): number;
  /** A monotonic clock in ms, for pacing and ETAs. */
  clock(): number;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const DEFAULT_TIMING: EngineTiming = {
  overlapMs: 5 * 60_000,
  attempts: 6,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  sleep: abortableSleep,
  random: Math.random,
  clock: () => performance.now(),
};

/** Exponential backoff with full jitter (a random wait up to the exponential cap), at least what the server asked. */
export function backoffMs(timing: EngineTiming, attempt: number, retryAfterMs = 0): number {
  const cap = Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** attempt);
  return Math.max(retryAfterMs, Math.floor(timing.random() * cap));
}
