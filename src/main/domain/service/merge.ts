import type { ParsedInputOf } from '../../../shared/contract';
import type { TicketDetail } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { loadTicketDetail } from './detail';
import { insertMessage } from './messages';
import { applySlaEvent } from './sla/clock';
import { requireActiveStaff } from './staff-check';
import { applyTicketChanges, loadTicketState, requireNotMerged } from './ticket-write';

/**
 * `tickets.merge`: two tickets of the same customer about the same thing
 * become one. Every message moves to the target with its own time, the
 * target gains the source's tags and links, and the source is closed with a
 * pointer to the target. Merging again answers the target unchanged.
 */
export function mergeTickets(sqlite: Sqlite, input: ParsedInputOf<'tickets.merge'>, now: Date): TicketDetail {
  return sqlite.transaction((): TicketDetail => {
    const source = loadTicketState(sqlite, input.sourceId);
    const target = loadTicketState(sqlite, input.targetId);
    if (source.mergedIntoId === target.id) return loadTicketDetail(sqlite, target.id, now);
    requireActiveStaff(sqlite, input.staffId);
    requireNotMerged(source);
    requireNotMerged(target);
    if (source.customerId === null || source.customerId !== target.customerId) {
      throw new AppError('VALIDATION',
        `Tickets #${source.id} and #${target.id} are not from the same customer; only a customer's own tickets can be merged.`);
    }
    if (target.status === 'closed') {
      throw new AppError('VALIDATION', `Ticket #${target.id} is closed; merge into a ticket that is still open.`);
    }

    const moved = sqlite.prepare('UPDATE ticket_messages SET ticket_id = ? WHERE ticket_id = ?').run(target.id, source.id).changes;
    // Links the source carried now point at the ticket that lives on.
    sqlite.prepare('UPDATE feedback SET ticket_id = ? WHERE ticket_id = ?').run(target.id, source.id);
    sqlite.prepare('UPDATE returns SET ticket_id = ? WHERE ticket_id = ?').run(target.id, source.id);
    sqlite
      .prepare(
        `UPDATE tickets SET
           feedback_id = coalesce(feedback_id, (SELECT feedback_id FROM tickets WHERE id = @source)),
           return_id = coalesce(return_id, (SELECT return_id FROM tickets WHERE id = @source)),
           shipment_id = coalesce(shipment_id, (SELECT shipment_id FROM tickets WHERE id = @source)),
           order_id = coalesce(order_id, (SELECT order_id FROM tickets WHERE id = @source))
         WHERE id = @target`,
      )
      .run({ source: source.id, target: target.id });
    insertMessage(sqlite, { ticketId: target.id, authorType: 'system', staffId: input.staffId, visibility: 'internal',
      body: `Ticket #${source.id} "${source.subject}" was merged into this ticket (${moved} messages).`, attachments: [], at: now });
    insertMessage(sqlite, { ticketId: source.id, authorType: 'system', staffId: input.staffId, visibility: 'internal',
      body: `Merged into ticket #${target.id}.`, attachments: [], at: now });

    owedReplyFromSource(sqlite, target.id);
    applyTicketChanges(sqlite, source, { status: 'closed' }, { staffId: input.staffId, now, touch: true });
    sqlite.prepare('UPDATE tickets SET merged_into_id = ? WHERE id = ?').run(target.id, source.id);
    applyTicketChanges(sqlite, target, { tags: [...new Set([...target.tags, ...source.tags])] },
      { staffId: input.staffId, now, touch: true });

    const detail = { sourceId: source.id, targetId: target.id, messagesMoved: moved, idempotencyKey: input.idempotencyKey };
    recordAudit(sqlite, { at: now, staffId: input.staffId, entityType: 'ticket', entityId: source.id, action: 'ticket.merged_into', detail });
    recordAudit(sqlite, { at: now, staffId: input.staffId, entityType: 'ticket', entityId: target.id, action: 'ticket.merged_from', detail });
    return loadTicketDetail(sqlite, target.id, now);
  })();
}

/**
 * A customer message that came with the source and is newer than anything
 * the target knew, and not yet answered, is a reply the target now owes.
 */
function owedReplyFromSource(sqlite: Sqlite, targetId: number): void {
  const row = sqlite
    .prepare<[number], { customerAt: string | null; staffAt: string | null; knownAt: string | null; repliedAt: string | null }>(
      `SELECT (SELECT max(created_at) FROM ticket_messages WHERE ticket_id = t.id AND author_type = 'customer') AS customerAt,
              (SELECT max(created_at) FROM ticket_messages WHERE ticket_id = t.id AND author_type = 'staff'
                  AND visibility = 'public') AS staffAt,
              t.last_customer_message_at AS knownAt, t.first_replied_at AS repliedAt
         FROM tickets t WHERE t.id = ?`,
    )
    .get(targetId);
  if (!row?.customerAt || row.repliedAt === null) return;
  if ((row.staffAt !== null && row.customerAt <= row.staffAt) || (row.knownAt !== null && row.customerAt <= row.knownAt)) return;
  applySlaEvent(sqlite, targetId, { kind: 'customer_message', at: new Date(row.customerAt) });
}
