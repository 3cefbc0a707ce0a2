import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { inLedgerTransaction, ledgerState, post, type LedgerContext, type Posting } from './ledger';
import { expiryKey } from './lots';
import { addMonthsUtc } from './orders';
import { readLoyaltySettings } from './settings';

/** Staff and customer postings that do not come from an order. */
const DAY_MS = 86_400_000;

export interface Adjustment {
  customerId: number;
  /** Whole points, positive to give, negative to take (never more than the spendable balance). */
  points: number;
  /** Why, for the audit trail: required. */
  reason: string;
  staffId?: number | null;
  /** Lets a retried request post once; a fresh key per call when absent. */
  idempotencyKey?: string;
  /** Days until given points expire; when absent, the program's lot lifetime (in months) applies. */
  lifetimeDays?: number | null;
}

function programExpiry(ctx: LedgerContext, fromMs: number): string | null {
  const months = readLoyaltySettings(ctx.sqlite).earning.lotLifetimeMonths;
  return months === null ? null : addMonthsUtc(fromMs, months).toISOString();
}

export function adjust(ctx: LedgerContext, adjustment: Adjustment): Posting {
  const reason = adjustment.reason.trim();
  if (reason === '' || reason.length > 500) {
    throw new AppError('VALIDATION', 'An adjustment needs a reason of 1 to 500 characters.');
  }
  const nowMs = ctx.now().getTime();
  const { lifetimeDays } = adjustment;
  // Given points expire like earned ones unless the caller says otherwise.
  const expiresAt = lifetimeDays === undefined ? programExpiry(ctx, nowMs)
    : lifetimeDays === null ? null : new Date(nowMs + lifetimeDays * DAY_MS).toISOString();
  return post(ctx, {
    customerId: adjustment.customerId,
    entryType: 'adjust',
    points: adjustment.points,
    idempotencyKey: adjustment.idempotencyKey ?? `adjust:${randomUUID()}`,
    expiresAt,
    reason,
    staffId: adjustment.staffId ?? null,
  });
}

export interface Redemption {
  customerId: number;
  /** Whole points to spend, more than zero and at most the spendable balance. */
  points: number;
  idempotencyKey: string;
  reason?: string;
}

export function redeem(ctx: LedgerContext, redemption: Redemption): Posting {
  if (!Number.isSafeInteger(redemption.points) || redemption.points <= 0) {
    throw new AppError('VALIDATION', 'Points to redeem must be a whole number greater than zero.');
  }
  return post(ctx, {
    customerId: redemption.customerId,
    entryType: 'redeem',
    points: -redemption.points,
    idempotencyKey: redemption.idempotencyKey,
    reason: redemption.reason ?? 'Redeemed',
  });
}

/** Customers holding a lot whose expiry has passed and that has no expire entry yet. */
function customersWithExpiredLots(ctx: LedgerContext, nowIso: string): number[] {
  return ctx.sqlite
    .prepare(
      `SELECT DISTINCT customer_id FROM points_ledger lot
       WHERE lot.points > 0 AND lot.expires_at <= ?
         AND NOT EXISTS (SELECT 1 FROM points_ledger x WHERE x.idempotency_key = 'lot:' || lot.id || ':expire')
       ORDER BY customer_id`,
    )
    .pluck()
    .all(nowIso) as number[];
}

/**
 * Posts an expire entry for what is left of every lot past its expiry, once
 * per lot (key `lot:<id>:expire`), one customer per transaction. Returns the
 * entries posted. A lot spent to nothing needs no entry. "Now" is the
 * context's clock, the same one that stamps the entries, so an expire entry
 * is never dated before the expiry it records.
 */
export function expireDue(ctx: LedgerContext): Posting[] {
  const nowIso = ctx.now().toISOString();
  const posted: Posting[] = [];
  for (const customerId of customersWithExpiredLots(ctx, nowIso)) {
    inLedgerTransaction(ctx, () => {
      for (const lot of ledgerState(ctx.sqlite, customerId).lots) {
        if (lot.remaining <= 0 || lot.expiresAt === null || lot.expiresAt > nowIso) continue;
        const posting = post(ctx, {
          customerId,
          entryType: 'expire',
          points: -lot.remaining,
          idempotencyKey: expiryKey(lot.id),
          reason: 'Points expired',
        });
        if (!posting.replayed) posted.push(posting);
      }
    });
  }
  return posted;
}
