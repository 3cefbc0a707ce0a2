import type { ParsedInputOf } from '../../../shared/contract';
import type { TicketDetail } from '../../../shared/contract/tickets';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { loadTicketDetail } from './detail';
import { insertMessage } from './messages';
import { startRoundRobin } from './round-robin';
import { autoAssignEnabled } from './settings';
import { applySlaEvent } from './sla/clock';
import { resolveSource } from './source';
import { requireActiveStaff, requireAssignable } from './staff-check';

/**
 * Opens a ticket: by hand (the phone case) or from a review, a return or a
 * delayed shipment, whose customer and order it takes over and which it links
 * back to (feedback.ticket_id / returns.ticket_id). Its own transaction, which
 * nests as a savepoint inside a caller's (returns and feedback call this).
 * Idempotent: a retry with the same key answers the ticket the first attempt
 * made, and a source that already has its ticket answers that ticket.
 */
export function createTicket(sqlite: Sqlite, input: ParsedInputOf<'tickets.create'>, now: Date): TicketDetail {
  return sqlite.transaction((): TicketDetail => {
    const earlier = sqlite
      .prepare<[string], number>('SELECT id FROM tickets WHERE idempotency_key = ?')
      .pluck()
      .get(input.idempotencyKey);
    if (earlier !== undefined) return loadTicketDetail(sqlite, earlier, now);
    requireActiveStaff(sqlite, input.staffId);
    const source = resolveSource(sqlite, input.source);
    if (source.existingTicketId !== null) return loadTicketDetail(sqlite, source.existingTicketId, now);

    let assigneeId: number | null = input.assigneeId ?? null;
    let assignedBy: 'hand' | 'round_robin' | null = assigneeId === null ? null : 'hand';
    if (assigneeId !== null) requireAssignable(sqlite, assigneeId);
    if (input.assigneeId === undefined && autoAssignEnabled(sqlite)) {
      assigneeId = startRoundRobin(sqlite, now).next();
      assignedBy = assigneeId === null ? null : 'round_robin';
    }

    const at = now.toISOString();
    const staffAnswered = input.message?.author === 'staff';
    const tags = [...new Set([...(source.tag ? [source.tag] : []), ...input.tags])];
    const priority = input.priority ?? source.priority;
    const ticketId = Number(
      sqlite
        .prepare(
          `INSERT INTO tickets (customer_id, order_id, channel, subject, status, priority, assignee_id, tags,
             first_replied_at, feedback_id, return_id, shipment_id, idempotency_key, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(source.customerId, source.orderId, source.channel, source.subject, staffAnswered ? 'open' : 'new',
          priority, assigneeId, JSON.stringify(tags), staffAnswered ? at : null, source.feedbackId, source.returnId,
          source.shipmentId, input.idempotencyKey, at, at).lastInsertRowid,
    );

    const customerText = input.message === undefined ? source.customerText : null;
    if (customerText !== null) {
      insertMessage(sqlite, { ticketId, authorType: 'customer', staffId: null, visibility: 'public', body: customerText,
        attachments: [], at: now });
    }
    if (input.message) {
      insertMessage(sqlite, { ticketId, authorType: input.message.author,
        staffId: staffAnswered ? input.staffId : null, visibility: 'public', body: input.message.body,
        attachments: input.message.attachments, at: now });
    }
    if (source.feedbackId !== null) {
      sqlite.prepare('UPDATE feedback SET ticket_id = ? WHERE id = ?').run(ticketId, source.feedbackId);
    }
    if (source.returnId !== null) {
      sqlite.prepare('UPDATE returns SET ticket_id = ? WHERE id = ?').run(ticketId, source.returnId);
    }

    applySlaEvent(sqlite, ticketId, { kind: 'created', at: now });
    if (staffAnswered) applySlaEvent(sqlite, ticketId, { kind: 'staff_public_reply', at: now });
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'ticket', entityId: ticketId, action: 'ticket.create',
      detail: { source: input.source.kind, channel: source.channel, priority, assigneeId, assignedBy, tags },
    });
    return loadTicketDetail(sqlite, ticketId, now);
  })();
}
