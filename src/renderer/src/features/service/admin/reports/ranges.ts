/**
 * Report ranges: UTC calendar dates, both ends inclusive, as the core groups
 * tickets by. A preset of N weeks starts on the Monday N − 1 weeks before this
 * week's, so every bar in the weekly charts is a whole week.
 */
export const WEEK_PRESETS = [4, 12, 26, 52] as const;
export type WeekPreset = (typeof WEEK_PRESETS)[number];

const DAY = 86_400_000;

export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

export function mondayOf(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - weekday * DAY).toISOString().slice(0, 10);
}

export function presetRange(weeks: WeekPreset, today: string): { from: string; to: string } {
  const from = new Date(Date.parse(`${mondayOf(today)}T00:00:00Z`) - (weeks - 1) * 7 * DAY).toISOString().slice(0, 10);
  return { from, to: today };
}
