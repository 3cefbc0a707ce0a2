import type { TicketDetail } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { loadTicketDetail } from './detail';
import { ticketOfMessageKey } from './messages';
import { requireActiveStaff } from './staff-check';
import { loadTicketState, requireNotMerged, requireVersion, type TicketState } from './ticket-write';

export interface NewMessageRequest {
  ticketId: number;
  staffId: number;
  expectedVersion: number;
  idempotencyKey: string;
}

/** What the refusals say, in the words of the kind of message being added. */
export interface MessageSentences {
  keyReused: string;
  closed: (ticketId: number) => string;
}

/**
 * Before a message goes on a ticket (a reply, a note, the customer's words):
 * a key already used answers the ticket as that message left it; otherwise
 * the ticket must be the version the person saw, open to messages (not
 * closed, not merged away) and written by an active staff member.
 */
export function ticketForNewMessage(
  sqlite: Sqlite, request: NewMessageRequest, now: Date, sentences: MessageSentences,
): { replay: TicketDetail } | { before: TicketState } {
  const earlier = ticketOfMessageKey(sqlite, request.idempotencyKey);
  if (earlier !== undefined) {
    if (earlier !== request.ticketId) throw new AppError('VALIDATION', sentences.keyReused);
    return { replay: loadTicketDetail(sqlite, earlier, now) };
  }
  const before = loadTicketState(sqlite, request.ticketId);
  requireVersion(sqlite, before, request.expectedVersion, now);
  requireActiveStaff(sqlite, request.staffId);
  requireNotMerged(before);
  if (before.status === 'closed') throw new AppError('VALIDATION', sentences.closed(before.id));
  return { before };
}
