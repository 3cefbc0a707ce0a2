import { AppError } from '../../../shared/errors';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/connection';
import type { LedgerEntryType } from '../../db/schema';
import { balanceOf, replay, spendableLots, type BalanceFigures, type LedgerRow, type LedgerState } from './lots';

/**
 * The one way points reach the ledger. Every posting is one IMMEDIATE
 * transaction: the write lock is taken before the balance is read, so two
 * redemptions racing from two connections serialize and the second sees the
 * first. The ledger table itself refuses UPDATE and DELETE (migration 0001).
 */
export interface LedgerContext {
  sqlite: Sqlite;
  now(): Date;
  /**
   * The caller already holds a transaction that it rolls back whole when
   * anything in it throws (a sync page, record savepoints included): postings
   * then run in it directly instead of opening a savepoint each, which cost a
   * sync page a tenth of its time. Absent (everyone else): a savepoint each.
   */
  callerTransaction?: boolean;
}

export interface NewLedgerEntry {
  customerId: number;
  entryType: LedgerEntryType;
  /** Positive for earn and bonus, negative for redeem, expire and reverse, either for adjust. */
  points: number;
  idempotencyKey: string;
  orderId?: number | null;
  /** When a credit becomes spendable; now when absent. */
  availableAt?: string;
  expiresAt?: string | null;
  reason?: string | null;
  staffId?: number | null;
}

export interface LedgerEntry extends LedgerRow {
  customerId: number;
  reason: string | null;
  staffId: number | null;
}

export interface Posting {
  entry: LedgerEntry;
  /** True when the key had already posted: nothing new was written. */
  replayed: boolean;
}

const COLUMNS = `id, customer_id AS customerId, entry_type AS entryType, points, order_id AS orderId,
  idempotency_key AS idempotencyKey, available_at AS availableAt, expires_at AS expiresAt,
  reason, staff_id AS staffId, created_at AS createdAt`;

// Statements compiled once per connection: a balance is read on every posting and every profile view.
const statementCache = new WeakMap<Sqlite, Map<string, Statement>>();

export function statement(sqlite: Sqlite, sql: string): Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let compiled = cache.get(sql);
  if (!compiled) cache.set(sql, (compiled = sqlite.prepare(sql)));
  return compiled;
}

const CREDIT_TYPES: readonly LedgerEntryType[] = ['earn', 'bonus'];
const DEBIT_TYPES: readonly LedgerEntryType[] = ['redeem', 'expire', 'reverse'];

/** Runs `work` in one IMMEDIATE transaction (a savepoint when already inside one). */
export function inLedgerTransaction<T>(ctx: LedgerContext, work: () => T): T {
  if (ctx.callerTransaction === true && ctx.sqlite.inTransaction) return work();
  return ctx.sqlite.transaction(work).immediate();
}

export function entryByKey(sqlite: Sqlite, key: string): LedgerEntry | undefined {
  return statement(sqlite, `SELECT ${COLUMNS} FROM points_ledger WHERE idempotency_key = ?`).get(key) as
    | LedgerEntry
    | undefined;
}

/** A customer's entries in posting order, those posted by `at` when given. */
export function customerEntries(sqlite: Sqlite, customerId: number, at?: string): LedgerEntry[] {
  const sql = `SELECT ${COLUMNS} FROM points_ledger WHERE customer_id = ?
    ${at === undefined ? '' : 'AND created_at <= ?'} ORDER BY id`;
  const args = at === undefined ? [customerId] : [customerId, at];
  return statement(sqlite, sql).all(...args) as LedgerEntry[];
}

export function customerExists(sqlite: Sqlite, customerId: number): boolean {
  return statement(sqlite, 'SELECT 1 FROM customers WHERE id = ?').get(customerId) !== undefined;
}

/**
 * Reads of an unknown customer answer NOT_FOUND; a posting that names one is
 * bad input (VALIDATION), like any other field that refers to nothing.
 */
export function requireCustomer(sqlite: Sqlite, customerId: number, code: 'NOT_FOUND' | 'VALIDATION' = 'NOT_FOUND'): void {
  if (!customerExists(sqlite, customerId)) {
    throw new AppError(code, `There is no customer with id ${customerId}.`);
  }
}

export function ledgerState(sqlite: Sqlite, customerId: number, at?: string): LedgerState {
  return replay(customerEntries(sqlite, customerId, at));
}

export function balance(ctx: LedgerContext, customerId: number, at: Date = ctx.now()): BalanceFigures {
  requireCustomer(ctx.sqlite, customerId);
  return balanceOf(ledgerState(ctx.sqlite, customerId, at.toISOString()), at);
}

function validate(entry: NewLedgerEntry): void {
  if (!Number.isSafeInteger(entry.points) || entry.points === 0) {
    throw new AppError('VALIDATION', 'Points must be a whole number other than zero.');
  }
  if (CREDIT_TYPES.includes(entry.entryType) && entry.points < 0) {
    throw new AppError('VALIDATION', `A ${entry.entryType} entry must add points, not take them.`);
  }
  if (DEBIT_TYPES.includes(entry.entryType) && entry.points > 0) {
    throw new AppError('VALIDATION', `A ${entry.entryType} entry must take points, not add them.`);
  }
  if (entry.idempotencyKey.trim() === '') {
    throw new AppError('VALIDATION', 'Every ledger entry needs an idempotency key.');
  }
}

/** Refuses a debit the customer cannot cover; a reversal may leave debt instead. */
function checkCovered(entry: NewLedgerEntry, state: LedgerState, at: string): void {
  if (entry.points > 0 || entry.entryType === 'reverse') return;
  const wanted = -entry.points;
  if (entry.entryType === 'expire') return; // expireDue posts exactly a lot's remainder
  const spendable = spendableLots(state, at).reduce((sum, lot) => sum + lot.remaining, 0);
  if (wanted > spendable) {
    throw new AppError(
      'CONFLICT',
      `The customer has ${spendable} spendable points, fewer than the ${wanted} asked for.`,
      { spendable, wanted },
    );
  }
}

function sameEvent(existing: LedgerEntry, entry: NewLedgerEntry): boolean {
  return existing.customerId === entry.customerId && existing.entryType === entry.entryType &&
    existing.points === entry.points;
}

/**
 * Posts one entry, or returns the one its key already posted. A key reused for
 * a different event (another customer, type or amount) is a CONFLICT.
 */
export function post(ctx: LedgerContext, entry: NewLedgerEntry): Posting {
  validate(entry);
  return inLedgerTransaction(ctx, () => {
    const existing = entryByKey(ctx.sqlite, entry.idempotencyKey);
    if (existing) {
      if (!sameEvent(existing, entry)) {
        throw new AppError('CONFLICT', 'This idempotency key was already used for a different posting.');
      }
      return { entry: existing, replayed: true };
    }
    requireCustomer(ctx.sqlite, entry.customerId, 'VALIDATION');
    if (entry.staffId != null && !statement(ctx.sqlite, 'SELECT 1 FROM staff WHERE id = ?').get(entry.staffId)) {
      throw new AppError('VALIDATION', `There is no staff member with id ${entry.staffId}.`);
    }
    const now = ctx.now().toISOString();
    // Only a debit needs the customer's lots; reading them for every earning would cost a ledger replay each.
    if (entry.points < 0 && entry.entryType !== 'reverse' && entry.entryType !== 'expire') {
      checkCovered(entry, ledgerState(ctx.sqlite, entry.customerId), now);
    }
    const { lastInsertRowid } = statement(
      ctx.sqlite,
      `INSERT INTO points_ledger (customer_id, entry_type, points, order_id, idempotency_key,
         available_at, expires_at, reason, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(entry.customerId, entry.entryType, entry.points, entry.orderId ?? null, entry.idempotencyKey,
        entry.points > 0 ? (entry.availableAt ?? now) : now, entry.points > 0 ? (entry.expiresAt ?? null) : null,
        entry.reason ?? null, entry.staffId ?? null, now);
    const posted = statement(ctx.sqlite, `SELECT ${COLUMNS} FROM points_ledger WHERE id = ?`).get(lastInsertRowid);
    return { entry: posted as LedgerEntry, replayed: false };
  });
}
