import type { CalendarItem } from '../../../../../shared/contract';
import { addDaysIso } from '../window';

/** Weeks start on Monday; a month grid runs from the Monday on or before the 1st to the Sunday on or after its last day. */
export function monthGrid(month: string): { from: string; to: string; weeks: string[][] } {
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDaysIso(first, -weekday);
  const next = shiftMonth(month, 1);
  const lastDay = addDaysIso(`${next}-01`, -1);
  const lastWeekday = (new Date(`${lastDay}T00:00:00Z`).getUTCDay() + 6) % 7;
  const to = addDaysIso(lastDay, 6 - lastWeekday);
  const weeks: string[][] = [];
  for (let day = from; day <= to; day = addDaysIso(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDaysIso(day, i)));
  }
  return { from, to, weeks };
}

export function shiftMonth(month: string, by: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
}

export interface DayItems {
  campaigns: { item: CalendarItem; starts: boolean; ends: boolean }[];
  couponExpiry: CalendarItem[];
  pointsExpiry: CalendarItem[];
}

/** What falls on `day`: campaigns running that day (and whether they start or end there), and the expiry waves. */
export function itemsOn(items: readonly CalendarItem[], day: string): DayItems {
  const out: DayItems = { campaigns: [], couponExpiry: [], pointsExpiry: [] };
  for (const item of items) {
    if (item.kind === 'campaign') {
      if (item.day <= day && day <= (item.endDay ?? item.day)) out.campaigns.push({ item, starts: item.day === day, ends: (item.endDay ?? item.day) === day });
    } else if (item.day === day) {
      (item.kind === 'couponExpiry' ? out.couponExpiry : out.pointsExpiry).push(item);
    }
  }
  return out;
}
