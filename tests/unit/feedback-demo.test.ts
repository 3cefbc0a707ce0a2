import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { generateDemoStore } from '../../src/main/demo';
import { scoreFeedback } from '../../src/main/domain/feedback/sentiment';
import { compileTopicMatcher, feedbackText } from '../../src/main/domain/feedback/topic-match';
import { DEFAULT_TOPIC_RULES } from '../../src/main/domain/feedback/topic-rules';
import { memoryDb } from '../helpers/db';

/** The generated store's feedback comes scored by the code the app uses for new items. */
let connection: Connection;
beforeAll(async () => {
  connection = await memoryDb();
  generateDemoStore(connection.sqlite, { size: { orders: 3_000 }, seed: 11, now: new Date('2026-06-01T00:00:00Z') });
});
afterAll(() => connection.close());

interface Row {
  source: 'review' | 'nps' | 'csat' | 'survey' | 'message';
  rating: number | null;
  title: string | null;
  body: string | null;
  sentiment: string | null;
  score: number | null;
  language: string | null;
  topics: string;
}

describe('scoreDemoFeedback', () => {
  it('fills sentiment, score, language and topics for every generated item, as the app would', () => {
    const rows = connection.sqlite
      .prepare('SELECT source, rating, title, body, sentiment, sentiment_score AS score, language, topics FROM feedback')
      .all() as Row[];
    expect(rows.length).toBeGreaterThan(50);
    const match = compileTopicMatcher(DEFAULT_TOPIC_RULES);
    for (const row of rows) {
      const expected = scoreFeedback(row);
      expect([row.sentiment, row.score, row.language]).toEqual([expected.label, expected.score, expected.language]);
      expect(JSON.parse(row.topics)).toEqual(match(feedbackText(row.title, row.body)));
    }
  });

  it('has reviews in both languages and all three sentiments', () => {
    const languages = connection.sqlite.prepare("SELECT DISTINCT language FROM feedback WHERE source = 'review' ORDER BY 1").pluck().all();
    expect(languages).toEqual(['en', 'zh']);
    const sentiments = connection.sqlite.prepare('SELECT DISTINCT sentiment FROM feedback ORDER BY 1').pluck().all();
    expect(sentiments).toEqual(['negative', 'neutral', 'positive']);
  });
});
