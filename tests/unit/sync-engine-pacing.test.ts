import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/main/sync/engine/rateLimiter';
import { backoffMs, DEFAULT_TIMING } from '../../src/main/sync/engine/timing';

function limiterAt(clock: { now: number }): RateLimiter {
  return new RateLimiter({ ...DEFAULT_TIMING, clock: () => clock.now });
}

describe('sync engine: pacing', () => {
  it('waits for the bucket to hold the cost calls have been taking, and no longer', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    expect(limiter.waitBeforeNextMs()).toBe(0);
    limiter.observe({ waitMs: 0, throttled: false, budget: { available: 1000, maximum: 1000, restorePerSecond: 100 } });
    // A call took 300 points (1000 → 700 with nothing restored in between): the next one is expected to as well.
    limiter.observe({ waitMs: 0, throttled: false, budget: { available: 700, maximum: 1000, restorePerSecond: 100 } });
    expect(limiter.waitBeforeNextMs()).toBe(0);
    limiter.observe({ waitMs: 0, throttled: false, budget: { available: 400, maximum: 1000, restorePerSecond: 100 } });
    limiter.observe({ waitMs: 0, throttled: false, budget: { available: 100, maximum: 1000, restorePerSecond: 100 } });
    // 100 available, 300 needed, 100 points/s: two seconds.
    expect(limiter.waitBeforeNextMs()).toBe(2000);
    clock.now += 1500;
    expect(limiter.waitBeforeNextMs()).toBe(500);
    clock.now += 500;
    expect(limiter.waitBeforeNextMs()).toBe(0);
  });

  it('lets the first call of a new listing wait for a full bucket, as its cost is not known yet', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    limiter.observe({ waitMs: 0, throttled: false, budget: { available: 1000, maximum: 1000, restorePerSecond: 100 } });
    limiter.observe({ waitMs: 0, throttled: false, budget: { available: 900, maximum: 1000, restorePerSecond: 100 } });
    expect(limiter.waitBeforeNextMs()).toBe(0);
    limiter.startListing();
    expect(limiter.waitBeforeNextMs()).toBe(1000);
    clock.now += 1000;
    limiter.observe({ waitMs: 0, throttled: false, budget: { available: 400, maximum: 1000, restorePerSecond: 100 } });
    // It took 600: the next call waits for 600, not for a full bucket.
    expect(limiter.waitBeforeNextMs()).toBe(2000);
  });

  it('honours a throttle restore time or Retry-After', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    limiter.observe({ waitMs: 3000, throttled: true });
    expect(limiter.waitBeforeNextMs()).toBe(3000);
    clock.now = 1000;
    expect(limiter.waitBeforeNextMs()).toBe(2000);
  });

  it('backs off exponentially with full jitter, capped, and never under Retry-After', () => {
    const timing = { ...DEFAULT_TIMING, backoffBaseMs: 100, backoffMaxMs: 1000, random: () => 0.999 };
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffMs(timing, attempt))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffMs({ ...timing, random: () => 0 }, 3)).toBe(0);
    expect(backoffMs({ ...timing, random: () => 0 }, 3, 1234)).toBe(1234);
  });
});
