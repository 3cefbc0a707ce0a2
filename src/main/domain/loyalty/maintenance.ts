import { performance } from 'node:perf_hooks';
import type { LoyaltyMaintenanceReport } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { birthdayDays, postBirthdayBonuses } from './birthdays';
import { inLedgerTransaction, statement, type LedgerContext } from './ledger';
import { expireDue, type ExpiryWatermark } from './postings';
import { readLoyaltySettings } from './settings';

/**
 * Loyalty maintenance: what must happen with time rather than on a request.
 * Posts the expiries that fell due (lot lifetimes and inactivity) and the
 * birthday bonuses of the day. Every posting has its event's key, so a second
 * run, a run from another window or a crash halfway posts nothing twice.
 *
 * It stays cheap on a large ledger because each run starts where the last
 * complete one stopped (ExpiryWatermark): only lots that fell due or were
 * posted since are looked at, through the expiry index and the rowid.
 */
export const MAINTENANCE_STATE_KEY = 'loyalty.maintenance';

interface MaintenanceState {
  last: LoyaltyMaintenanceReport | null;
  expiry: ExpiryWatermark | null;
  /** The UTC day (YYYY-MM-DD) whose birthdays the last run celebrated. */
  birthdaysThrough: string | null;
}

const NO_STATE: MaintenanceState = { last: null, expiry: null, birthdaysThrough: null };

function readState(sqlite: Sqlite): MaintenanceState {
  const row = statement(sqlite, 'SELECT value FROM settings WHERE key = ?').get(MAINTENANCE_STATE_KEY) as
    | { value: string }
    | undefined;
  if (!row) return NO_STATE;
  try {
    return { ...NO_STATE, ...(JSON.parse(row.value) as Partial<MaintenanceState>) };
  } catch {
    // Only bookkeeping: starting again from nothing costs one full pass, never a double posting.
    return NO_STATE;
  }
}

function writeState(sqlite: Sqlite, state: MaintenanceState, at: string): void {
  statement(sqlite,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(MAINTENANCE_STATE_KEY, JSON.stringify(state), at);
}

export function lastMaintenance(sqlite: Sqlite): LoyaltyMaintenanceReport | null {
  return readState(sqlite).last;
}

/** True when the run posted anything, so the views should refetch. */
export function postedAnything(report: LoyaltyMaintenanceReport): boolean {
  return report.expired.points > 0 || report.birthdays > 0;
}

/**
 * Runs maintenance as of `at`: entries are dated `at`, and expiries due by
 * then are posted. One transaction per customer (as every posting), so a long
 * run never holds the write lock for long and an error keeps what was posted.
 */
export function runLoyaltyMaintenance(ctx: LedgerContext, at: Date): LoyaltyMaintenanceReport {
  const started = performance.now();
  const atCtx: LedgerContext = { sqlite: ctx.sqlite, now: () => at };
  const atIso = at.toISOString();
  const state = readState(ctx.sqlite);
  const settings = readLoyaltySettings(ctx.sqlite);

  // Read before the pass: lots posted while it runs are above it and looked at next time.
  const ledgerIdThrough = (statement(ctx.sqlite, 'SELECT coalesce(max(id), 0) FROM points_ledger').pluck().get() as number);
  const expiries = expireDue(atCtx, state.expiry ?? undefined);
  const expiredCustomers = new Set(expiries.map((p) => p.entry.customerId));
  const expiredPoints = expiries.reduce((sum, p) => sum - p.entry.points, 0);

  const days = birthdayDays(at, state.birthdaysThrough);
  const birthdays = postBirthdayBonuses(atCtx, settings, days);

  const report: LoyaltyMaintenanceReport = {
    at: atIso,
    expired: { customers: expiredCustomers.size, points: expiredPoints },
    birthdays,
    durationMs: Math.round(performance.now() - started),
  };
  const previous = state.expiry;
  // A clock set back keeps the old watermark: advancing only the id part would skip lots due in between.
  const expiry = previous !== null && previous.expiredThrough > atIso ? previous
    : { expiredThrough: atIso, ledgerIdThrough };
  const today = days[0] as string;
  const birthdaysThrough = state.birthdaysThrough !== null && state.birthdaysThrough > today ? state.birthdaysThrough
    : today;
  inLedgerTransaction(ctx, () => writeState(ctx.sqlite, { last: report, expiry, birthdaysThrough }, atIso));
  return report;
}
