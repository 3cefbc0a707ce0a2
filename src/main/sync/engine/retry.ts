import { ConnectorError } from '../connector';
import { backoffMs, type EngineTiming } from './timing';

export interface RetryNotice {
  attempt: number;
  waitMs: number;
  error: ConnectorError;
}

/**
 * Calls `call` until it succeeds, retrying retryable ConnectorErrors (network,
 * 5xx, timeouts, throttles) with exponential backoff and full jitter, honouring
 * the server's Retry-After. Anything else, or the last failure, is thrown.
 */
export async function withRetry<T>(
  timing: EngineTiming,
  signal: AbortSignal,
  call: () => Promise<T>,
  onRetry?: (notice: RetryNotice) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (signal.aborted) throw error;
      if (!(error instanceof ConnectorError) || !error.retryable || attempt + 1 >= timing.attempts) throw error;
      const waitMs = backoffMs(timing, attempt, error.retryAfterMs);
      onRetry?.({ attempt: attempt + 1, waitMs, error });
      await timing.sleep(waitMs, signal);
    }
  }
}
