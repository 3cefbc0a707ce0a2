import { randomBytes } from 'node:crypto';
import type { CampaignMechanic, DrawRunResult, ParsedInputOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Sqlite } from '../../../db/connection';
import { isActiveStaff, recordAudit } from '../../audit/log';
import { post, statement, type LedgerContext } from '../../loyalty/ledger';
import { creditExpiry } from '../../loyalty/program';
import { readLoyaltySettings } from '../../loyalty/settings';
import { issueCampaignCoupon } from '../coupons';
import { launchedCampaign, type LaunchedCampaign } from '../report/campaign-row';
import { canonicalEntrants, drawWinners, sha256Hex } from './algorithm';
import { currentEntrants } from './entrants';
import { drawRowById, drawRowByKey, drawView, type SavedWinner } from './view';

/**
 * draws.run: ONE IMMEDIATE transaction. The write lock is taken before
 * anything is read, so a retried request (same runKey) or a second staff
 * member waits, then finds the draw made and gets it back (ranNow false).
 * A campaign runs each of its draw mechanics once, in the order they are
 * listed: the n-th run draws for the n-th draw mechanic, and a run after the
 * last is refused. Prizes: points through the ledger (key
 * draw:<drawId>:winner:<customerId>) or a campaign coupon (key
 * draw:<drawId>:coupon:<customerId>); any failure rolls the whole draw back.
 */
type DrawMechanic = Extract<CampaignMechanic, { kind: 'draw' }>;

const DAY_MS = 86_400_000;
/** A prize coupon stays usable at least this long, or to the end of the campaign when that is later. */
const PRIZE_COUPON_DAYS = 30;

export const drawWinnerKey = (drawId: number, customerId: number): string => `draw:${drawId}:winner:${customerId}`;
export const drawCouponKey = (drawId: number, customerId: number): string => `draw:${drawId}:coupon:${customerId}`;

function nextMechanic(sqlite: Sqlite, campaign: LaunchedCampaign): { mechanic: DrawMechanic; number: number; of: number } {
  const draws = campaign.mechanics.filter((m): m is DrawMechanic => m.kind === 'draw');
  if (draws.length === 0) {
    throw new AppError('VALIDATION', `The campaign "${campaign.name}" has no lucky draw among its mechanics.`);
  }
  const done = (statement(sqlite, 'SELECT count(*) AS n FROM draws WHERE campaign_id = ?').get(campaign.id) as { n: number }).n;
  if (done >= draws.length) {
    throw new AppError('CONFLICT', draws.length === 1
      ? `The lucky draw of the campaign "${campaign.name}" has already been run: its winners are in the list of draws.`
      : `All ${draws.length} lucky draws of the campaign "${campaign.name}" have already been run: their winners are in the list of draws.`);
  }
  return { mechanic: draws[done]!, number: done + 1, of: draws.length };
}

interface Winner {
  customerId: number;
  storeId: number;
  currency: string;
}

function winnerStores(sqlite: Sqlite, campaign: LaunchedCampaign, ids: readonly number[]): Winner[] {
  // The coupon goes to the campaign's store, or to the winner's own store when the campaign has none.
  const read = statement(sqlite,
    `SELECT c.id AS customerId, s.id AS storeId, s.currency FROM customers c JOIN stores s ON s.id = coalesce(?, c.store_id)
     WHERE c.id = ?`);
  return ids.map((id) => read.get(campaign.storeId, id) as Winner);
}

function awardPrizes(sqlite: Sqlite, campaign: LaunchedCampaign, drawId: number, mechanic: DrawMechanic, winners: readonly number[],
  staffId: number, now: Date): SavedWinner[] {
  const { prize } = mechanic;
  if (prize.kind === 'points') {
    const settings = readLoyaltySettings(sqlite);
    if (!settings.enabled) {
      throw new AppError('VALIDATION', 'The loyalty program is switched off, so this draw cannot give points: switch it on first.');
    }
    const ctx: LedgerContext = { sqlite, now: () => now, callerTransaction: true };
    const expiresAt = creditExpiry(settings, now.getTime());
    return winners.map((customerId, index) => {
      post(ctx, { customerId, entryType: 'bonus', points: prize.points, idempotencyKey: drawWinnerKey(drawId, customerId),
        expiresAt, reason: `Lucky draw prize: ${campaign.name}`, staffId });
      return { customerId, rank: index + 1, prize: `${prize.points} points` };
    });
  }
  const validTo = Math.max(Date.parse(campaign.endsAt), now.getTime() + PRIZE_COUPON_DAYS * DAY_MS);
  return winnerStores(sqlite, campaign, winners).map((winner, index) => {
    const coupon = issueCampaignCoupon(sqlite, {
      campaignId: campaign.id, customerId: winner.customerId, storeId: winner.storeId, kind: prize.couponKind,
      valueMinor: prize.couponKind === 'fixed_amount' ? prize.valueMinor : null,
      percent: prize.couponKind === 'percent' ? prize.percent : null, minOrderMinor: 0, currency: winner.currency,
      expiresAt: new Date(validTo).toISOString(), idempotencyKey: drawCouponKey(drawId, winner.customerId),
    }, now);
    return { customerId: winner.customerId, rank: index + 1, prize: coupon.code };
  });
}

function runOnce(sqlite: Sqlite, input: ParsedInputOf<'draws.run'>, now: Date): DrawRunResult {
  const existing = drawRowByKey(sqlite, input.runKey);
  if (existing) {
    if (existing.campaignId !== input.campaignId) {
      throw new AppError('CONFLICT', 'This run key was already used for a draw of another campaign.');
    }
    return { draw: drawView(sqlite, existing), ranNow: false };
  }
  if (!isActiveStaff(sqlite, input.staffId)) {
    throw new AppError('VALIDATION', `There is no active staff member with id ${input.staffId}.`);
  }
  const campaign = launchedCampaign(sqlite, input.campaignId, 'it has no members to draw from yet.');
  if (campaign.cancelledAt !== null) {
    throw new AppError('VALIDATION', `The campaign "${campaign.name}" was stopped, so its draws can no longer be run.`);
  }
  const { mechanic, number, of } = nextMechanic(sqlite, campaign);
  const entrants = currentEntrants(sqlite, campaign.id, mechanic.weighting, now);
  if (entrants.length === 0) {
    throw new AppError('VALIDATION', `The campaign "${campaign.name}" has no treatment members left to draw from.`);
  }
  const seed = input.seed ?? randomBytes(16).toString('hex');
  const canonical = canonicalEntrants(entrants);
  const winners = drawWinners(seed, entrants, Math.min(mechanic.winners, entrants.length));
  const at = now.toISOString();
  const { lastInsertRowid } = statement(sqlite,
    `INSERT INTO draws (campaign_id, name, weighting, winners_count, prize, seed, entrants, entrants_hash, winners,
       idempotency_key, run_at, run_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
  ).run(campaign.id, of === 1 ? 'Lucky draw' : `Lucky draw ${number} of ${of}`, mechanic.weighting, mechanic.winners,
    JSON.stringify(mechanic.prize), seed, canonical, sha256Hex(canonical), input.runKey, at, input.staffId);
  const drawId = Number(lastInsertRowid);
  const saved = awardPrizes(sqlite, campaign, drawId, mechanic, winners, input.staffId, now);
  statement(sqlite, 'UPDATE draws SET winners = ? WHERE id = ?').run(JSON.stringify(saved), drawId);
  recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'campaign', entityId: campaign.id, action: 'draw.run',
    detail: { drawId, runKey: input.runKey, entrants: entrants.length, winners: winners.length, seedGiven: input.seed !== undefined } });
  return { draw: drawView(sqlite, drawRowById(sqlite, drawId)!), ranNow: true };
}

export function runDraw(sqlite: Sqlite, input: ParsedInputOf<'draws.run'>, now: Date): DrawRunResult {
  return sqlite.transaction(() => runOnce(sqlite, input, now)).immediate();
}
