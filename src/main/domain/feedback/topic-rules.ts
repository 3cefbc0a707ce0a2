import { topicRule, type TopicRules } from '../../../shared/contract/feedback';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { z } from 'zod';

/**
 * The merchant's topic rules, one JSON value under the `feedback.topics` key
 * of the settings table, with a version for optimistic saves. Absent or
 * unreadable: the defaults below (version 0), which cover what shop reviews
 * talk about most, in English and Chinese.
 */
export const TOPIC_RULES_KEY = 'feedback.topics';

export const DEFAULT_TOPIC_RULES: TopicRules['rules'] = [
  { topic: 'shipping', keywords: ['shipping', 'delivery', 'delivered', 'arrived', 'courier', 'tracking', 'late', 'delayed',
    '物流', '快递', '发货', '送货', '到货', '配送'] },
  { topic: 'packaging', keywords: ['packaging', 'packed', 'package', 'box', 'wrapped', 'wrapping', '包装', '盒子', '纸箱'] },
  { topic: 'quality', keywords: ['quality', 'broken', 'cracked', 'stopped working', 'material', 'defective', 'fell apart',
    '质量', '做工', '破损', '坏了', '材质', '瑕疵'] },
  { topic: 'size / fit', keywords: ['size', 'fit', 'fits', 'smaller', 'bigger', 'too small', 'too big', 'tight',
    '尺码', '尺寸', '大小', '偏小', '偏大', '合身'] },
  { topic: 'price', keywords: ['price', 'expensive', 'cheap', 'value', 'overpriced', 'worth', '价格', '价钱', '贵', '便宜', '性价比'] },
  { topic: 'service', keywords: ['service', 'support', 'staff', 'reply', 'response', 'helpful', 'rude', '客服', '服务', '态度', '回复'] },
  { topic: 'scent', keywords: ['scent', 'smell', 'smells', 'fragrance', 'perfume', '味道', '香味', '气味', '好闻'] },
];

const storedRules = z.object({ rules: z.array(topicRule), version: z.number().int().nonnegative() });

export function readTopicRules(sqlite: Sqlite): TopicRules {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(TOPIC_RULES_KEY) as { value: string } | undefined;
  if (row) {
    try {
      const parsed = storedRules.safeParse(JSON.parse(row.value));
      if (parsed.success) return parsed.data;
    } catch {
      // falls through to the defaults, like an absent value
    }
    console.warn('[backroom] The stored feedback topic rules do not validate; using the defaults.');
  }
  return { rules: structuredClone(DEFAULT_TOPIC_RULES), version: 0 };
}

/** Saves the rules if `expectedVersion` is still current; the caller holds the transaction. */
export function writeTopicRules(sqlite: Sqlite, rules: TopicRules['rules'], expectedVersion: number, at: Date): TopicRules {
  const current = readTopicRules(sqlite);
  if (current.version !== expectedVersion) {
    throw new AppError('CONFLICT', 'Someone else saved the topic rules meanwhile. Review their version and save again.',
      { current });
  }
  const names = new Set<string>();
  for (const rule of rules) {
    const name = rule.topic.toLowerCase();
    if (names.has(name)) throw new AppError('VALIDATION', `There are two topics named "${rule.topic}": give each topic one rule.`);
    names.add(name);
  }
  const saved: TopicRules = { rules, version: current.version + 1 };
  sqlite
    .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
    .run(TOPIC_RULES_KEY, JSON.stringify(saved), at.toISOString());
  return saved;
}
