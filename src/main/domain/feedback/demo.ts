import type { Sqlite } from '../../db/connection';
import { scoreFeedback, type SentimentSubject } from './sentiment';
import { compileTopicMatcher, feedbackText } from './topic-match';
import { readTopicRules } from './topic-rules';

/**
 * Fills sentiment, score, language and topics for the generated feedback,
 * with the code the app uses for new items. Generated texts repeat (a few
 * dozen per rating), so each distinct text is scored once; rows are read in
 * id batches and written through one prepared UPDATE, in the load's
 * transaction.
 */
const BATCH = 10_000;

interface DemoRow extends SentimentSubject {
  id: number;
}

export function scoreDemoFeedback(sqlite: Sqlite): number {
  const matchTopics = compileTopicMatcher(readTopicRules(sqlite).rules);
  const read = sqlite.prepare<[number, number], DemoRow>(
    'SELECT id, source, rating, title, body FROM feedback WHERE id > ? ORDER BY id LIMIT ?');
  const write = sqlite.prepare<[string | null, number | null, string | null, string, number]>(
    'UPDATE feedback SET sentiment = ?, sentiment_score = ?, language = ?, topics = ? WHERE id = ?');
  const seen = new Map<string, [string | null, number | null, string | null, string]>();
  let after = 0;
  let scored = 0;
  for (;;) {
    const rows = read.all(after, BATCH);
    for (const row of rows) {
      const key = `${row.source}\u0000${row.rating}\u0000${row.title}\u0000${row.body}`;
      let values = seen.get(key);
      if (!values) {
        const sentiment = scoreFeedback(row);
        values = [sentiment.label, sentiment.score, sentiment.language, JSON.stringify(matchTopics(feedbackText(row.title, row.body)))];
        seen.set(key, values);
      }
      write.run(...values, row.id);
    }
    scored += rows.length;
    if (rows.length < BATCH) return scored;
    after = (rows.at(-1) as DemoRow).id;
  }
}
