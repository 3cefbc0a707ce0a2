import { describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { balance, ledgerState, type LedgerContext, type Posting } from '../../src/main/domain/loyalty/ledger';
import { isPending, isSpendable, type Lot } from '../../src/main/domain/loyalty/lots';
import { earnForOrder, reverseForRefund, type EarningRules } from '../../src/main/domain/loyalty/orders';
import { adjust, expireDue, redeem } from '../../src/main/domain/loyalty/postings';
import { AppError } from '../../src/shared/errors';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { call, insertStaff } from './customers-fixtures';
import { mulberry32 } from '../helpers/random';

/**
 * Random sequences of earn, redeem, expire, refund, adjust, replays AND
 * merges over a few customers, from a seeded PRNG (a failure names its seed).
 * A model keeps each customer's expected ledger sum and the expected number
 * of ledger rows, from what each step says it posted. After every step, for
 * every customer: lots never negative, lots − debt = ledger sum = model,
 * debt only when nothing is held; no key posted twice. A merge keeps the
 * pair's total and moves every live lot as it was. A full refund brings the
 * customer back to where they stood before the order plus what happened
 * since (a shortfall recorded as debt); across a merge, it takes exactly the
 * rest of what the order earned from the merged pair.
 */
const SEQUENCES = 1000;
const STEPS = 30;
const CUSTOMERS = [1, 2, 3, 4];
const DAY_MS = 86_400_000;
const RULES: EarningRules = { pointsPerUnit: 1, basis: 'subtotalAfterDiscounts', pendingDays: 14, lifetimeMonths: 2 };

const reached = { merges: 0, mergedDebt: 0, mergedPending: 0, refundsAcrossMerge: 0, fullRefunds: 0, mergeConflicts: 0, mergeReplays: 0 };

function same(actual: unknown, expected: unknown, label: string): void {
  if (actual !== expected) expect(actual, label).toBe(expected);
}

interface OrderModel {
  id: number;
  customerId: number;
  totalMinor: number;
  earned: number;
  refundedMinor: number;
  reversed: number;
  netBefore: number;
  othersSince: number;
  /** Set when the customer was part of a merge after the order earned. */
  crossedMerge: boolean;
}

interface Model {
  net: Map<number, number>;
  rows: number;
  orders: OrderModel[];
  merged: Set<number>;
  merges: { key: string; sourceId: number; targetId: number }[];
}

const sumOf = (sqlite: Sqlite, id: number) =>
  sqlite.prepare('SELECT coalesce(sum(points), 0) FROM points_ledger WHERE customer_id = ?').pluck().get(id) as number;

function liveLots(sqlite: Sqlite, id: number, at: string): Lot[] {
  return ledgerState(sqlite, id).lots.filter((l) => isSpendable(l, at) || isPending(l, at));
}

function record(model: Model, customerId: number, points: number, exceptOrder?: number): void {
  model.rows += 1;
  model.net.set(customerId, (model.net.get(customerId) ?? 0) + points);
  for (const o of model.orders) if (o.customerId === customerId && o.id !== exceptOrder) o.othersSince += points;
}

function recordPosting(model: Model, posting: Posting | null, exceptOrder?: number): void {
  if (posting && !posting.replayed) record(model, posting.entry.customerId, posting.entry.points, exceptOrder);
}

function checkInvariants(sqlite: Sqlite, ctx: LedgerContext, model: Model, where: string): void {
  same(sqlite.prepare('SELECT count(*) FROM points_ledger').pluck().get(), model.rows, `${where}: rows`);
  same(sqlite.prepare('SELECT count(DISTINCT idempotency_key) FROM points_ledger').pluck().get(), model.rows, `${where}: keys`);
  const at = ctx.now().toISOString();
  for (const id of CUSTOMERS) {
    const label = `${where}, customer ${id}`;
    const state = ledgerState(sqlite, id);
    const sum = sumOf(sqlite, id);
    const held = state.lots.reduce((t, l) => t + l.remaining, 0);
    same(state.lots.every((l) => l.remaining >= 0 && l.remaining <= l.points), true, `${label}: lots`);
    same(sum, model.net.get(id), `${label}: ledger sum = model`);
    same(held - state.debt, sum, `${label}: lots - debt = sum`);
    const figures = balance(ctx, id);
    same(Math.min(figures.approved, figures.pending, figures.debt) >= 0, true, `${label}: never negative`);
    if (state.debt > 0) same(liveLots(sqlite, id, at).length, 0, `${label}: debt only when nothing is held`);
  }
}

function mergeStep(hctx: HandlerContext, ctx: LedgerContext, model: Model, pick: <T>(xs: T[]) => T | undefined, where: string): void {
  const { sqlite } = hctx;
  const open = CUSTOMERS.filter((c) => !model.merged.has(c));
  // Customers in debt are rarer than others: merge them away more often, as debt must move too.
  const owing = open.filter((c) => ledgerState(sqlite, c).debt > 0);
  const sourceId = owing.length > 0 && pick([true, false]) ? pick(owing) : pick(open);
  const targetId = pick(open.filter((c) => c !== sourceId));
  if (sourceId === undefined || targetId === undefined) return;
  const at = ctx.now().toISOString();
  const lotShape = (l: Lot) => `${l.remaining}|${l.availableAt}|${l.expiresAt}`;
  const sourceLots = liveLots(sqlite, sourceId, at).map(lotShape);
  const targetLots = liveLots(sqlite, targetId, at).map(lotShape);
  const sourceDebt = ledgerState(sqlite, sourceId).debt;
  const targetDebt = ledgerState(sqlite, targetId).debt;
  const pairBefore = sumOf(sqlite, sourceId) + sumOf(sqlite, targetId);
  const key = `merge-${where}`;
  const result = call(hctx, 'customers.merge', { sourceId, targetId, staffId: 1, idempotencyKey: key });
  reached.merges++;
  if (sourceDebt > 0) reached.mergedDebt++;
  if (liveLots(sqlite, targetId, at).some((l) => l.availableAt > at)) reached.mergedPending++;
  same(result.points.lots, sourceLots.length, `${where}: every live lot moves`);
  same(result.points.debt, sourceDebt, `${where}: debt moves`);
  // Out and in per lot; out and in for debt.
  model.rows += 2 * result.points.lots + (sourceDebt > 0 ? 2 : 0);
  model.net.set(sourceId, (model.net.get(sourceId) ?? 0) - result.points.points + sourceDebt);
  model.net.set(targetId, (model.net.get(targetId) ?? 0) + result.points.points - sourceDebt);
  same(sumOf(sqlite, sourceId) + sumOf(sqlite, targetId), pairBefore, `${where}: a merge keeps the pair's points`);
  same(liveLots(sqlite, sourceId, at).length + ledgerState(sqlite, sourceId).debt, 0, `${where}: source emptied`);
  if (targetDebt === 0 && sourceDebt === 0) {
    same(liveLots(sqlite, targetId, at).map(lotShape).sort().join(), [...targetLots, ...sourceLots].sort().join(),
      `${where}: every lot kept as it was`);
  }
  model.merged.add(sourceId);
  model.merges.push({ key, sourceId, targetId });
  for (const o of model.orders) {
    if (o.customerId === sourceId || o.customerId === targetId) o.crossedMerge = true;
  }
}

async function runSequence(seed: number): Promise<void> {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const connection = await memoryDb();
  const { sqlite } = connection;
  insertStore(sqlite);
  insertStaff(sqlite, 1);
  CUSTOMERS.forEach((id) => insertCustomer(sqlite, id));
  let nowMs = Date.parse('2026-01-01T00:00:00.000Z');
  const ctx: LedgerContext = { sqlite, now: () => new Date(nowMs) };
  const hctx: HandlerContext = { sqlite, db: connection.db, dbPath: ':memory:', now: () => new Date(nowMs), emit: () => undefined };
  const model: Model = { net: new Map(CUSTOMERS.map((c) => [c, 0])), rows: 0, orders: [], merged: new Set(), merges: [] };
  let nextOrderId = 1;

  for (let step = 0; step < STEPS; step++) {
    const where = `seed ${seed}, step ${step}`;
    const open = CUSTOMERS.filter((c) => !model.merged.has(c));
    const customerId = pick(open) as number;
    const roll = random();
    if (roll < 0.25) {
      const id = nextOrderId++;
      const totalMinor = int(50, 40000);
      insertOrder(sqlite, { id, customerId, seq: id, placedAt: new Date(nowMs).toISOString(), totalMinor });
      const o: OrderModel = { id, customerId, totalMinor, earned: Math.floor(totalMinor / 100), refundedMinor: 0,
        reversed: 0, netBefore: model.net.get(customerId) ?? 0, othersSince: 0, crossedMerge: false };
      model.orders.push(o);
      recordPosting(model, earnForOrder(ctx, id, RULES), id);
    } else if (roll < 0.4) {
      const { approved } = balance(ctx, customerId);
      // Spending everything often, so that later refunds leave debt for merges to carry.
      const points = random() < 0.5 ? approved : int(1, approved);
      if (approved > 0) recordPosting(model, redeem(ctx, { customerId, points, idempotencyKey: `redeem:${step}` }));
    } else if (roll < 0.55) {
      const o = pick(model.orders.filter((m) => m.refundedMinor < m.totalMinor));
      if (!o) continue;
      o.refundedMinor = random() < 0.5 ? o.totalMinor : int(o.refundedMinor, o.totalMinor);
      const owners = CUSTOMERS.map((c) => sumOf(sqlite, c)).reduce((a, b) => a + b, 0);
      const posting = reverseForRefund(ctx, { orderId: o.id, refundedTotalMinor: o.refundedMinor, refundKey: `refund:${o.id}:${step}` });
      const target = Math.floor((o.earned * o.refundedMinor) / o.totalMinor);
      same(posting ? -posting.entry.points : 0, target - o.reversed, `${where}: pro rata reversal`);
      o.reversed = target;
      recordPosting(model, posting, o.id);
      if (o.refundedMinor === o.totalMinor) {
        reached.fullRefunds++;
        same(o.reversed, o.earned, `${where}: a full refund reverses all it earned`);
        if (!o.crossedMerge) {
          same(model.net.get(o.customerId), o.netBefore + o.othersSince, `${where}: full refund returns the customer to before the order`);
        } else {
          reached.refundsAcrossMerge++;
          // Merges moved points between customers: the customers together lose exactly what was still unreversed.
          same(CUSTOMERS.map((c) => sumOf(sqlite, c)).reduce((a, b) => a + b, 0), owners + (posting?.entry.points ?? 0),
            `${where}: full refund across a merge`);
        }
      }
    } else if (roll < 0.65) {
      const { approved } = balance(ctx, customerId);
      const points = random() < 0.6 ? int(1, 300) : -int(1, Math.max(1, approved));
      if (points < 0 && -points > approved) continue;
      recordPosting(model, adjust(ctx, { customerId, points, reason: 'Property test', lifetimeDays: random() < 0.5 ? null : int(1, 90), idempotencyKey: `adjust:${step}` }));
    } else if (roll < 0.73) {
      for (const posting of expireDue(ctx)) recordPosting(model, posting);
    } else if (roll < 0.85) {
      mergeStep(hctx, ctx, model, pick, where);
    } else if (roll < 0.93) {
      // Replays post nothing: an order's earning, a merge's key; merging a merged customer again is refused.
      const o = pick(model.orders);
      if (o) same(earnForOrder(ctx, o.id, RULES)?.replayed ?? true, true, where);
      const m = pick(model.merges);
      if (m) {
        same(call(hctx, 'customers.merge', { sourceId: m.sourceId, targetId: m.targetId, staffId: 1, idempotencyKey: m.key }).replayed, true, where);
        reached.mergeReplays++;
        const other = CUSTOMERS.find((c) => c !== m.sourceId && !model.merged.has(c));
        if (other !== undefined) {
          try {
            call(hctx, 'customers.merge', { sourceId: m.sourceId, targetId: other, staffId: 1, idempotencyKey: `again-${where}` });
            expect.fail(`${where}: merging a merged customer again must be refused`);
          } catch (error) {
            same(error instanceof AppError && error.code, 'CONFLICT', where);
            reached.mergeConflicts++;
          }
        }
      }
    } else {
      nowMs += int(1, 40) * DAY_MS;
    }
    if (random() < 0.3) nowMs += int(1, 5) * DAY_MS;
    checkInvariants(sqlite, ctx, model, where);
  }
  connection.close();
}

describe('points across merges under random sequences', () => {
  it(`keep every invariant over ${SEQUENCES} sequences of ${STEPS} steps`, async () => {
    for (let seed = 1; seed <= SEQUENCES; seed++) await runSequence(seed);
    // Every path must actually be reached, or the property says nothing about it.
    for (const [path, times] of Object.entries(reached)) expect(times, path).toBeGreaterThan(SEQUENCES / 40);
  }, 300_000);
});
