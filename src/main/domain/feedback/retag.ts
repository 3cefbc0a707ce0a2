import type { Sqlite } from '../../db/connection';
import { feedbackText, type TopicMatcher } from './topic-match';

/**
 * Re-applies the topic rules to every item whose topics were not set by
 * hand, inside the caller's transaction. Rows are read in id batches (an
 * open better-sqlite3 iterator would block the UPDATE) and written only
 * when their topics change.
 */
const BATCH = 5_000;

export function retagAll(sqlite: Sqlite, matchTopics: TopicMatcher): number {
  const read = sqlite.prepare<[number, number], { id: number; title: string | null; body: string | null; topics: string }>(
    'SELECT id, title, body, topics FROM feedback WHERE id > ? AND topics_manual = 0 ORDER BY id LIMIT ?');
  const write = sqlite.prepare<[string, number]>('UPDATE feedback SET topics = ? WHERE id = ?');
  let changed = 0;
  let after = 0;
  for (;;) {
    const rows = read.all(after, BATCH);
    for (const row of rows) {
      const topics = JSON.stringify(matchTopics(feedbackText(row.title, row.body)));
      if (topics !== row.topics) {
        write.run(topics, row.id);
        changed += 1;
      }
    }
    if (rows.length < BATCH) return changed;
    after = (rows.at(-1) as { id: number }).id;
  }
}
