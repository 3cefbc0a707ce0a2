import { describe, expect, it } from 'vitest';
import { recomputeProgress } from '../../src/renderer/src/features/customers/segments/recomputeProgress';

/** The recompute's progress estimate: from the last run's duration, never past 95 % before the answer, never wrong when overdue. */
describe('recomputeProgress', () => {
  it('estimates from the last run: share done and whole seconds left', () => {
    expect(recomputeProgress(0, 6_000)).toEqual({ percent: 0, secondsLeft: 6, elapsedSeconds: 0 });
    expect(recomputeProgress(1_500, 6_000)).toEqual({ percent: 25, secondsLeft: 5, elapsedSeconds: 1 });
    expect(recomputeProgress(5_999, 6_000)).toEqual({ percent: 95, secondsLeft: 1, elapsedSeconds: 5 });
  });

  it('has no estimate without a last run, or once this run outlasts it', () => {
    expect(recomputeProgress(2_000, null)).toEqual({ percent: null, secondsLeft: null, elapsedSeconds: 2 });
    expect(recomputeProgress(2_000, 0)).toEqual({ percent: null, secondsLeft: null, elapsedSeconds: 2 });
    expect(recomputeProgress(6_000, 6_000)).toEqual({ percent: null, secondsLeft: null, elapsedSeconds: 6 });
    expect(recomputeProgress(9_500, 6_000)).toEqual({ percent: null, secondsLeft: null, elapsedSeconds: 9 });
  });

  it('treats a clock that went backwards as no time yet', () => {
    expect(recomputeProgress(-300, 6_000)).toEqual({ percent: 0, secondsLeft: 6, elapsedSeconds: 0 });
  });
});
