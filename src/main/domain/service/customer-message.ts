import type { ParsedInputOf } from '../../../shared/contract';
import type { TicketDetail, TicketStatus } from '../../../shared/contract/tickets';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { loadTicketDetail } from './detail';
import { insertMessage } from './messages';
import { ticketForNewMessage } from './message-guard';
import { applyTicketChanges } from './ticket-write';

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
    const guard = ticketForNewMessage(sqlite, input, now, {
      keyReused: 'This message key was already used on another ticket; log the message again as a new one.',
      closed: (id) => `Ticket #${id} is closed; open a new ticket for what the customer said.`,
    });
    if ('replay' in guard) return guard.replay;
    const { before } = guard;
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
