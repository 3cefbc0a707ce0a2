import type { ParsedInputOf } from '../../../shared/contract';
import type { AutoAssignResult } from '../../../shared/contract/tickets';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { DUE_KEY } from './queues';
import { startRoundRobin } from './round-robin';
import { requireActiveStaff } from './staff-check';
import { applyTicketChanges, loadTicketState } from './ticket-write';
import { OPEN_TICKET } from './ticket-row';

/**
 * `tickets.autoAssign`: hands unassigned open tickets (the ones given, or the
 * whole unassigned queue, earliest deadline first) round-robin to the agents
 * and managers with room under their capacity.
 */
export function autoAssignTickets(sqlite: Sqlite, input: ParsedInputOf<'tickets.autoAssign'>, now: Date): AutoAssignResult {
  return sqlite.transaction((): AutoAssignResult => {
    requireActiveStaff(sqlite, input.staffId);
    const waiting = input.ticketIds
      ? sqlite
        .prepare<[string], number>(
          `SELECT t.id FROM tickets t WHERE t.id IN (SELECT value FROM json_each(?))
             AND ${OPEN_TICKET} AND t.assignee_id IS NULL ORDER BY ${DUE_KEY}, t.id`,
        )
        .pluck()
        .all(JSON.stringify(input.ticketIds))
      : sqlite
        .prepare<[], number>(`SELECT t.id FROM tickets t WHERE ${OPEN_TICKET} AND t.assignee_id IS NULL ORDER BY ${DUE_KEY}, t.id`)
        .pluck()
        .all();
    const turn = startRoundRobin(sqlite, now);
    const assigned: AutoAssignResult['assigned'] = [];
    for (const ticketId of waiting) {
      const assigneeId = turn.next();
      if (assigneeId === null) break;
      const before = loadTicketState(sqlite, ticketId);
      applyTicketChanges(sqlite, before, { assigneeId }, { staffId: input.staffId, now });
      recordAudit(sqlite, {
        at: now, staffId: input.staffId, entityType: 'ticket', entityId: ticketId, action: 'ticket.assign',
        detail: { changed: { assigneeId: { from: null, to: assigneeId } }, by: 'round_robin' },
      });
      assigned.push({ ticketId, assigneeId });
    }
    return { assigned, leftUnassigned: waiting.length - assigned.length };
  })();
}
