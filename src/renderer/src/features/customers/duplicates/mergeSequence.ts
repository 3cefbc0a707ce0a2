import type { MergeInput, MergeResult } from '../../../../../shared/contract';

/**
 * Merging a group is one merge per other customer, in order. It stops at the
 * first failure so the merchant sees exactly what happened: the merges done
 * (each complete in the core) and the one that failed. Each source's key is
 * made once per dialog, so running the sequence again after a failure replays
 * the done merges instead of repeating them, and goes on from the failed one.
 */
export interface MergeOutcome {
  results: MergeResult[];
  /** What the failed merge threw, or null when every merge went through. */
  error: unknown;
}

export async function mergeEachInto(
  sourceIds: readonly number[],
  targetId: number,
  staffId: number,
  keyFor: (sourceId: number) => string,
  mergeOne: (input: MergeInput) => Promise<MergeResult>,
): Promise<MergeOutcome> {
  const results: MergeResult[] = [];
  for (const sourceId of sourceIds) {
    try {
      results.push(await mergeOne({ sourceId, targetId, staffId, idempotencyKey: keyFor(sourceId) }));
    } catch (error) {
      return { results, error: error ?? new Error('The merge failed.') };
    }
  }
  return { results, error: null };
}

export interface MergeTotals {
  orders: number;
  tickets: number;
  returns: number;
  feedback: number;
  points: number;
}

/** What moved in all, over the merges that went through. */
export function mergeTotals(results: readonly MergeResult[]): MergeTotals {
  const totals: MergeTotals = { orders: 0, tickets: 0, returns: 0, feedback: 0, points: 0 };
  for (const r of results) {
    totals.orders += r.moved.orders;
    totals.tickets += r.moved.tickets;
    totals.returns += r.moved.returns;
    totals.feedback += r.moved.feedback;
    totals.points += r.points.points;
  }
  return totals;
}
