import type { FeedbackSource, Sentiment } from '../../../shared/contract/feedback';
import type { Sqlite } from '../../db/connection';
import { scoreFeedback } from './sentiment';
import { feedbackText, type TopicMatcher } from './topic-match';

/**
 * Writes one feedback row with its sentiment, language and topics computed
 * by the same code the demo and the re-tagging use. The caller holds the
 * transaction and has validated the row.
 */
export interface NewFeedback {
  source: FeedbackSource;
  rating: number | null;
  title: string | null;
  body: string | null;
  customerId: number | null;
  orderId: number | null;
  productId: number | null;
  createdAt: string;
  externalId: string | null;
  importedFrom: string | null;
  idempotencyKey: string | null;
}

export interface InsertedFeedback {
  id: number;
  sentiment: Sentiment | null;
}

export function insertFeedback(sqlite: Sqlite, row: NewFeedback, matchTopics: TopicMatcher): InsertedFeedback {
  const sentiment = scoreFeedback(row);
  const topics = matchTopics(feedbackText(row.title, row.body));
  const result = sqlite
    .prepare(
      `INSERT INTO feedback (external_id, customer_id, order_id, product_id, source, rating, title, body, status,
         created_at, sentiment_score, sentiment, topics, language, imported_from, idempotency_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(row.externalId, row.customerId, row.orderId, row.productId, row.source, row.rating, row.title, row.body,
      row.createdAt, sentiment.score, sentiment.label, JSON.stringify(topics), sentiment.language, row.importedFrom,
      row.idempotencyKey);
  return { id: Number(result.lastInsertRowid), sentiment: sentiment.label };
}
