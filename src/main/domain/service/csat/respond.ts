import type { ParsedInputOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Sqlite } from '../../../db/connection';
import { isActiveStaff, recordAudit } from '../../audit/log';

/**
 * A customer's answer to a satisfaction request, entered by code (from the
 * shop's feedback page, or typed in by staff from a reply). The answer is
 * kept with the rest of the feedback (source 'csat', linked to the ticket and
 * customer) and its score shown on the ticket. One answer per code: a second
 * one answers CONFLICT and changes nothing.
 */
interface RequestRow {
  id: number;
  ticket_id: number;
  responded_at: string | null;
  store_id: number | null;
  customer_id: number | null;
  order_id: number | null;
}

/** The rating alone says how the customer felt; the feedback area may refine it from the text. */
function sentimentOf(score: number): { label: 'negative' | 'neutral' | 'positive'; score: number } {
  return { label: score <= 2 ? 'negative' : score === 3 ? 'neutral' : 'positive', score: (score - 3) / 2 };
}

export function respondToCsat(sqlite: Sqlite, input: ParsedInputOf<'csat.respond'>, at: Date): { ticketId: number; score: number } {
  return sqlite.transaction(() => {
    const code = input.code.toUpperCase();
    const request = sqlite
      .prepare<[string], RequestRow>(
        `SELECT r.id, r.ticket_id, r.responded_at, t.store_id, t.customer_id, t.order_id
         FROM csat_requests r JOIN tickets t ON t.id = r.ticket_id WHERE r.code = ?`,
      )
      .get(code);
    if (!request) throw new AppError('NOT_FOUND', `No satisfaction request has the code ${code}; check the code and try again.`);
    if (request.responded_at !== null) {
      throw new AppError('CONFLICT', `The satisfaction request ${code} was already answered; each code takes one answer.`,
        { current: { ticketId: request.ticket_id, respondedAt: request.responded_at } });
    }
    if (input.staffId !== undefined && !isActiveStaff(sqlite, input.staffId)) {
      throw new AppError('VALIDATION', 'Choose an active staff member in "Acting as" before recording an answer.');
    }
    const nowIso = at.toISOString();
    const sentiment = sentimentOf(input.score);
    const feedbackId = Number(sqlite
      .prepare(
        `INSERT INTO feedback (store_id, customer_id, order_id, source, rating, body, status, ticket_id,
           sentiment_score, sentiment, created_at)
         VALUES (?, ?, ?, 'csat', ?, ?, 'new', ?, ?, ?, ?)`,
      )
      .run(request.store_id, request.customer_id, request.order_id, input.score, input.comment || null, request.ticket_id,
        sentiment.score, sentiment.label, nowIso).lastInsertRowid);
    sqlite.prepare('UPDATE csat_requests SET responded_at = ?, feedback_id = ? WHERE id = ?').run(nowIso, feedbackId, request.id);
    // Not a staff edit: the ticket's version stays, so nobody's open edit turns stale.
    sqlite.prepare('UPDATE tickets SET csat_score = ? WHERE id = ?').run(input.score, request.ticket_id);
    if (input.staffId !== undefined) {
      recordAudit(sqlite, { at, staffId: input.staffId, entityType: 'ticket', entityId: request.ticket_id,
        action: 'ticket.csat.recorded', detail: { code, score: input.score, feedbackId } });
    }
    return { ticketId: request.ticket_id, score: input.score };
  })();
}
