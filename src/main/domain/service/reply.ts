import type { ParsedInputOf } from '../../../shared/contract';
import type { TicketDetail, TicketStatus } from '../../../shared/contract/tickets';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { loadTicketDetail } from './detail';
import { getMacro } from './macros/store';
import { insertMessage } from './messages';
import { ticketForNewMessage } from './message-guard';
import { applyTicketChanges } from './ticket-write';

/**
 * `tickets.reply`: a public reply to the customer or an internal note, with a
 * macro's actions (status, priority, tags) applied in the same transaction.
 * After a public reply the ticket waits on the customer unless a status is
 * given. Only a public reply answers the customer for the SLA clocks; a note
 * leaves them running. Idempotent: a retry with the same key changes nothing.
 */
export function replyToTicket(sqlite: Sqlite, input: ParsedInputOf<'tickets.reply'>, now: Date): TicketDetail {
  return sqlite.transaction((): TicketDetail => {
    const guard = ticketForNewMessage(sqlite, input, now, {
      keyReused: 'This reply key was already used on another ticket; send the reply again as a new one.',
      closed: (id) => `Ticket #${id} is closed; reopen it or open a new ticket to write to the customer again.`,
    });
    if ('replay' in guard) return guard.replay;
    const { before } = guard;
    const macro = input.macroId === undefined ? null : getMacro(sqlite, input.macroId);
    if (macro && !macro.active) throw new AppError('VALIDATION', `The macro "${macro.name}" is switched off; choose another one.`);

    const isPublic = input.visibility === 'public';
    const messageId = insertMessage(sqlite, {
      ticketId: before.id, authorType: 'staff', staffId: input.staffId, visibility: input.visibility,
      body: input.body, attachments: input.attachments, at: now, idempotencyKey: input.idempotencyKey,
    });
    const status: TicketStatus | undefined = input.status ?? macro?.actions.status ?? (isPublic ? 'waiting_customer' : undefined);
    const addTags = macro?.actions.addTags ?? [];
    const changed = applyTicketChanges(sqlite, before, {
      status,
      priority: macro?.actions.priority,
      tags: addTags.length > 0 ? [...new Set([...before.tags, ...addTags])] : undefined,
    }, {
      staffId: input.staffId, now, touch: true, firstReply: isPublic,
      events: isPublic ? ['staff_public_reply'] : [],
    });
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'ticket', entityId: before.id,
      action: isPublic ? 'ticket.reply' : 'ticket.note',
      detail: { messageId, macroId: macro?.id ?? null, attachments: input.attachments.length, changed },
    });
    return loadTicketDetail(sqlite, before.id, now);
  })();
}
