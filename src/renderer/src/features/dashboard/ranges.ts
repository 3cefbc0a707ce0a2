import { addDays } from '../../../../shared/dates';

/**
 * Date ranges for the dashboard: ISO 'YYYY-MM-DD', both ends inclusive, in UTC,
 * the same calendar the core groups orders by. "Today" is today's UTC date.
 */
export const PRESETS = ['last7', 'last30', 'last90', 'last12m', 'all'] as const;
export type Preset = (typeof PRESETS)[number];
export type RangeChoice = Preset | 'custom';

export interface DateRange {
  from: string;
  to: string;
}

export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** The range a preset stands for on `today`; null is "all time" (no bounds). */
export function presetRange(preset: Preset, today: string): DateRange | null {
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'last90':
      return { from: addDays(today, -89), to: today };
    case 'last12m':
      return { from: addDays(shiftYears(today, -1), 1), to: today };
    case 'all':
      return null;
  }
}

/** Same calendar day a number of years away; 29 Feb becomes 28 Feb. */
function shiftYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCDate() !== d) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}
