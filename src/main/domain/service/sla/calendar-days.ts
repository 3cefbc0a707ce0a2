import type { BusinessCalendar } from '../../../../shared/contract';
import { wallToUtc, zoneOffsetMs } from './zone';

/**
 * A business calendar compiled into local days. Day `d` is the d-th local day
 * since 1970-01-01 in the calendar's zone; each day's open intervals are kept
 * as UTC instants, computed once (Intl is the slow part) and cached, so a
 * deadline several days out costs a few Map lookups. Converting each opening
 * and closing time separately is what keeps a 09:00–17:00 day at 8 hours on
 * the day the clocks change at 02:00.
 */
const DAY = 86_400_000;
const MINUTE = 60_000;
/** More closed days in a row than this and the calendar can never reach a deadline. */
const MAX_CLOSED_DAYS = 800;

interface DayHours {
  startUtc: number;
  endUtc: number;
  /** Flat [open, close, open, close, …] in UTC ms, sorted, not overlapping. */
  open: number[];
  openMs: number;
}

/** Open intervals per weekday (0 = Sunday) in minutes after local midnight, merged and sorted. */
function weeklyMinutes(calendar: BusinessCalendar): number[][] {
  const week: number[][] = [[], [], [], [], [], [], []];
  const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const byDay: [number, number][][] = [[], [], [], [], [], [], []];
  for (const interval of calendar.hours) byDay[interval.day]?.push([toMinutes(interval.start), toMinutes(interval.end)]);
  byDay.forEach((intervals, day) => {
    intervals.sort((x, y) => x[0] - y[0]);
    const merged = week[day] as number[];
    for (const [start, end] of intervals) {
      const last = merged.length - 1;
      if (last > 0 && start <= (merged[last] as number)) merged[last] = Math.max(merged[last] as number, end);
      else merged.push(start, end);
    }
  });
  return week;
}

export class CompiledCalendar {
  private readonly days = new Map<number, DayHours>();
  private readonly week: number[][];
  private readonly holidays: Set<string>;
  private readonly zone: string;
  /** Offset of the last day looked at: a good first guess for the next instant. */
  private offsetGuess: number;

  constructor(calendar: BusinessCalendar) {
    this.zone = calendar.timezone;
    this.week = weeklyMinutes(calendar);
    this.holidays = new Set(calendar.holidays);
    this.offsetGuess = zoneOffsetMs(this.zone, Date.now());
  }

  day(d: number): DayHours {
    let hours = this.days.get(d);
    if (hours) return hours;
    const startUtc = wallToUtc(this.zone, d * DAY);
    const endUtc = wallToUtc(this.zone, (d + 1) * DAY);
    const open: number[] = [];
    let openMs = 0;
    const date = new Date(d * DAY).toISOString().slice(0, 10);
    if (!this.holidays.has(date)) {
      const minutes = this.week[(((d + 4) % 7) + 7) % 7] as number[];
      for (let i = 0; i < minutes.length; i += 2) {
        const from = wallToUtc(this.zone, d * DAY + (minutes[i] as number) * MINUTE);
        const to = wallToUtc(this.zone, d * DAY + (minutes[i + 1] as number) * MINUTE);
        if (to > from) {
          open.push(from, to);
          openMs += to - from;
        }
      }
    }
    hours = { startUtc, endUtc, open, openMs };
    this.days.set(d, hours);
    return hours;
  }

  /** The local day holding instant `utcMs`. */
  dayOf(utcMs: number): number {
    let d = Math.floor((utcMs + this.offsetGuess) / DAY);
    for (;;) {
      const hours = this.day(d);
      if (utcMs < hours.startUtc) d -= 1;
      else if (utcMs >= hours.endUtc) d += 1;
      else {
        this.offsetGuess = d * DAY - hours.startUtc;
        return d;
      }
    }
  }

  forward(startMs: number, amountMs: number): number {
    let remaining = amountMs;
    let d = this.dayOf(startMs);
    let t = startMs;
    let closedDays = 0;
    for (;;) {
      const hours = this.day(d);
      if (t <= hours.startUtc && hours.openMs < remaining) {
        remaining -= hours.openMs; // the whole day fits: skip its intervals
      } else {
        for (let i = 0; i < hours.open.length; i += 2) {
          const close = hours.open[i + 1] as number;
          if (close <= t) continue;
          const from = Math.max(hours.open[i] as number, t);
          if (remaining <= close - from) return from + remaining;
          remaining -= close - from;
        }
      }
      closedDays = hours.openMs === 0 ? closedDays + 1 : 0;
      if (closedDays > MAX_CLOSED_DAYS) throw new RangeError('The business calendar has no open hours ahead.');
      d += 1;
      t = this.day(d).startUtc;
    }
  }

  backward(startMs: number, amountMs: number): number {
    let remaining = amountMs;
    let d = this.dayOf(startMs);
    let t = startMs;
    let closedDays = 0;
    for (;;) {
      const hours = this.day(d);
      for (let i = hours.open.length - 2; i >= 0; i -= 2) {
        const open = hours.open[i] as number;
        if (open >= t) continue;
        const to = Math.min(hours.open[i + 1] as number, t);
        if (remaining <= to - open) return to - remaining;
        remaining -= to - open;
      }
      closedDays = hours.openMs === 0 ? closedDays + 1 : 0;
      if (closedDays > MAX_CLOSED_DAYS) throw new RangeError('The business calendar has no open hours before this time.');
      d -= 1;
      t = this.day(d).endUtc;
    }
  }

  /** Open milliseconds in [aMs, bMs), aMs <= bMs. */
  openMsBetween(aMs: number, bMs: number): number {
    const last = this.dayOf(bMs);
    let total = 0;
    for (let d = this.dayOf(aMs); d <= last; d += 1) {
      const hours = this.day(d);
      if (aMs <= hours.startUtc && hours.endUtc <= bMs) {
        total += hours.openMs;
        continue;
      }
      for (let i = 0; i < hours.open.length; i += 2) {
        const from = Math.max(hours.open[i] as number, aMs);
        const to = Math.min(hours.open[i + 1] as number, bMs);
        if (to > from) total += to - from;
      }
    }
    return total;
  }
}

export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  return new CompiledCalendar(calendar);
}
