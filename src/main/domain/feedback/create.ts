import type { FeedbackItem } from '../../../shared/contract/feedback';
import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { isActiveStaff, recordAudit } from '../audit/log';
import { followUp } from './follow-ups';
import { insertFeedback } from './insert';
import { readFeedbackItem } from './item';
import { checkLinks } from './links';
import { ratingProblem } from './rating';
import { compileTopicMatcher } from './topic-match';
import { readTopicRules } from './topic-rules';

/**
 * `feedback.create`: a review, rating or survey answer entered by hand. One
 * transaction with its follow-ups (a ticket for a negative item, review
 * points); a retry with the same idempotency key answers the first item.
 */
export function requireStaff(ctx: HandlerContext, staffId: number): void {
  if (!isActiveStaff(ctx.sqlite, staffId)) {
    throw new AppError('VALIDATION', `Choose who is making this change: there is no active staff member with id ${staffId}.`);
  }
}

export function createFeedback(input: ParsedInputOf<'feedback.create'>, ctx: HandlerContext): FeedbackItem {
  const { sqlite } = ctx;
  const now = ctx.now();
  const problem = ratingProblem(input.source, input.rating);
  if (problem) throw new AppError('VALIDATION', `The rating is not valid: ${problem}.`);
  let opened = false;
  let awarded = false;
  const id = sqlite.transaction((): number => {
    const earlier = sqlite
      .prepare<[string], number>('SELECT id FROM feedback WHERE idempotency_key = ?')
      .pluck()
      .get(input.idempotencyKey);
    if (earlier !== undefined) return earlier;
    requireStaff(ctx, input.staffId);
    const links = checkLinks(sqlite, {
      customerId: input.customerId ?? null, orderId: input.orderId ?? null, productId: input.productId ?? null,
    });
    const createdAt = input.createdAt ? new Date(input.createdAt).toISOString() : now.toISOString();
    const row = {
      source: input.source, rating: input.rating, title: input.title || null, body: input.body || null, ...links,
      createdAt, externalId: null, importedFrom: null, idempotencyKey: input.idempotencyKey,
    };
    const inserted = insertFeedback(sqlite, row, compileTopicMatcher(readTopicRules(sqlite).rules));
    const outcome = followUp(sqlite, { ...row, ...inserted, ticketId: null }, input.staffId, now);
    opened = outcome.ticketOpened;
    awarded = outcome.pointsAwarded > 0;
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'feedback', entityId: inserted.id, action: 'feedback.create',
      detail: { source: input.source, rating: input.rating, ticketId: outcome.ticketId, pointsAwarded: outcome.pointsAwarded },
    });
    return inserted.id;
  })();
  ctx.emit('data.changed', { areas: ['feedback', ...(opened ? ['service'] : []), ...(awarded ? ['loyalty', 'customers'] : [])] });
  return readFeedbackItem(sqlite, id);
}
