import type { LoyaltySettings } from '../../../shared/contract';
import { bonusKey } from './bonus';
import { DAY_MS } from './dates';
import { post, statement, type LedgerContext } from './ledger';
import { creditExpiry } from './program';

/**
 * Birthday bonuses, once per customer per calendar year (key
 * `bonus:birthday:customer:<id>:<year>`, the same as a bonus given by hand).
 * Birthdays are calendar days in UTC, like every date in the ledger. A 29
 * February birthday is celebrated on 28 February in years without that day, so
 * those customers are never skipped for three years out of four.
 */

/** Missed days are made up for at most this far back (the app may have been closed over a weekend). */
export const BIRTHDAY_CATCH_UP_DAYS = 7;

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The month-days ("MM-DD") celebrated on a UTC day: its own, plus 02-29 on 28 February of a common year. */
export function birthdaysCelebratedOn(day: string): string[] {
  const monthDay = day.slice(5);
  return monthDay === '02-28' && !isLeapYear(Number(day.slice(0, 4))) ? [monthDay, '02-29'] : [monthDay];
}

/**
 * The UTC days a run at `at` celebrates: today, and the days since the last
 * run's day (`through`, exclusive), at most BIRTHDAY_CATCH_UP_DAYS back. The
 * first run ever celebrates today only: switching the program on does not
 * hand out bonuses for birthdays that passed before.
 */
export function birthdayDays(at: Date, through: string | null): string[] {
  const today = isoDay(at.getTime());
  const days = [today];
  if (through === null || through >= today) return days;
  for (let back = 1; back < BIRTHDAY_CATCH_UP_DAYS; back++) {
    const day = isoDay(at.getTime() - back * DAY_MS);
    if (day <= through) break;
    days.push(day);
  }
  return days;
}

interface Candidate {
  customerId: number;
  year: number;
}

/**
 * Customers (not merged away) whose birthday falls on one of the days and who
 * have no bonus for that year yet: one pass over customers, and a key lookup
 * (unique index) for each whose month-day matches. Birthdays stored as
 * YYYY-MM-DD or MM-DD both match on their last five characters.
 */
function candidates(ctx: LedgerContext, days: readonly string[]): Candidate[] {
  const pairs = days.flatMap((day) => birthdaysCelebratedOn(day).map((md) => [md, Number(day.slice(0, 4))] as const));
  const values = pairs.map(() => '(?, ?)').join(', ');
  return statement(ctx.sqlite,
    `WITH celebrated(month_day, year) AS (VALUES ${values})
     SELECT c.id AS customerId, d.year AS year FROM customers c
       JOIN celebrated d ON substr(c.birthday, -5) = d.month_day
     WHERE c.birthday IS NOT NULL AND c.merged_into_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM points_ledger x
         WHERE x.idempotency_key = 'bonus:birthday:customer:' || c.id || ':' || d.year)
     ORDER BY c.id`,
  ).all(...pairs.flat()) as Candidate[];
}

/** Gives the birthday bonuses due on `days`; returns how many were posted. Nothing when the program gives none. */
export function postBirthdayBonuses(ctx: LedgerContext, settings: LoyaltySettings, days: readonly string[]): number {
  const points = settings.bonusActions.birthday;
  if (!settings.enabled || points <= 0 || days.length === 0) return 0;
  const expiresAt = creditExpiry(settings, ctx.now().getTime());
  let posted = 0;
  for (const { customerId, year } of candidates(ctx, days)) {
    const key = bonusKey({ customerId, action: 'birthday' }, new Date(Date.UTC(year, 0, 1)));
    const posting = post(ctx, { customerId, entryType: 'bonus', points, idempotencyKey: key, expiresAt,
      reason: 'Birthday bonus' });
    if (!posting.replayed) posted++;
  }
  return posted;
}
