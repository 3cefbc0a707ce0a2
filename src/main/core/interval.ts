/**
 * What the core does on an interval while it is open (scheduled syncs, the
 * tracking provider's refresh): when the next run is due, and the ticking
 * itself, which never keeps the process alive.
 */

/** When the next run is due: the last start plus the interval; now when it never ran; null when by hand only. */
export function nextRunAt(intervalMinutes: number, lastStartedAt: string | null, now: Date): string | null {
  if (intervalMinutes <= 0) return null;
  if (!lastStartedAt) return now.toISOString();
  return new Date(Date.parse(lastStartedAt) + intervalMinutes * 60_000).toISOString();
}

/** Calls `tick` once after `firstTickMs` (so the window's first queries come first), then every `tickMs`. */
export function startTicking(tick: () => void, firstTickMs: number, tickMs: number): { stop(): void } {
  const startup = setTimeout(tick, firstTickMs);
  const timer = setInterval(tick, tickMs);
  startup.unref?.();
  timer.unref?.();
  return {
    stop: () => {
      clearTimeout(startup);
      clearInterval(timer);
    },
  };
}
