import type { LedgerEntryType } from '../../db/schema';

/**
 * The points ledger as lots, derived by replaying a customer's entries in
 * posting order (id). Pure: no database, so the same replay serves the
 * balance, the history, the checks before a posting and the tests.
 *
 * - A credit (earn, bonus, positive adjust) opens a lot: spendable from
 *   `availableAt` (pending before), worthless from `expiresAt`.
 * - A debit consumes lots, oldest-expiring first (expiry, then id).
 * - Debt: a reversal records the full number of points its refund takes back,
 *   even when some were already spent. What no lot can cover is carried as
 *   `debt`, and later credits repay it before they open a lot. So for every
 *   customer, at every step:  sum(lot remainders) - debt = sum(entry points),
 *   lot remainders are never negative, and debt > 0 only when no lot is left.
 */
export interface LedgerRow {
  id: number;
  entryType: LedgerEntryType;
  points: number;
  orderId: number | null;
  idempotencyKey: string;
  availableAt: string;
  expiresAt: string | null;
  createdAt: string;
}

export interface Lot {
  /** The id of the credit entry that opened it. */
  id: number;
  entryType: LedgerEntryType;
  orderId: number | null;
  points: number;
  remaining: number;
  availableAt: string;
  expiresAt: string | null;
}

export interface LedgerState {
  lots: Lot[];
  debt: number;
}

/** The idempotency key of the entry that expires a lot: one per lot, ever. */
export function expiryKey(lotId: number): string {
  return `lot:${lotId}:expire`;
}

function expiredLotId(key: string): number | null {
  const match = /^lot:(\d+):expire$/.exec(key);
  return match ? Number(match[1]) : null;
}

export function isSpendable(lot: Lot, at: string): boolean {
  return lot.remaining > 0 && lot.availableAt <= at && (lot.expiresAt === null || lot.expiresAt > at);
}

export function isPending(lot: Lot, at: string): boolean {
  return lot.remaining > 0 && lot.availableAt > at && (lot.expiresAt === null || lot.expiresAt > at);
}

/** FIFO: the lot that expires first is spent first; lots without expiry last; ties by age. */
function byExpiry(a: Lot, b: Lot): number {
  if (a.expiresAt !== b.expiresAt) {
    if (a.expiresAt === null) return 1;
    if (b.expiresAt === null) return -1;
    return a.expiresAt < b.expiresAt ? -1 : 1;
  }
  return a.id - b.id;
}

export function spendableLots(state: LedgerState, at: string): Lot[] {
  return state.lots.filter((lot) => isSpendable(lot, at)).sort(byExpiry);
}

/** Takes up to `amount` from the lots in the given order; returns what they could not cover. */
function consume(lots: Lot[], amount: number): number {
  let left = amount;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    lot.remaining -= take;
    left -= take;
  }
  return left;
}

/** Which lots a debit may draw on, in order. */
function lotsForDebit(state: LedgerState, row: LedgerRow): Lot[] {
  const at = row.createdAt;
  if (row.entryType === 'expire') {
    const lotId = expiredLotId(row.idempotencyKey);
    return state.lots.filter((lot) => lot.id === lotId);
  }
  if (row.entryType === 'reverse') {
    // A refund takes back its own order's points first (pending or not), then
    // whatever else the customer holds; only the rest becomes debt.
    const own = state.lots.filter((lot) => lot.entryType === 'earn' && lot.orderId === row.orderId);
    const others = state.lots.filter((lot) => !own.includes(lot) && lot.remaining > 0);
    const spendable = others.filter((lot) => isSpendable(lot, at)).sort(byExpiry);
    const pending = others.filter((lot) => isPending(lot, at)).sort(byExpiry);
    return [...own, ...spendable, ...pending];
  }
  return spendableLots(state, at);
}

export function applyEntry(state: LedgerState, row: LedgerRow): void {
  if (row.points > 0) {
    const repaid = Math.min(state.debt, row.points);
    state.debt -= repaid;
    state.lots.push({
      id: row.id,
      entryType: row.entryType,
      orderId: row.orderId,
      points: row.points,
      remaining: row.points - repaid,
      availableAt: row.availableAt,
      expiresAt: row.expiresAt,
    });
    return;
  }
  // A debit that its lots cannot cover (only a reversal, once postings are
  // checked) is carried as debt, so the replay never loses a point.
  state.debt += consume(lotsForDebit(state, row), -row.points);
}

export function replay(rows: readonly LedgerRow[]): LedgerState {
  const state: LedgerState = { lots: [], debt: 0 };
  for (const row of rows) applyEntry(state, row);
  return state;
}

export interface BalanceFigures {
  approved: number;
  pending: number;
  debt: number;
  expiringSoon: { days30: number; days60: number; days90: number };
}

const DAY_MS = 86_400_000;

export function balanceOf(state: LedgerState, at: Date): BalanceFigures {
  const atIso = at.toISOString();
  const horizon = (days: number) => new Date(at.getTime() + days * DAY_MS).toISOString();
  const [h30, h60, h90] = [horizon(30), horizon(60), horizon(90)];
  const figures: BalanceFigures = {
    approved: 0,
    pending: 0,
    debt: state.debt,
    expiringSoon: { days30: 0, days60: 0, days90: 0 },
  };
  for (const lot of state.lots) {
    const live = isSpendable(lot, atIso) || isPending(lot, atIso);
    if (!live) continue; // spent, or expired and waiting for its expire entry
    if (lot.availableAt <= atIso) figures.approved += lot.remaining;
    else figures.pending += lot.remaining;
    if (lot.expiresAt === null) continue;
    if (lot.expiresAt <= h30) figures.expiringSoon.days30 += lot.remaining;
    if (lot.expiresAt <= h60) figures.expiringSoon.days60 += lot.remaining;
    if (lot.expiresAt <= h90) figures.expiringSoon.days90 += lot.remaining;
  }
  return figures;
}
