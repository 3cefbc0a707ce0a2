import type { RateSignal } from '../connector';
import type { EngineTiming } from './timing';

type Budget = NonNullable<RateSignal['budget']>;

/**
 * Paces calls on the platform's own signals. A throttle or Retry-After says
 * how long to wait. Shopify's cost bucket says how many points are left and
 * how fast they come back: before a call the limiter waits until the bucket
 * (as last seen, plus what was restored since) holds the call's expected cost,
 * learnt from what earlier calls took. Never guesses faster than the bucket.
 */
export class RateLimiter {
  private signal: RateSignal | null = null;
  private seenAt = 0;
  private expectedCost = 0;
  /** A new listing's query may cost more than the last one's: its first call waits for a full bucket. */
  private costUnknown = false;

  constructor(private readonly timing: EngineTiming) {}

  /** A different query starts (the next resource): what it costs is learnt afresh. */
  startListing(): void {
    this.costUnknown = true;
    this.expectedCost = 0;
  }

  /** How long to wait before the next call. */
  waitBeforeNextMs(): number {
    if (!this.signal) return 0;
    const elapsed = this.timing.clock() - this.seenAt;
    let wait = this.signal.waitMs - elapsed;
    const budget = this.signal.budget;
    if (budget && budget.restorePerSecond > 0) {
      // A full bucket holds any query Shopify accepts at all, so the first call of a listing is never throttled;
      // the points are not lost by waiting, only saved up and spent by that call.
      const need = this.costUnknown ? budget.maximum : Math.min(this.expectedCost, budget.maximum);
      const missing = need - (budget.available + (budget.restorePerSecond * elapsed) / 1000);
      if (missing > 0) wait = Math.max(wait, Math.ceil((missing / budget.restorePerSecond) * 1000));
    }
    return Math.max(0, wait);
  }

  /** Reads the connector's signal after a call (successful or not). */
  observe(next: RateSignal): void {
    const now = this.timing.clock();
    const previous = this.signal?.budget;
    const budget = next.budget;
    if (budget && previous && !next.throttled) {
      // Points the call took: what the bucket would have held by now, less what it holds.
      const restored = (previous.restorePerSecond * (now - this.seenAt)) / 1000;
      const spent = Math.min(previous.maximum, previous.available + restored) - budget.available;
      if (spent > 0) this.expectedCost = this.expectedCost === 0 ? spent : Math.max(spent, this.expectedCost * 0.8 + spent * 0.2);
    }
    this.costUnknown = false;
    this.signal = next;
    this.seenAt = now;
  }

  budget(): Budget | null {
    return this.signal?.budget ?? null;
  }
}
