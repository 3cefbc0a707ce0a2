/**
 * How far a segments recompute probably is. The core cannot report progress
 * from inside its one SQL statement, so the estimate is the time since it
 * started against how long the last one took (kept by the core). The bar
 * stops short of full until the answer comes, and once a run outlasts the
 * last one the estimate is dropped rather than shown wrong.
 */
export interface RecomputeProgress {
  /** 0–95, or null when there is nothing to estimate from (the bar then just moves). */
  percent: number | null;
  /** Whole seconds probably left, or null when unknown or overdue. */
  secondsLeft: number | null;
  elapsedSeconds: number;
}

const CEILING = 95;

export function recomputeProgress(elapsedMs: number, lastDurationMs: number | null): RecomputeProgress {
  const elapsed = Math.max(0, elapsedMs);
  const elapsedSeconds = Math.floor(elapsed / 1000);
  if (lastDurationMs === null || !(lastDurationMs > 0) || elapsed >= lastDurationMs) {
    return { percent: null, secondsLeft: null, elapsedSeconds };
  }
  return {
    percent: Math.min(CEILING, Math.floor((elapsed / lastDurationMs) * 100)),
    secondsLeft: Math.ceil((lastDurationMs - elapsed) / 1000),
    elapsedSeconds,
  };
}
