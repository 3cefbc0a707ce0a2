import type { BonusAction } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { entryByKey, inLedgerTransaction, post, requireCustomer, type LedgerContext, type Posting } from './ledger';
import { creditExpiry } from './program';
import { readLoyaltySettings } from './settings';

/**
 * Bonus actions: the points the program gives for a customer's action, once
 * per event. The idempotency key names the event, so a retried request, a
 * second click or a re-imported review never posts twice:
 *   signUp, firstOrder:          bonus:<action>:customer:<id>
 *   birthday:                    bonus:birthday:customer:<id>:<year>
 *   review, referral, socialShare: bonus:<action>:<reference>   (one review earns once, for one customer)
 */
export interface BonusRequest {
  customerId: number;
  action: BonusAction;
  reference?: string;
  staffId?: number | null;
}

const PER_REFERENCE: readonly BonusAction[] = ['review', 'referral', 'socialShare'];

const LABELS: Record<BonusAction, string> = {
  signUp: 'Sign-up bonus', firstOrder: 'First order bonus', review: 'Review bonus', birthday: 'Birthday bonus',
  referral: 'Referral bonus', socialShare: 'Social share bonus',
};

export function bonusKey(request: BonusRequest, at: Date): string {
  const { action, customerId } = request;
  if (PER_REFERENCE.includes(action)) {
    const reference = request.reference?.trim();
    if (!reference) {
      throw new AppError('VALIDATION', 'This action needs a reference: the review, referral or share it is for.');
    }
    return `bonus:${action}:${reference}`;
  }
  if (action === 'birthday') return `bonus:birthday:customer:${customerId}:${at.getUTCFullYear()}`;
  return `bonus:${action}:customer:${customerId}`;
}

export function postBonus(ctx: LedgerContext, request: BonusRequest): Posting {
  const now = ctx.now();
  const key = bonusKey(request, now);
  return inLedgerTransaction(ctx, () => {
    const existing = entryByKey(ctx.sqlite, key);
    if (existing) {
      // The event already earned: the same customer gets the first posting back (even if the program changed since).
      if (existing.customerId !== request.customerId) {
        throw new AppError('CONFLICT', 'This action has already earned points for another customer.');
      }
      return { entry: existing, replayed: true };
    }
    requireCustomer(ctx.sqlite, request.customerId, 'VALIDATION');
    const settings = readLoyaltySettings(ctx.sqlite);
    if (!settings.enabled) throw new AppError('VALIDATION', 'The loyalty program is switched off.');
    const points = settings.bonusActions[request.action];
    if (points <= 0) throw new AppError('VALIDATION', 'This action gives no points in your program.');
    return post(ctx, {
      customerId: request.customerId,
      entryType: 'bonus',
      points,
      idempotencyKey: key,
      expiresAt: creditExpiry(settings, now.getTime()),
      reason: request.reference ? `${LABELS[request.action]} (${request.reference.trim()})` : LABELS[request.action],
      staffId: request.staffId ?? null,
    });
  });
}
