/** Small timing helpers shared by the bench suites. */

export type Figures = Record<string, number>;

export interface Suite {
  /** What the suite measures, one sentence, printed above its table. */
  description: string;
  run(log: (line: string) => void): Promise<Figures>;
  /** EXPLAIN QUERY PLAN of the suite's hot queries, set by run(): written beside the figures. */
  plans?: Record<string, unknown>;
}

/** The 95th percentile (nearest rank). */
export function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (value: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Runs `fn` `times` times after one warm-up run; returns each run's milliseconds. */
export async function timeRuns(times: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await fn();
    runs.push(performance.now() - started);
  }
  return runs;
}
