/** Calendar arithmetic in UTC for lot lifetimes, tier periods and reports. */

export const DAY_MS = 86_400_000;

/**
 * The same day `months` calendar months later (UTC), or the month's last day
 * when it has no such day: 31 January + 1 month is 28 (or 29) February.
 * Negative months go back the same way.
 */
export function addMonthsUtc(fromMs: number, months: number): Date {
  const from = new Date(fromMs);
  const target = new Date(from);
  target.setUTCDate(1);
  target.setUTCMonth(from.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}

/** Midnight UTC on 1 January of the year `offset` years after the year of `at`. */
export function startOfYearUtc(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear() + offset, 0, 1));
}

/** Midnight UTC on the first day of the month `offset` months after the month of `at`. */
export function startOfMonthUtc(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}
