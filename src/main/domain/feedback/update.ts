import type { FeedbackItem } from '../../../shared/contract/feedback';
import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../../core/handler';
import { recordAudit } from '../audit/log';
import { requireStaff } from './create';
import { readFeedbackItem } from './item';

/**
 * `feedback.update`: status and topics, saved only over the version the
 * person saw; a stale save answers CONFLICT with the item as it is now.
 * Topics set by hand are marked so re-applying the keyword rules keeps them.
 */
export function updateFeedback(input: ParsedInputOf<'feedback.update'>, ctx: HandlerContext): FeedbackItem {
  const { sqlite } = ctx;
  const now = ctx.now();
  if (input.status === undefined && input.topics === undefined) {
    throw new AppError('VALIDATION', 'Nothing to change: choose a status or topics.');
  }
  sqlite.transaction(() => {
    requireStaff(ctx, input.staffId);
    const current = readFeedbackItem(sqlite, input.id);
    if (current.version !== input.expectedVersion) {
      throw new AppError('CONFLICT', 'Someone else changed this feedback meanwhile. Review the current version and try again.',
        { current });
    }
    const topics = input.topics === undefined ? null : [...new Set(input.topics)];
    sqlite
      .prepare(`UPDATE feedback SET status = coalesce(?, status),
          topics = coalesce(?, topics), topics_manual = CASE WHEN ? IS NULL THEN topics_manual ELSE 1 END,
          version = version + 1
        WHERE id = ? AND version = ?`)
      .run(input.status ?? null, topics && JSON.stringify(topics), topics && 1, input.id, input.expectedVersion);
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'feedback', entityId: input.id, action: 'feedback.update',
      detail: {
        ...(input.status === undefined ? {} : { status: { from: current.status, to: input.status } }),
        ...(topics === null ? {} : { topics: { from: current.topics, to: topics } }),
      },
    });
  })();
  ctx.emit('data.changed', { areas: ['feedback'] });
  return readFeedbackItem(sqlite, input.id);
}
