/**
 * How a KPI moved against the previous period. Counts and money compare as a
 * relative change; a rate (already a share) compares in percentage points, since
 * "repeat rate up 50 %" from 2 % to 3 % would mislead.
 */
export type Change =
  | { kind: 'relative'; ratio: number }
  | { kind: 'points'; points: number }
  | { kind: 'none' };

/** Below this the change is shown as "unchanged" rather than ▲ 0.0 %. */
const EPSILON = 0.0005;

export function relativeChange(current: number | null, previous: number | null | undefined): Change {
  if (current === null || previous === null || previous === undefined || previous === 0) {
    return { kind: 'none' };
  }
  return { kind: 'relative', ratio: (current - previous) / Math.abs(previous) };
}

export function pointsChange(current: number | null, previous: number | null | undefined): Change {
  if (current === null || previous === null || previous === undefined) return { kind: 'none' };
  return { kind: 'points', points: (current - previous) * 100 };
}

export type Direction = 'up' | 'down' | 'flat';

export function directionOf(change: Change): Direction | null {
  if (change.kind === 'none') return null;
  const value = change.kind === 'relative' ? change.ratio : change.points / 100;
  if (Math.abs(value) < EPSILON) return 'flat';
  return value > 0 ? 'up' : 'down';
}
