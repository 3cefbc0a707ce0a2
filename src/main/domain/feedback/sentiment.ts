import type { FeedbackSource, Sentiment } from '../../../shared/contract/feedback';
import { englishHits } from './text-en';
import { squash } from './text-score';
import { chineseHits, hasCjk } from './text-zh';

/**
 * Sentiment of one feedback item: a score in -1..1 from its rating, blended
 * with a lexicon score of its title and body (English and Chinese), and the
 * label the inbox filters on. The rating leads when there is one (the
 * customer chose it), the words adjust it: "4 stars, but shipping was slow"
 * lands nearer neutral than a plain 4.
 */
export interface SentimentSubject {
  source: FeedbackSource;
  rating: number | null;
  title: string | null;
  body: string | null;
}

export interface SentimentResult {
  score: number | null;
  label: Sentiment | null;
  /** 'zh' when the text has CJK characters, 'en' for other text, null without text. */
  language: 'en' | 'zh' | null;
}

const RATING_WEIGHT = 0.65;
export const NEGATIVE_BELOW = -0.2;
export const POSITIVE_ABOVE = 0.2;

/**
 * Stars (reviews, CSAT, surveys) 1..5 → -1..1 in even steps. NPS 0..10:
 * detractors (0–6) negative, from -1 at 0 to -0.3 at 6; passives (7–8)
 * neutral; promoters (9–10) positive.
 */
export function ratingScore(source: FeedbackSource, rating: number | null): number | null {
  if (rating === null) return null;
  if (source === 'nps') {
    if (rating <= 6) return -1 + (rating / 6) * 0.7;
    if (rating <= 8) return 0;
    return rating === 9 ? 0.7 : 1;
  }
  if (rating < 1 || rating > 5) return null;
  return (rating - 3) / 2;
}

export function detectLanguage(text: string): 'en' | 'zh' | null {
  if (text.trim() === '') return null;
  return hasCjk(text) ? 'zh' : 'en';
}

/** The lexicon score of a text, or null when it has no word the lexicons know. */
export function textScore(text: string): number | null {
  const hits = englishHits(text);
  if (hasCjk(text)) hits.push(...chineseHits(text));
  return squash(hits);
}

export function sentimentLabel(score: number): Sentiment {
  if (score < NEGATIVE_BELOW) return 'negative';
  if (score > POSITIVE_ABOVE) return 'positive';
  return 'neutral';
}

const round = (score: number) => Math.round(score * 1000) / 1000;

export function scoreFeedback(subject: SentimentSubject): SentimentResult {
  // The title and body read as one text; a full stop keeps a negation in the title from reaching the body.
  const text = [subject.title, subject.body].filter((part) => part && part.trim() !== '').join('. ');
  const language = detectLanguage(text);
  const fromRating = ratingScore(subject.source, subject.rating);
  const fromText = language === null ? null : textScore(text);
  let score: number | null;
  if (fromRating !== null && fromText !== null) score = RATING_WEIGHT * fromRating + (1 - RATING_WEIGHT) * fromText;
  else score = fromRating ?? fromText ?? (language === null ? null : 0);
  if (score === null) return { score: null, label: null, language };
  const rounded = round(score);
  return { score: rounded, label: sentimentLabel(rounded), language };
}
