import { describe, expect, it } from 'vitest';
import type { MergeInput, MergeResult } from '../../src/shared/contract';
import { mergeEachInto, mergeTotals } from '../../src/renderer/src/features/customers/duplicates/mergeSequence';

/** The merge dialog's sequence: one merge per other customer, stopping at the first failure, keys kept for a retry. */
const result = (sourceId: number, targetId: number, moved: number, points: number, replayed = false): MergeResult => ({
  mergeId: sourceId, sourceId, targetId, mergedAt: '2026-03-01T00:00:00.000Z',
  moved: { orders: moved, tickets: 1, returns: 0, feedback: 2 }, points: { lots: 1, points, debt: 0 }, replayed,
});

/** A fake core: remembers keys as the real one does, and fails the sources it is told to, once. */
function fakeCore(failOnce: number[] = []) {
  const done = new Map<string, MergeResult>();
  const calls: MergeInput[] = [];
  const failing = new Set(failOnce);
  const mergeOne = async (input: MergeInput): Promise<MergeResult> => {
    calls.push(input);
    const earlier = done.get(input.idempotencyKey);
    if (earlier) return { ...earlier, replayed: true };
    if (failing.delete(input.sourceId)) throw new Error(`Customer #${input.sourceId} was already merged.`);
    const merged = result(input.sourceId, input.targetId, input.sourceId, 10 * input.sourceId);
    done.set(input.idempotencyKey, merged);
    return merged;
  };
  return { mergeOne, calls, done };
}

const keyFor = (sourceId: number) => `key-${sourceId}`;

describe('mergeEachInto', () => {
  it('merges every source into the target in order, with the acting staff and each source’s own key', async () => {
    const core = fakeCore();
    const outcome = await mergeEachInto([4, 9], 2, 7, keyFor, core.mergeOne);
    expect(outcome.error).toBeNull();
    expect(outcome.results.map((r) => r.sourceId)).toEqual([4, 9]);
    expect(core.calls).toEqual([
      { sourceId: 4, targetId: 2, staffId: 7, idempotencyKey: 'key-4' },
      { sourceId: 9, targetId: 2, staffId: 7, idempotencyKey: 'key-9' },
    ]);
  });

  it('stops at the first failure, keeps what went through, and a retry replays it before going on', async () => {
    const core = fakeCore([9]);
    const first = await mergeEachInto([4, 9, 11], 2, 7, keyFor, core.mergeOne);
    expect(first.results.map((r) => r.sourceId)).toEqual([4]);
    expect(String(first.error)).toContain('Customer #9');
    expect(core.calls.map((c) => c.sourceId)).toEqual([4, 9]); // 11 was not tried

    const retry = await mergeEachInto([4, 9, 11], 2, 7, keyFor, core.mergeOne);
    expect(retry.error).toBeNull();
    expect(retry.results.map((r) => [r.sourceId, r.replayed])).toEqual([[4, true], [9, false], [11, false]]);
    expect(core.done.size).toBe(3);
  });

  it('reports a failure even when the thrown value is empty', async () => {
    const outcome = await mergeEachInto([4], 2, 7, keyFor, () => Promise.reject(undefined));
    expect(outcome.error).toBeInstanceOf(Error);
    expect(outcome.results).toEqual([]);
  });
});

describe('mergeTotals', () => {
  it('adds what moved over the merges that went through', () => {
    expect(mergeTotals([result(4, 2, 3, 120), result(9, 2, 5, -15)])).toEqual({
      orders: 8, tickets: 2, returns: 0, feedback: 4, points: 105,
    });
    expect(mergeTotals([])).toEqual({ orders: 0, tickets: 0, returns: 0, feedback: 0, points: 0 });
  });
});
