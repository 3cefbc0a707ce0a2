import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/log';
import { addMonthsUtc, DAY_MS } from './dates';
import { inLedgerTransaction, ledgerState, post, statement, type LedgerContext, type Posting } from './ledger';
import { expiryKey } from './lots';
import { creditExpiry } from './program';
import { readLoyaltySettings } from './settings';

/** Staff and customer postings that do not come from an order. */

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

export function programExpiry(ctx: LedgerContext, fromMs: number): string | null {
  return creditExpiry(readLoyaltySettings(ctx.sqlite), fromMs);
}

/**
 * A manual adjustment and its audit entry ('points.adjust' on the customer),
 * in one transaction: neither is ever committed without the other. A replayed
 * key writes neither again.
 */
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
  return inLedgerTransaction(ctx, () => {
    const posting = post(ctx, {
      customerId: adjustment.customerId,
      entryType: 'adjust',
      points: adjustment.points,
      idempotencyKey: adjustment.idempotencyKey ?? `adjust:${randomUUID()}`,
      expiresAt,
      reason,
      staffId: adjustment.staffId ?? null,
    });
    if (!posting.replayed) {
      recordAudit(ctx.sqlite, { at: posting.entry.createdAt, staffId: adjustment.staffId ?? null,
        entityType: 'customer', entityId: adjustment.customerId, action: 'points.adjust',
        detail: { points: adjustment.points, reason, ledgerEntryId: posting.entry.id } });
    }
    return posting;
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

/**
 * Where the last complete expiry pass stopped: every lot with expires_at at or
 * before `expiredThrough` and id at or below `ledgerIdThrough` was looked at.
 * A later pass only needs lots that fell due since, or were posted since (an
 * old order imported late can post a lot that is already past its expiry).
 */
export interface ExpiryWatermark {
  expiredThrough: string;
  ledgerIdThrough: number;
}

/** Customers holding a lot whose expiry has passed and that has no expire entry yet. */
function customersWithExpiredLots(ctx: LedgerContext, nowIso: string, since?: ExpiryWatermark): number[] {
  const notExpired = `NOT EXISTS (SELECT 1 FROM points_ledger x WHERE x.idempotency_key = 'lot:' || lot.id || ':expire')`;
  const unexpired = `lot.points > 0 AND lot.expires_at <= @now AND ${notExpired}`;
  if (!since) {
    return statement(ctx.sqlite, `SELECT DISTINCT customer_id FROM points_ledger lot WHERE ${unexpired}
      ORDER BY customer_id`).pluck().all({ now: nowIso }) as number[];
  }
  // Two index ranges, each its own query so the planner cannot trade them for a scan in customer order:
  // lots that fell due since (points_ledger_expiry) and lots posted since (the rowid).
  const dueSince = statement(ctx.sqlite,
    `SELECT DISTINCT customer_id FROM points_ledger lot WHERE lot.expires_at > @after AND ${unexpired}`,
  ).pluck().all({ now: nowIso, after: since.expiredThrough }) as number[];
  const postedSince = statement(ctx.sqlite,
    // Unary + and no DISTINCT keep the planner on the rowid range, the narrow one (the Set dedupes).
    `SELECT customer_id FROM points_ledger lot
     WHERE lot.id > @idAbove AND lot.points > 0 AND +lot.expires_at <= @now AND ${notExpired}`,
  ).pluck().all({ now: nowIso, idAbove: since.ledgerIdThrough }) as number[];
  return [...new Set([...dueSince, ...postedSince])].sort((a, b) => a - b);
}

/**
 * Customers whose last ledger activity is `months` or more before now and who
 * still hold points: under inactivity expiry, all their points expire. The SQL
 * cut-off is a day generous; the exact calendar-month rule is checked per customer.
 */
function inactiveCustomers(ctx: LedgerContext, months: number): number[] {
  const now = ctx.now();
  const cutoff = new Date(addMonthsUtc(now.getTime(), -months).getTime() + DAY_MS).toISOString();
  const rows = statement(ctx.sqlite,
    // The last activity comes from the (customer_id, created_at) index alone; only
    // customers past the cut-off have their entries read to see whether they hold points.
    `SELECT customerId, lastAt FROM (SELECT customer_id AS customerId, max(created_at) AS lastAt
       FROM points_ledger GROUP BY customer_id) last
     WHERE lastAt <= ? AND (SELECT sum(points) FROM points_ledger p WHERE p.customer_id = last.customerId) > 0
     ORDER BY customerId`,
  ).all(cutoff) as { customerId: number; lastAt: string }[];
  return rows
    .filter((row) => addMonthsUtc(Date.parse(row.lastAt), months).getTime() <= now.getTime())
    .map((row) => row.customerId);
}

/** Expires every lot of the customer for which `due` says so, in one transaction. */
function expireLots(ctx: LedgerContext, customerId: number, due: (expiresAt: string | null) => boolean,
  reason: string): Posting[] {
  const posted: Posting[] = [];
  inLedgerTransaction(ctx, () => {
    for (const lot of ledgerState(ctx.sqlite, customerId).lots) {
      if (lot.remaining <= 0 || !due(lot.expiresAt)) continue;
      const posting = post(ctx, {
        customerId,
        entryType: 'expire',
        points: -lot.remaining,
        idempotencyKey: expiryKey(lot.id),
        reason,
      });
      if (!posting.replayed) posted.push(posting);
    }
  });
  return posted;
}

/**
 * Posts an expire entry for what is left of every lot past its expiry, once
 * per lot (key `lot:<id>:expire`), one customer per transaction. Returns the
 * entries posted. A lot spent to nothing needs no entry. "Now" is the
 * context's clock, the same one that stamps the entries, so an expire entry
 * is never dated before the expiry it records. With `since`, only lots due or
 * posted after that watermark are looked at (see ExpiryWatermark).
 */
export function expireDue(ctx: LedgerContext, since?: ExpiryWatermark): Posting[] {
  const nowIso = ctx.now().toISOString();
  const posted: Posting[] = [];
  for (const customerId of customersWithExpiredLots(ctx, nowIso, since)) {
    posted.push(...expireLots(ctx, customerId, (at) => at !== null && at <= nowIso, 'Points expired'));
  }
  // Inactivity expiry: lots have no date of their own; a customer inactive for
  // the program's months loses every lot still held (once per lot, same keys).
  const { earning } = readLoyaltySettings(ctx.sqlite);
  if (earning.expiryMode === 'inactivity') {
    for (const customerId of inactiveCustomers(ctx, earning.inactivityMonths)) {
      posted.push(...expireLots(ctx, customerId, () => true, 'Points expired after inactivity'));
    }
  }
  return posted;
}
