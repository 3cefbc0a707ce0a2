import type { TopicRules } from '../../../shared/contract/feedback';

/**
 * Topic matching: a feedback item is about every topic with a keyword in its
 * title or body, case-insensitively. Latin keywords match whole words
 * ("fit" is not in "benefit"); Chinese keywords match anywhere, as Chinese
 * has no spaces. One compiled matcher per rule set, reused for every row.
 */
export type TopicMatcher = (text: string) => string[];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isWordy = (keyword: string) => /^[\p{L}\p{N}]/u.test(keyword) && !/[\u3400-\u9fff]/.test(keyword);

export function compileTopicMatcher(rules: TopicRules['rules']): TopicMatcher {
  const compiled = rules.map((rule) => {
    const words = rule.keywords.filter(isWordy).map((k) => escapeRegExp(k.toLowerCase()).replace(/\s+/g, '\\s+'));
    const others = rule.keywords.filter((k) => !isWordy(k)).map((k) => k.toLowerCase());
    const pattern = words.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'u') : null;
    return { topic: rule.topic, pattern, others };
  });
  return (text) => {
    const lower = text.toLowerCase();
    return compiled
      .filter((rule) => (rule.pattern !== null && rule.pattern.test(lower)) || rule.others.some((k) => lower.includes(k)))
      .map((rule) => rule.topic);
  };
}

export const feedbackText = (title: string | null, body: string | null): string =>
  [title, body].filter(Boolean).join('\n');
