import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import type { UndoEntry } from './bulk';
import { requireActiveStaff } from './staff-check';
import { applyTicketChanges, loadTicketState } from './ticket-write';

/**
 * `tickets.undo`: puts back exactly the assignee, tags and status each ticket
 * had before a bulk action, for ten minutes after it. A ticket someone changed
 * since is left as it is now (their change wins). Undoing twice is a CONFLICT.
 */
export function undoBulk(sqlite: Sqlite, input: ParsedInputOf<'tickets.undo'>, now: Date): { restored: number } {
  return sqlite.transaction((): { restored: number } => {
    requireActiveStaff(sqlite, input.staffId);
    const row = sqlite
      .prepare<[string], { snapshot: string; expiresAt: string; undoneAt: string | null; action: string }>(
        `SELECT snapshot, expires_at AS expiresAt, undone_at AS undoneAt, action FROM ticket_bulk_undo WHERE token = ?`,
      )
      .get(input.undoToken);
    if (!row) throw new AppError('NOT_FOUND', 'There is nothing to undo for this action; it may be too old.');
    if (row.undoneAt !== null) throw new AppError('CONFLICT', 'This action was already undone.');
    if (row.expiresAt <= now.toISOString()) {
      throw new AppError('CONFLICT', 'This action can no longer be undone: undo is possible for ten minutes.');
    }
    let restored = 0;
    const skipped: number[] = [];
    for (const entry of JSON.parse(row.snapshot) as UndoEntry[]) {
      const current = loadTicketState(sqlite, entry.id);
      if (current.version !== entry.version) {
        skipped.push(entry.id);
        continue;
      }
      const changed = applyTicketChanges(sqlite, current,
        { assigneeId: entry.assigneeId, tags: entry.tags, status: entry.status },
        { staffId: input.staffId, now, restoreSolve: { solvedAt: entry.solvedAt, solvedById: entry.solvedById } });
      recordAudit(sqlite, {
        at: now, staffId: input.staffId, entityType: 'ticket', entityId: entry.id, action: 'ticket.bulk_undo',
        detail: { action: row.action, changed, undoToken: input.undoToken },
      });
      restored += 1;
    }
    sqlite.prepare('UPDATE ticket_bulk_undo SET undone_at = ? WHERE token = ?').run(now.toISOString(), input.undoToken);
    return { restored };
  })();
}
