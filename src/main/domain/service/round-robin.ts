import type { Sqlite } from '../../db/connection';
import { lastRoundRobinAssignee, setLastRoundRobinAssignee } from './settings';
import { OPEN_TICKET } from './ticket-row';

/**
 * Round-robin assignment: active agents and managers in id order, each taking
 * the next ticket in turn, skipping anyone whose open tickets already reach
 * their capacity. The turn continues after whoever got the last ticket (kept in
 * settings), so assigning one ticket at a time spreads work like assigning many.
 * Owners are left out on purpose: they answer tickets by choice, not by turn.
 */
interface Candidate {
  id: number;
  capacity: number;
  open: number;
}

export interface RoundRobin {
  /** The next person with room, or null when everyone is at capacity. */
  next(): number | null;
}

export function openTicketsByAssignee(sqlite: Sqlite): Map<number, number> {
  const rows = sqlite
    .prepare<[], { assigneeId: number; open: number }>(
      `SELECT t.assignee_id AS assigneeId, count(*) AS open FROM tickets t
        WHERE ${OPEN_TICKET} AND t.assignee_id IS NOT NULL
        GROUP BY t.assignee_id`,
    )
    .all();
  return new Map(rows.map((row) => [row.assigneeId, row.open]));
}

export function startRoundRobin(sqlite: Sqlite, at: Date): RoundRobin {
  const open = openTicketsByAssignee(sqlite);
  const candidates: Candidate[] = sqlite
    .prepare<[], { id: number; capacity: number }>(
      `SELECT id, capacity FROM staff WHERE active = 1 AND role IN ('agent','manager') ORDER BY id`,
    )
    .all()
    .map((s) => ({ ...s, open: open.get(s.id) ?? 0 }));
  let last = lastRoundRobinAssignee(sqlite);
  return {
    next() {
      const withRoom = candidates.filter((c) => c.open < c.capacity);
      if (withRoom.length === 0) return null;
      const chosen = withRoom.find((c) => c.id > last) ?? (withRoom[0] as Candidate);
      chosen.open += 1;
      last = chosen.id;
      setLastRoundRobinAssignee(sqlite, chosen.id, at);
      return chosen.id;
    },
  };
}
