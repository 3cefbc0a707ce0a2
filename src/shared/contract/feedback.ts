import { z } from 'zod';
import { operation } from './operation';
import { dateRange } from './common';
import { staffId } from './tickets';

/**
 * The feedback inbox: reviews, ratings, NPS and survey answers, imported from
 * CSV or entered by hand. Sentiment comes from the rating and a lexicon text
 * score (English and Chinese); topics from keyword rules the merchant edits.
 * A negative item opens a ticket; a review may earn points (loyalty bonus "review").
 */
export const FEEDBACK_SOURCES = ['review', 'survey', 'csat', 'nps', 'message'] as const;
export const FEEDBACK_STATUSES = ['new', 'acknowledged', 'actioned', 'archived'] as const;
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export type Sentiment = (typeof SENTIMENTS)[number];

const id = z.number().int().positive();

export interface FeedbackItem {
  id: number;
  source: FeedbackSource;
  /** Stars 1–5 for reviews and CSAT; 0–10 for NPS; null for free text. */
  rating: number | null;
  title: string | null;
  body: string | null;
  customer: { id: number; name: string | null } | null;
  order: { id: number; orderNumber: string } | null;
  product: { id: number; title: string } | null;
  sentiment: Sentiment | null;
  sentimentScore: number | null;
  topics: string[];
  status: FeedbackStatus;
  ticketId: number | null;
  /** Points the review earned, if any. */
  pointsAwarded: number;
  createdAt: string;
  version: number;
}

export const feedbackListInput = z
  .object({
    source: z.array(z.enum(FEEDBACK_SOURCES)).min(1).max(5).optional(),
    sentiment: z.array(z.enum(SENTIMENTS)).min(1).max(3).optional(),
    status: z.array(z.enum(FEEDBACK_STATUSES)).min(1).max(4).optional(),
    topic: z.string().trim().min(1).max(60).optional(),
    productId: id.optional(),
    customerId: id.optional(),
    range: dateRange.optional(),
    search: z.string().trim().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

export const feedbackCreateInput = z
  .object({
    staffId,
    source: z.enum(FEEDBACK_SOURCES),
    rating: z.number().int().min(0).max(10).nullable(),
    title: z.string().trim().max(200).optional(),
    body: z.string().trim().max(10_000).optional(),
    customerId: id.optional(),
    orderId: id.optional(),
    productId: id.optional(),
    /** When it was written (defaults to now). */
    createdAt: z.string().datetime({ offset: true }).optional(),
    idempotencyKey: z.string().min(1).max(200),
  })
  .strict()
  .refine((f) => f.rating !== null || (f.body ?? '').length > 0, { message: 'give a rating or some text' });

export const feedbackImportInput = z
  .object({
    staffId,
    /** The CSV text (UTF-8, header row). Columns: see FEEDBACK_CSV_COLUMNS. */
    csv: z.string().min(1, { message: 'the file is empty' }).max(50_000_000),
    fileName: z.string().max(300).optional(),
    /** Source for rows without a `source` column. */
    defaultSource: z.enum(FEEDBACK_SOURCES).default('review'),
    /**
     * The file's row number of the first row after the header (the header is row 1). A large
     * file is sent in parts, each with the header; errors are reported with the file's row numbers.
     */
    firstRowNumber: z.number().int().min(2).default(2),
  })
  .strict();

/** Recognised header names (case-insensitive); unknown columns are ignored and reported. */
export const FEEDBACK_CSV_COLUMNS = [
  'source', 'rating', 'title', 'body', 'customer_email', 'order_number', 'product_sku', 'created_at', 'external_id',
] as const;

export interface FeedbackImportResult {
  imported: number;
  /** Rows already imported before (same external id or same content): skipped, not doubled. */
  duplicates: number;
  errors: { row: number; message: string }[];
  ticketsOpened: number;
  ignoredColumns: string[];
}

export const feedbackUpdateInput = z
  .object({
    id,
    staffId,
    expectedVersion: z.number().int().positive(),
    status: z.enum(FEEDBACK_STATUSES).optional(),
    topics: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  })
  .strict();

export const topicRule = z
  .object({
    topic: z.string().trim().min(1, { message: 'a topic needs a name' }).max(60),
    /** Words or phrases, any language; matched case-insensitively. */
    keywords: z.array(z.string().trim().min(1).max(60)).min(1, { message: 'a topic needs at least one keyword' }).max(100),
  })
  .strict();

export const topicRulesUpdateInput = z
  .object({ staffId, expectedVersion: z.number().int().nonnegative(), rules: z.array(topicRule).max(100), reapply: z.boolean().default(true) })
  .strict();

export interface TopicRules {
  rules: z.output<typeof topicRule>[];
  version: number;
}

export const feedbackTrendsInput = z
  .object({
    by: z.enum(['topic', 'product']),
    interval: z.enum(['week', 'month']).default('week'),
    range: dateRange.optional(),
    limit: z.number().int().min(1).max(20).default(8),
  })
  .strict();

export interface FeedbackTrends {
  range: { from: string; to: string };
  /** The topics or products charted, most mentioned first. */
  series: { key: string; label: string; total: number; negativeShare: number | null }[];
  /** One point per period: counts and average sentiment per series key. */
  points: { period: string; counts: Record<string, number>; sentiment: Record<string, number | null> }[];
}

export const feedbackOperations = {
  'feedback.list': operation<{ rows: FeedbackItem[]; nextCursor: string | null }>()(feedbackListInput, 'The feedback inbox, newest first'),
  'feedback.create': operation<FeedbackItem>()(feedbackCreateInput, 'Enters a review, rating or survey answer by hand'),
  'feedback.import': operation<FeedbackImportResult>()(feedbackImportInput, 'Imports feedback from CSV, row by row'),
  'feedback.update': operation<FeedbackItem>()(feedbackUpdateInput, 'Changes status or topics'),
  'feedback.topics.get': operation<TopicRules>()(z.object({}).strict(), 'The topic keyword rules'),
  'feedback.topics.update': operation<TopicRules>()(topicRulesUpdateInput, 'Saves topic rules and re-tags feedback'),
  'feedback.trends': operation<FeedbackTrends>()(feedbackTrendsInput, 'Mentions and sentiment over time by topic or product'),
} as const;
