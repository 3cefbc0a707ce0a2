import type { FeedbackItem } from '../../../shared/contract/feedback';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';

/**
 * Reading feedback as the inbox shows it: one SELECT with the customer,
 * order and product names and the points the review earned (the ledger
 * entry its bonus key names, found through the ledger's unique key index).
 */
export const reviewBonusReference = (feedbackId: number) => `feedback:${feedbackId}`;

export const ITEM_COLUMNS = `f.id, f.source, f.rating, f.title, f.body, f.customer_id AS customerId,
  c.first_name AS firstName, c.last_name AS lastName, c.email, f.order_id AS orderId, o.order_number AS orderNumber,
  f.product_id AS productId, p.title AS productTitle, f.sentiment, f.sentiment_score AS sentimentScore, f.topics,
  f.status, f.ticket_id AS ticketId, f.created_at AS createdAt, f.version,
  coalesce((SELECT l.points FROM points_ledger l WHERE l.idempotency_key = 'bonus:review:feedback:' || f.id), 0)
    AS pointsAwarded`;

export const ITEM_JOINS = `LEFT JOIN customers c ON c.id = f.customer_id
  LEFT JOIN orders o ON o.id = f.order_id
  LEFT JOIN products p ON p.id = f.product_id`;

export interface ItemRow {
  id: number;
  source: FeedbackItem['source'];
  rating: number | null;
  title: string | null;
  body: string | null;
  customerId: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  orderId: number | null;
  orderNumber: string | null;
  productId: number | null;
  productTitle: string | null;
  sentiment: FeedbackItem['sentiment'];
  sentimentScore: number | null;
  topics: string;
  status: FeedbackItem['status'];
  ticketId: number | null;
  createdAt: string;
  version: number;
  pointsAwarded: number;
}

function parseTopics(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export function toFeedbackItem(r: ItemRow): FeedbackItem {
  const name = [r.firstName, r.lastName].filter(Boolean).join(' ') || r.email;
  return {
    id: r.id,
    source: r.source,
    rating: r.rating,
    title: r.title,
    body: r.body,
    customer: r.customerId === null ? null : { id: r.customerId, name },
    order: r.orderId === null ? null : { id: r.orderId, orderNumber: r.orderNumber ?? '' },
    product: r.productId === null ? null : { id: r.productId, title: r.productTitle ?? '' },
    sentiment: r.sentiment,
    sentimentScore: r.sentimentScore,
    topics: parseTopics(r.topics),
    status: r.status,
    ticketId: r.ticketId,
    pointsAwarded: r.pointsAwarded,
    createdAt: r.createdAt,
    version: r.version,
  };
}

export function readFeedbackItem(sqlite: Sqlite, id: number): FeedbackItem {
  const row = sqlite
    .prepare<[number], ItemRow>(`SELECT ${ITEM_COLUMNS} FROM feedback f ${ITEM_JOINS} WHERE f.id = ?`)
    .get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no feedback with id ${id}.`);
  return toFeedbackItem(row);
}
