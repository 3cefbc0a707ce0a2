/**
 * The leaderboard's periods, as UTC calendar dates ('YYYY-MM-DD', inclusive):
 * the presets anchor on today in UTC, as the core's dates do.
 */
export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export interface Period { from: string; to: string }

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const utcDate = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month, day));

export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const now = new Date(`${today}T00:00:00Z`);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  if (preset === 'thisMonth') return { from: iso(utcDate(year, month, 1)), to: today };
  if (preset === 'lastMonth') return { from: iso(utcDate(year, month - 1, 1)), to: iso(utcDate(year, month, 0)) };
  const quarterStart = month - (month % 3);
  return { from: iso(utcDate(year, quarterStart, 1)), to: today };
}

export const todayUtc = (): string => iso(new Date());
