/**
 * A campaign's window is two instants (UTC); the screens pick whole days. A
 * window "from 1 to 7 December" starts at 1 December 00:00 UTC and ends at
 * 8 December 00:00 UTC, so the last day counts in full.
 */
export const dayOf = (instant: string): string => instant.slice(0, 10);

export function addDaysIso(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const startInstant = (day: string): string => `${day}T00:00:00Z`;
export const endInstant = (lastDay: string): string => `${addDaysIso(lastDay, 1)}T00:00:00Z`;
/** The last whole day of a window ending at `endsAt`. */
export const lastDayOf = (endsAt: string): string =>
  endsAt.slice(11, 19) === '00:00:00' ? addDaysIso(dayOf(endsAt), -1) : dayOf(endsAt);

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
