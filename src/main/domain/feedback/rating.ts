import type { FeedbackSource } from '../../../shared/contract/feedback';

/** NPS answers are 0–10; every other source rates in stars, 1–5. */
export function ratingRange(source: FeedbackSource): { min: number; max: number } {
  return source === 'nps' ? { min: 0, max: 10 } : { min: 1, max: 5 };
}

/** Why a rating does not fit its source, as a sentence fragment, or null when it fits. */
export function ratingProblem(source: FeedbackSource, rating: number | null): string | null {
  if (rating === null) return null;
  const { min, max } = ratingRange(source);
  if (!Number.isInteger(rating) || rating < min || rating > max) {
    return `${source === 'nps' ? 'an NPS score' : 'a star rating'} must be a whole number from ${min} to ${max}`;
  }
  return null;
}
