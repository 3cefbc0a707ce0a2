import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/contract';
import type { BulkAction, BulkResult, TicketStatus } from '../../../shared/contract/tickets';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { requireActiveStaff, requireAssignable } from './staff-check';
import { applyTicketChanges, loadTicketState, type TicketChanges, type TicketState } from './ticket-write';

/**
 * `tickets.bulk`: assign, tag or close many tickets in one transaction. What
 * each changed ticket was before is kept for ten minutes so `tickets.undo`
 * can put exactly that back (see undo.ts).
 */
export const UNDO_WINDOW_MS = 10 * 60_000;

export interface UndoEntry {
  id: number;
  /** The version the action left; undo skips a ticket someone changed since. */
  version: number;
  assigneeId: number | null;
  tags: string[];
  status: TicketStatus;
  solvedAt: string | null;
  solvedById: number | null;
}

function changesFor(action: BulkAction, ticket: TicketState): TicketChanges {
  switch (action.kind) {
    case 'assign':
      return { assigneeId: action.assigneeId };
    case 'tag':
      return { tags: ticket.tags.includes(action.tag) ? ticket.tags : [...ticket.tags, action.tag] };
    case 'close':
      return { status: 'closed' };
  }
}

export function bulkUpdateTickets(sqlite: Sqlite, input: ParsedInputOf<'tickets.bulk'>, now: Date): BulkResult {
  return sqlite.transaction((): BulkResult => {
    requireActiveStaff(sqlite, input.staffId);
    if (input.action.kind === 'assign' && input.action.assigneeId !== null) requireAssignable(sqlite, input.action.assigneeId);
    const ids = [...new Set(input.ids)];
    const tickets = ids.map((id) => loadTicketState(sqlite, id));
    const undoToken = randomUUID();
    const snapshot: UndoEntry[] = [];
    for (const ticket of tickets) {
      // A merged ticket lives on in its target; the action is for the tickets still worked.
      if (ticket.mergedIntoId !== null) continue;
      const changed = applyTicketChanges(sqlite, ticket, changesFor(input.action, ticket), { staffId: input.staffId, now });
      if (Object.keys(changed).length === 0) continue;
      snapshot.push({ id: ticket.id, version: ticket.version + 1, assigneeId: ticket.assigneeId, tags: ticket.tags,
        status: ticket.status, solvedAt: ticket.solvedAt, solvedById: ticket.solvedById });
      recordAudit(sqlite, {
        at: now, staffId: input.staffId, entityType: 'ticket', entityId: ticket.id, action: 'ticket.bulk',
        detail: { action: input.action, changed, undoToken },
      });
    }
    sqlite
      .prepare(`INSERT INTO ticket_bulk_undo (token, staff_id, action, snapshot, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(undoToken, input.staffId, input.action.kind, JSON.stringify(snapshot), now.toISOString(),
        new Date(now.getTime() + UNDO_WINDOW_MS).toISOString());
    // Old snapshots are of no use once their window has passed.
    sqlite.prepare('DELETE FROM ticket_bulk_undo WHERE expires_at < ?').run(new Date(now.getTime() - UNDO_WINDOW_MS).toISOString());
    return { changed: snapshot.length, undoToken };
  })();
}

