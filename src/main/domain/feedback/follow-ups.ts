import type { FeedbackSource, Sentiment } from '../../../shared/contract/feedback';
import type { Sqlite } from '../../db/connection';
import { postBonus } from '../loyalty/bonus';
import { readLoyaltySettings } from '../loyalty/settings';
import { createTicket } from '../service/create';
import { reviewBonusReference } from './item';

/**
 * What a new feedback item sets off, inside the caller's transaction:
 * - a negative item (not a CSAT answer, which belongs to a ticket already)
 *   opens a ticket, unless it has one; a one-star rating opens it as high priority;
 * - a review by a known customer earns the program's review bonus, once
 *   (the bonus key names the review, so a replay never posts twice).
 */
export interface FollowUpSubject {
  id: number;
  source: FeedbackSource;
  rating: number | null;
  sentiment: Sentiment | null;
  customerId: number | null;
  ticketId: number | null;
}

export interface FollowUpOutcome {
  ticketId: number | null;
  ticketOpened: boolean;
  pointsAwarded: number;
}

export function needsTicket(item: FollowUpSubject): boolean {
  return item.sentiment === 'negative' && item.source !== 'csat' && item.ticketId === null;
}

export function followUp(sqlite: Sqlite, item: FollowUpSubject, staffId: number, now: Date): FollowUpOutcome {
  let ticketId = item.ticketId;
  let ticketOpened = false;
  if (needsTicket(item)) {
    const oneStar = item.source !== 'nps' && item.rating === 1;
    ticketId = createTicket(sqlite, {
      staffId,
      source: { kind: 'feedback', feedbackId: item.id },
      ...(oneStar ? { priority: 'high' as const } : {}),
      tags: [],
      idempotencyKey: `feedback:${item.id}:ticket`,
    }, now).id;
    ticketOpened = true;
  }
  return { ticketId, ticketOpened, pointsAwarded: awardReviewPoints(sqlite, item, staffId, now) };
}

/** The review bonus, when the program gives points for reviews and the review has a customer; 0 otherwise. */
export function awardReviewPoints(sqlite: Sqlite, item: FollowUpSubject, staffId: number | null, now: Date): number {
  if (item.source !== 'review' || item.customerId === null) return 0;
  const settings = readLoyaltySettings(sqlite);
  if (!settings.enabled || settings.bonusActions.review <= 0) return 0;
  const posting = postBonus({ sqlite, now: () => now }, {
    customerId: item.customerId, action: 'review', reference: reviewBonusReference(item.id), staffId,
  });
  return posting.entry.points;
}
