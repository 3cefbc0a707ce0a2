/**
 * Report ranges are UTC calendar dates, both ends inclusive; without one a
 * report covers the last 12 weeks (this week and the 11 before it, from a Monday).
 */
const DAY = 86_400_000;

export function mondayOf(date: string): string {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(ms - weekday * DAY).toISOString().slice(0, 10);
}

export function reportRange(range: { from?: string; to?: string } | undefined, now: Date): { from: string; to: string } {
  const to = range?.to ?? now.toISOString().slice(0, 10);
  const from = range?.from ?? new Date(Date.parse(`${mondayOf(to)}T00:00:00.000Z`) - 11 * 7 * DAY).toISOString().slice(0, 10);
  return { from, to };
}

/** The ISO bounds to compare UTC timestamps with: [from 00:00, the day after `to` 00:00). */
export function rangeBounds(range: { from: string; to: string }): [string, string] {
  const end = new Date(Date.parse(`${range.to}T00:00:00.000Z`) + DAY).toISOString();
  return [`${range.from}T00:00:00.000Z`, end];
}

/** Every Monday from the range's first week to its last, so charts have no gaps. */
export function weeksOf(range: { from: string; to: string }): string[] {
  const weeks: string[] = [];
  const last = Date.parse(`${mondayOf(range.to)}T00:00:00.000Z`);
  for (let ms = Date.parse(`${mondayOf(range.from)}T00:00:00.000Z`); ms <= last; ms += 7 * DAY) {
    weeks.push(new Date(ms).toISOString().slice(0, 10));
  }
  return weeks;
}

/** SQLite: the Monday (YYYY-MM-DD) of the week holding a UTC timestamp column. */
export const weekOfSql = (column: string): string => `date(${column}, 'weekday 0', '-6 days')`;
