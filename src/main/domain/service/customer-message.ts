import type { ParsedInputOf } from '../../../shared/contract';
import type { TicketDetail, TicketStatus } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { loadTicketDetail } from './detail';
import { insertMessage, ticketOfMessageKey } from './messages';
import { requireActiveStaff } from './staff-check';
import { applyTicketChanges, loadTicketState, requireNotMerged, requireVersion } from './ticket-write';

/** Statuses a new word from the customer moves back to "open": the shop has something to answer again. */
const REOPENED_BY_CUSTOMER: readonly TicketStatus[] = ['waiting_customer', 'solved'];

/**
 * `tickets.logCustomerMessage`: the customer called back or said something in
 * person, and a staff member writes it down on the ticket. It counts as the
 * customer's message for the SLA clocks (a next reply is now owed), and a
 * ticket that waited on the customer or was solved opens again. Closed and
 * merged tickets take no new messages. Idempotent on the key.
 */
export function logCustomerMessage(sqlite: Sqlite, input: ParsedInputOf<'tickets.logCustomerMessage'>, now: Date): TicketDetail {
  return sqlite.transaction((): TicketDetail => {
    const earlier = ticketOfMessageKey(sqlite, input.idempotencyKey);
    if (earlier !== undefined) {
      if (earlier !== input.ticketId) {
        throw new AppError('VALIDATION', 'This message key was already used on another ticket; log the message again as a new one.');
      }
      return loadTicketDetail(sqlite, earlier, now);
    }
    const before = loadTicketState(sqlite, input.ticketId);
    requireVersion(sqlite, before, input.expectedVersion, now);
    requireActiveStaff(sqlite, input.staffId);
    requireNotMerged(before);
    if (before.status === 'closed') {
      throw new AppError('VALIDATION', `Ticket #${before.id} is closed; open a new ticket for what the customer said.`);
    }
    const messageId = insertMessage(sqlite, {
      ticketId: before.id, authorType: 'customer', staffId: input.staffId, visibility: 'public',
      body: input.body, attachments: input.attachments, at: now, idempotencyKey: input.idempotencyKey,
    });
    const status: TicketStatus | undefined = REOPENED_BY_CUSTOMER.includes(before.status) ? 'open' : undefined;
    const changed = applyTicketChanges(sqlite, before, { status }, {
      staffId: input.staffId, now, touch: true, events: ['customer_message'],
    });
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'ticket', entityId: before.id, action: 'ticket.customerMessage',
      detail: { messageId, attachments: input.attachments.length, changed },
    });
    return loadTicketDetail(sqlite, before.id, now);
  })();
}
