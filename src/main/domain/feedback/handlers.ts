import type { ParsedInputOf } from '../../../shared/contract';
import type { TopicRules } from '../../../shared/contract/feedback';
import type { HandlerContext } from '../../core/handler';
import { recordAudit } from '../audit/log';
import { createFeedback, requireStaff } from './create';
import { importFeedback } from './import';
import { listFeedback } from './list';
import { retagAll } from './retag';
import { compileTopicMatcher } from './topic-match';
import { readTopicRules, writeTopicRules } from './topic-rules';
import { feedbackTrends } from './trends';
import { updateFeedback } from './update';

/** The feedback inbox behind the contract (src/shared/contract/feedback.ts). */
function updateTopicRules(input: ParsedInputOf<'feedback.topics.update'>, ctx: HandlerContext): TopicRules {
  const { sqlite } = ctx;
  const now = ctx.now();
  const saved = sqlite.transaction(() => {
    requireStaff(ctx, input.staffId);
    const rules = writeTopicRules(sqlite, input.rules, input.expectedVersion, now);
    const retagged = input.reapply ? retagAll(sqlite, compileTopicMatcher(rules.rules)) : 0;
    // The rules live in settings; entity id 0 stands for "the one rule set".
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'settings', entityId: 0, action: 'feedback.topics.update',
      detail: { version: rules.version, topics: rules.rules.map((r) => r.topic), retagged },
    });
    return rules;
  })();
  ctx.emit('data.changed', { areas: ['feedback'] });
  return saved;
}

export const feedbackHandlers = {
  'feedback.list': (input: ParsedInputOf<'feedback.list'>, ctx: HandlerContext) => listFeedback(input, ctx.sqlite),
  'feedback.create': createFeedback,
  'feedback.import': importFeedback,
  'feedback.update': updateFeedback,
  'feedback.topics.get': (_input: ParsedInputOf<'feedback.topics.get'>, ctx: HandlerContext) => readTopicRules(ctx.sqlite),
  'feedback.topics.update': updateTopicRules,
  'feedback.trends': (input: ParsedInputOf<'feedback.trends'>, ctx: HandlerContext) =>
    feedbackTrends(input, ctx.sqlite, ctx.now()),
};
