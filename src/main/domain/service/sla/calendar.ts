import type { BusinessCalendar } from '../../../../shared/contract';
import { compileCalendar, type CompiledCalendar } from './calendar-days';

/**
 * Business time on a merchant's calendar: targets such as "reply within 8
 * business hours" count only the minutes the shop is open, in the shop's own
 * time zone, skipping weekends and holidays. With `businessHoursOnly: false`
 * every minute counts (24/7 service).
 *
 * Both functions accept and return exact instants; minutes may be fractional
 * when an instant has seconds. Calendars are compiled once per object (the
 * policy is cached, so the backfill of ~100k tickets reuses one compilation).
 */
const MINUTE = 60_000;
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compiledFor(calendar: BusinessCalendar): CompiledCalendar {
  let found = compiled.get(calendar);
  if (!found) {
    found = compileCalendar(calendar);
    compiled.set(calendar, found);
  }
  return found;
}

/** The instant `minutes` business minutes after `start` (before it when negative). */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  const startMs = start.getTime();
  if (!Number.isFinite(startMs) || !Number.isFinite(minutes)) throw new RangeError('addBusinessMinutes needs a valid date and a finite number of minutes');
  if (minutes === 0) return new Date(startMs);
  if (!calendar.businessHoursOnly) return new Date(startMs + minutes * MINUTE);
  const days = compiledFor(calendar);
  return new Date(minutes > 0
    ? days.forward(startMs, minutes * MINUTE)
    : days.backward(startMs, -minutes * MINUTE));
}

/** Business minutes from `a` to `b`; negative when `b` is before `a`. */
export function businessMinutesBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  const aMs = a.getTime();
  const bMs = b.getTime();
  if (bMs < aMs) return -businessMinutesBetween(b, a, calendar);
  if (!calendar.businessHoursOnly) return (bMs - aMs) / MINUTE;
  return compiledFor(calendar).openMsBetween(aMs, bMs) / MINUTE;
}
